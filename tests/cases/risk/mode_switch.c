// CFLAGS: -D_GNU_SOURCE
/* A wrapper that opens according to its mode string (cups cupsFileOpen:
 * switch (*mode) { case 'r': read; case 'w': create and truncate; ... }):
 * called with "r" it only reads, like the direct open(O_RDONLY). After a
 * size-only check that is low and hidden at the default level; with "w" it
 * still writes through a link. Found by the triage of cups d19bccf
 * (admin.c, help.c, printers.c: five reports, two HIGH). */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int file_open(const char *fn, const char *mode) {
  switch (*mode) {
  case 'r':
    return open(fn, O_RDONLY);
  case 'w':
    return open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  default:
    return -1;
  }
}

int read_if_small(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || st.st_size > 1048576)
    return -1;
  return file_open(fn, "r");                 // no-warning
}

/* The direct read: low, not shown. */
int read_if_small_direct(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || st.st_size > 1048576)
    return -1;
  return open(fn, O_RDONLY);                 // no-warning
}

/* Real twin: "w" truncates whatever the name leads to. */
int rewrite_if_small(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || st.st_size > 1048576)   // NOTE[toctou-check-use]
    return -1;
  return file_open(fn, "w");                 // WARNING[toctou-check-use]
}

int drop(void) { return setuid(0); }
