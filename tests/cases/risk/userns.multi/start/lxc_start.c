/* the twin: setgid(0) outside a user namespace, a sign of set-ID */
#include <fcntl.h>
#include <unistd.h>

int become_root(void);

static int write_pidfile(const char *pidfile) {
  if (access(pidfile, W_OK) == 0)
    return -1;
  return open(pidfile, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use risk=high because="calls setgid()"]
}

int main(int argc, char **argv) {
  if (become_root() < 0 || argc < 2)
    return 1;
  return write_pidfile(argv[1]) < 0;
}
