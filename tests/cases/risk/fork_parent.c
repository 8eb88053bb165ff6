// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* The twin of fork_child.c: the same switch of ids, made by the process
 * itself rather than by a child it forked, says it runs with rights its
 * user may lack: the pair is high. */
#include <sys/stat.h>
#include <unistd.h>

static int become(uid_t uid, gid_t gid) {
  return setresgid(gid, gid, gid) || setresuid(uid, uid, uid) ? -1 : 0;
}

int fix_socket(const char *sock, uid_t uid, gid_t gid) {
  struct stat st;
  if (stat(sock, &st) != 0 || !S_ISSOCK(st.st_mode))
    return -1;
  int r = chmod(sock, 0600);               // WARNING[toctou-check-use risk=high because="calls setresgid()"]
  become(uid, gid);
  return r;
}
