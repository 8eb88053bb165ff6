// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 4 (rsync receiver.c: fd2 = open_readonly_inplace(tmp)):
 * a helper that tests the name on the way and returns the descriptor it
 * opened is an open, not a check: when the caller works through the
 * descriptor, the open is the work and decides nothing about later calls
 * on the name. Opened and closed at once, it is a probe like open(). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int open_for_update(const char *fn) {
  struct stat st;
  if (stat(fn, &st) < 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(fn, O_WRONLY);               // WARNING[toctou-check-use]
}

int finish(const char *tmp, const char *dst) {
  int fd = open_for_update(tmp);
  if (fd < 0)
    return -1;
  if (write(fd, "x", 1) != 1) {
    close(fd);
    return unlink(tmp);                    // no-warning
  }
  close(fd);
  return rename(tmp, dst);                 // no-warning
}

/* Real twin: a helper that only tests and returns the answer. */
static int is_regular(const char *fn) {
  struct stat st;
  return stat(fn, &st) == 0 && S_ISREG(st.st_mode);   // NOTE[toctou-check-use]
}

int test_then_chmod(const char *fn) {
  if (!is_regular(fn))
    return -1;
  return chmod(fn, 0600);                  // WARNING[toctou-check-use]
}
