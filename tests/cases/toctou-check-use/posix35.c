// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use and CERT POS35-C: lstat() the name, open() it, fstat()
 * the descriptor and compare st_ino/st_dev with the lstat() buffer. The
 * open is re-validated, so it is not reported; without the comparison (or
 * with a comparison that is not against the check's buffer) it is. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The compliant solution of POS35-C. */
int pos35_compliant(const char *name) {
  struct stat a, b;
  if (lstat(name, &a) != 0)
    return -1;
  if (!S_ISREG(a.st_mode))
    return -1;
  int fd = open(name, O_RDONLY);                // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &b) != 0) {
    close(fd);
    return -1;
  }
  if (a.st_ino != b.st_ino || a.st_dev != b.st_dev) {
    close(fd);
    return -1;
  }
  return fd;
}

/* The same comparison written positively, operands swapped. */
int pos35_positive_compare(const char *name) {
  struct stat a, b;
  if (lstat(name, &a) != 0 || S_ISLNK(a.st_mode))
    return -1;
  int fd = open(name, O_RDWR);                  // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &b) == 0 && b.st_dev == a.st_dev && b.st_ino == a.st_ino)
    return fd;
  close(fd);
  return -1;
}

/* The noncompliant example of POS35-C: lstat() link check, then open()
 * without re-validating. */
int pos35_noncompliant(const char *name) {
  struct stat a;
  if (lstat(name, &a) == -1)                    // NOTE[toctou-symlink-check]
    return -1;
  if (S_ISLNK(a.st_mode))
    return -1;
  return open(name, O_RDWR);                    // WARNING[toctou-symlink-check "O_NOFOLLOW"]
}

/* fstat() is called, but its buffer is only tested for the type, never
 * compared with the lstat() buffer: the open is not re-validated. */
int pos35_fstat_not_compared(const char *name) {
  struct stat a, b;
  if (lstat(name, &a) != 0 || !S_ISREG(a.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  int fd = open(name, O_RDONLY);                // WARNING[toctou-symlink-check]
  if (fd < 0)
    return -1;
  if (fstat(fd, &b) != 0 || !S_ISREG(b.st_mode)) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Re-validation covers the open it validates, not a later chmod() by
 * name. */
int pos35_then_chmod_by_name(const char *name) {
  struct stat a, b;
  if (lstat(name, &a) != 0 || !S_ISREG(a.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  int fd = open(name, O_RDONLY);                // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &b) != 0 || a.st_ino != b.st_ino || a.st_dev != b.st_dev) {
    close(fd);
    return -1;
  }
  close(fd);
  return chmod(name, 0600);                     // WARNING[toctou-symlink-check]
}

/* POS35-C plus O_NOFOLLOW: not reported either way. */
int pos35_nofollow(const char *name) {
  struct stat a, b;
  if (lstat(name, &a) != 0 || !S_ISREG(a.st_mode))
    return -1;
  int fd = open(name, O_RDONLY | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &b) != 0 || a.st_ino != b.st_ino || a.st_dev != b.st_dev) {
    close(fd);
    return -1;
  }
  return fd;
}
