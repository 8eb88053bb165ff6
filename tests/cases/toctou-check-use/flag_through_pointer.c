// ARGS: --min-risk low
// CFLAGS: -D_XOPEN_SOURCE=600
/* Issue 10, cause 9: a flag set through a pointer on the check's branch
 * and compared with the same constant before the use (GNU screen's
 * OpenDevice(): *typep = PLAIN; *namep = arg after the tty is checked and
 * opened; *typep = PTY; *namep = ptsname() on the other branch; the
 * chown() and chmod() of *namep run only where *typep == PTY). The use's
 * name is the checked one only through the copy *namep = arg, and no
 * path from that copy reaches the use.
 *
 * The twins: the flag handed to a function between (it may change it),
 * the pointer moved between, the test against another constant. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { PTY, PLAIN, GROUP };

void retype(int *typep);

int open_device(char *arg, char **namep, int *typep) {
  struct stat st;
  int fd;
  if (stat(arg, &st) == 0 && S_ISCHR(st.st_mode)) {
    if ((fd = open(arg, O_RDWR | O_NOCTTY)) < 0)   // WARNING[toctou-check-use]
      return -1;
    *typep = PLAIN;
    *namep = arg;
  } else {
    *typep = PTY;
    fd = posix_openpt(O_RDWR);
    *namep = ptsname(fd);
  }
  if (*typep != PTY)
    return fd;
  if (chown(*namep, getuid(), 5))   // no-warning
    return -1;
  chmod(*namep, 0620);   // no-warning
  return fd;
}

/* twin: a function given the flag's pointer may set it to PTY */
int open_retyped(char *arg, char **namep, int *typep) {
  struct stat st;
  int fd;
  if (stat(arg, &st) == 0 && S_ISCHR(st.st_mode)) {
    if ((fd = open(arg, O_RDWR | O_NOCTTY)) < 0)   // WARNING[toctou-check-use]
      return -1;
    *typep = PLAIN;
    *namep = arg;
    retype(typep);
  } else {
    *typep = PTY;
    fd = posix_openpt(O_RDWR);
    *namep = ptsname(fd);
  }
  if (*typep != PTY)
    return fd;
  return chown(*namep, getuid(), 5);   // WARNING[toctou-check-use]
}

/* twin: the test rules out another value; the checked tty gets here */
int open_not_group(char *arg, char **namep, int *typep) {
  struct stat st;
  int fd;
  if (stat(arg, &st) == 0 && S_ISCHR(st.st_mode)) {
    if ((fd = open(arg, O_RDWR | O_NOCTTY)) < 0)   // WARNING[toctou-check-use]
      return -1;
    *typep = PLAIN;
    *namep = arg;
  } else {
    *typep = PTY;
    fd = posix_openpt(O_RDWR);
    *namep = ptsname(fd);
  }
  if (*typep == GROUP)
    return fd;
  return chown(*namep, getuid(), 5);   // WARNING[toctou-check-use]
}

/* twin: the flag's pointer moved between: *typep is another int there */
int open_moved(char *arg, char **namep, int *typep, int *other) {
  struct stat st;
  int fd;
  if (stat(arg, &st) == 0 && S_ISCHR(st.st_mode)) {
    if ((fd = open(arg, O_RDWR | O_NOCTTY)) < 0)   // WARNING[toctou-check-use]
      return -1;
    *typep = PLAIN;
    *namep = arg;
    typep = other;
  } else {
    *typep = PTY;
    fd = posix_openpt(O_RDWR);
    *namep = ptsname(fd);
  }
  if (*typep != PTY)
    return fd;
  return chown(*namep, getuid(), 5);   // WARNING[toctou-check-use]
}
