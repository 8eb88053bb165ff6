// ARGS: --min-risk low
/* Issue 10, cause 5: flags lost in summaries. A wrapper that opens with
 * `flags | O_NOFOLLOW` refuses links at every call; O_EXCL passed by the
 * caller through `flags | O_CLOEXEC` is O_EXCL. logrotate's open_logfile()
 * opens with O_NOFOLLOW | O_NOCTTY | (write ? O_RDWR : O_RDONLY). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* logrotate.c:224 */
static int open_logfile(const char *path, int write_access) {
  int fd = open(path, O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | (write_access ? O_RDWR : O_RDONLY));
  if (fd < 0)
    return fd;
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    close(fd);
    return -1;
  }
  return fd;
}

static int open_nofollow(const char *path, int flags) {
  return open(path, flags | O_NOFOLLOW, 0600);
}

static int open_cloexec(const char *path, int flags) {
  return open(path, flags | O_CLOEXEC, 0600);
}

static int open_plain(const char *path, int flags) {
  return open(path, flags, 0600);
}

int compress_old(const char *old) {
  struct stat sb;
  if (lstat(old, &sb) != 0 || !S_ISREG(sb.st_mode))
    return -1;
  return open_logfile(old, 1);   // no-warning
}

int rewrite(const char *p) {
  struct stat sb;
  if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
    return -1;
  return open_nofollow(p, O_WRONLY | O_TRUNC);   // no-warning
}

int create_new(const char *p) {
  if (access(p, F_OK) == 0)
    return -1;
  return open_cloexec(p, O_WRONLY | O_CREAT | O_EXCL);   // no-warning
}

/* the real twins: the same wrappers without the protecting bit */
int create_racy(const char *p) {
  if (access(p, F_OK) == 0)
    return -1;
  return open_cloexec(p, O_WRONLY | O_CREAT);   // WARNING[toctou-check-use]
}

int rewrite_racy(const char *p) {
  struct stat sb;
  if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
    return -1;
  return open_plain(p, O_WRONLY | O_TRUNC);   // WARNING[toctou-symlink-check]
}

/* O_NOFOLLOW in the caller's own open, OR'ed with a variable. (These
 * checks test the type: after an owner check O_NOFOLLOW is not enough,
 * issue 11 item 14, toctou-symlink-check/fallback.c.) */
int rewrite_direct(const char *p, int extra) {
  struct stat sb;
  if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
    return -1;
  return open(p, extra | O_WRONLY | O_NOFOLLOW);   // no-warning
}
