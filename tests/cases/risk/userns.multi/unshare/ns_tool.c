/* root of a namespace it has just made: no sign either */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

static int enter_userns(void) {
  if (unshare(CLONE_NEWUSER) < 0)
    return -1;
  return setgid(0) || setuid(0) ? -1 : 0;
}

static int write_pidfile(const char *pidfile) {
  if (access(pidfile, W_OK) == 0)
    return -1;
  return open(pidfile, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use risk=low because="nothing shows it is"]
}

int main(int argc, char **argv) {
  if (enter_userns() < 0 || argc < 2)
    return 1;
  return write_pidfile(argv[1]) < 0;
}
