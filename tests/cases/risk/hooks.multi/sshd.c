// ARGS: --min-risk low
/* sshd: runs as root, hands ttys to users; its own cleanup_exit(). */
#include <sys/stat.h>
#include <unistd.h>

#include "ssh.h"

static void do_cleanup(const char *tty) {
  chown(tty, 0, 0);
}

void cleanup_exit(int status) {
  do_cleanup("/dev/pts/0");
  _exit(status);
}

static int setowner(const char *tty) {
  struct stat st;
  if (stat(tty, &st) != 0 || !S_ISCHR(st.st_mode))
    { sshfatal("stat"); return -1; }
  return chmod(tty, 0600);   // WARNING[toctou-check-use risk=high because="chown()s files to other users"]
}

int main(int argc, char **argv) {
  return argc > 1 ? setowner(argv[1]) : 0;
}
