// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, what is evidence of privilege (libfuse's
 * recheck_ENOTCONN_as_owner(), openssh's subprocess(); triage of
 * 2026-12-03): a forked child that becomes one user for good before it
 * runs something shows nothing of the parent's rights, and its drop does
 * not reach the parent's later code. Here nothing else shows privilege:
 * the pair is medium (the use and the check raise it), not high.
 * fork_parent.c is the twin that switches ids in the parent: high. */
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int run_as(const char *prog, uid_t uid, gid_t gid) {
  int status;
  pid_t pid = fork();
  if (pid == -1)
    return -1;
  if (pid == 0) {
    if (setresgid(gid, gid, gid) || setresuid(uid, uid, uid))
      _exit(1);
    execl(prog, prog, (char *)0);
    _exit(127);
  }
  return waitpid(pid, &status, 0) < 0 ? -1 : status;
}

int fix_socket(const char *sock, uid_t uid, gid_t gid) {
  struct stat st;
  if (stat(sock, &st) != 0 || !S_ISSOCK(st.st_mode))
    return -1;
  run_as("/bin/true", uid, gid);
  return chmod(sock, 0600);                // WARNING[toctou-check-use risk=medium because="stat() tested the owner, mode or type"]
}
