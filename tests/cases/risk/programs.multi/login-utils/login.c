// ARGS: --min-risk low
/* login runs as root and calls the helper that changes ids. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int get_hushlogin_status(uid_t uid, gid_t gid, const char *file);

static int own_tty(const char *tty, uid_t uid, gid_t gid) {
  struct stat st;
  if (stat(tty, &st) != 0 || !S_ISCHR(st.st_mode))
    return -1;
  return chmod(tty, 0620);   // WARNING[toctou-check-use risk=high because="calls setregid()"]
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  own_tty(argv[1], 1000, 5);
  return get_hushlogin_status(1000, 1000, ".hushlogin");
}
