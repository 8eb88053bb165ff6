// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: false positives reported by CodeQL or Coverity on real
 * code, one good case each. None of them is a race. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One buffer reused for two different files: refilled between the check
 * and the use, so they name different files. */
int reused_buffer_snprintf(const char *dir) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/config", dir);
  if (access(path, R_OK) != 0)
    return -1;
  snprintf(path, sizeof path, "%s/state", dir);
  return open(path, O_WRONLY | O_APPEND);       // no-warning
}

/* Same with strcpy(). */
int reused_buffer_strcpy(const char *a, const char *b) {
  char path[PATH_MAX];
  struct stat st;
  strcpy(path, a);
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  strcpy(path, b);
  return unlink(path);                          // no-warning
}

/* /proc/self/fd/N names a descriptor the process already holds. */
int proc_self_fd_built(int fd) {
  char path[64];
  struct stat st;
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open(path, O_RDONLY);                  // no-warning
}

/* /dev/urandom is a kernel device node. */
int dev_urandom(void) {
  if (access("/dev/urandom", R_OK) != 0)
    return -1;
  return open("/dev/urandom", O_RDONLY | O_CLOEXEC);   // no-warning
}

/* open() and then a check of the descriptor it returned: act first, check
 * the result. No check by name precedes it. */
int open_then_check_fd(const char *p) {
  int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // no-warning
  if (fd < 0) {
    perror(p);
    return -1;
  }
  return fd;
}

/* Same with fopen() and its FILE *. */
FILE *fopen_then_check_stream(const char *p) {
  FILE *f = fopen(p, "w");                      // no-warning
  if (f == NULL && errno == EACCES)
    fprintf(stderr, "%s: permission denied\n", p);
  return f;
}

/* A failed rename() followed by removing the temporary file: the source
 * is not the destination name, and unlink() is not a use of a rename. */
int rename_failed_cleanup(const char *tmp, const char *dest) {
  if (rename(tmp, dest) == 0)
    return 0;
  return unlink(tmp);                           // no-warning
}

/* The check is on a name derived from the path (its directory), the use on
 * the path itself. */
int check_parent_use_child(const char *dir, const char *file) {
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  return open(file, O_WRONLY | O_CREAT | O_EXCL, 0600);   // no-warning
}

/* A check after the use, to report a better error. */
int check_after_use(const char *p) {
  int fd = open(p, O_WRONLY);                   // no-warning
  if (fd < 0 && access(p, F_OK) == 0)
    fprintf(stderr, "%s exists but is not writable\n", p);
  return fd;
}
