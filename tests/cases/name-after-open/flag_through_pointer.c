// ARGS: --min-risk low
/* Issue 10, cause 9, by-name call while open: GNU screen's OpenDevice()
 * opens the tty (OpenTTY(arg)) and sets *typep = PLAIN; the chown() and
 * chmod() of *namep run only where *typep == PTY, on the pty it opened
 * instead. The twin tests another constant: the open tty gets there. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { PTY, PLAIN, GROUP };

int open_pty(char **namep);

static int open_tty(const char *line) {
  return open(line, O_RDWR | O_NOCTTY);
}

int open_device(char *arg, char **namep, int *typep) {
  int fd;
  if (arg[0] == '/') {
    if ((fd = open_tty(arg)) < 0)
      return -1;
    *typep = PLAIN;
    *namep = arg;
  } else {
    *typep = PTY;
    fd = open_pty(namep);
  }
  if (*typep != PTY)
    return fd;
  if (chown(*namep, getuid(), 5)) {   // no-warning
    close(fd);
    return -1;
  }
  chmod(*namep, 0620);   // no-warning
  return fd;
}

int open_device_twin(char *arg, char **namep, int *typep) {
  int fd;
  if (arg[0] == '/') {
    if ((fd = open_tty(arg)) < 0)
      return -1;
    *typep = PLAIN;
    *namep = arg;
  } else {
    *typep = PTY;
    fd = open_pty(namep);
  }
  if (*typep == GROUP)
    return fd;
  if (chown(*namep, getuid(), 5)) {   // WARNING[name-after-open]
    close(fd);
    return -1;
  }
  return fd;
}
