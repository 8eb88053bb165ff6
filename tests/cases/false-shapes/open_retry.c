// ARGS: --min-risk low
/* Issue 10, cause 2 (cups scheduler/log.c): an open that failed, the
 * cause dealt with (the log directory made or fixed), then the same call
 * again: the retry asks no more than the first open did, so the first is
 * no check of it. Opening for more after a failed probe stays a race. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int open_log(const char *f) {
  int fd = open(f, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (fd < 0) {
    mkdir("/var/log/app", 0700);
    fd = open(f, O_WRONLY | O_APPEND | O_CREAT, 0600);   // no-warning
  }
  return fd;
}

static int file_open(const char *fn, const char *mode) {
  switch (*mode) {
  case 'a':
    return open(fn, O_WRONLY | O_APPEND | O_CREAT, 0600);
  case 'r':
    return open(fn, O_RDONLY);
  default:
    return -1;
  }
}

int open_log_wrapped(const char *f) {
  int fd = file_open(f, "a");
  if (fd < 0) {
    mkdir("/var/log/app", 0700);
    fd = file_open(f, "a");                // no-warning
  }
  return fd;
}

/* Real twin: read-only first, then created. */
int open_or_create(const char *f) {
  int fd = open(f, O_RDONLY);              // NOTE[toctou-check-use]
  if (fd < 0)
    fd = open(f, O_WRONLY | O_APPEND | O_CREAT, 0600);   // WARNING[toctou-check-use]
  return fd;
}
