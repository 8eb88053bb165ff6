// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A wrapper that adds a flag to its caller's flags (`flags | O_NOFOLLOW`,
 * `flags | O_CLOEXEC`) keeps the caller's flags: O_RDONLY stays a read,
 * O_CREAT|O_EXCL stays exclusive, and the added O_NOFOLLOW holds at every
 * call. Shapes of rsync 7c20b07 (do_open_nofollow, do_open, robust_unlink;
 * ten reports, eight of them HIGH "open() follows a link and writes"). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

extern int open_noatime;

static int open_nofollow(const char *path, int flags) {
  if (open_noatime)
    flags |= O_NOATIME;
  return open(path, flags | O_NOFOLLOW);
}

static int open_nofollow_plain(const char *path, int flags) {
  return open(path, flags | O_NOFOLLOW);
}

static int open_cloexec(const char *path, int flags, mode_t mode) {
  return open(path, flags | O_CLOEXEC, mode);   // NOTE[toctou-check-use]
}

/* unlink, or move a busy file out of the way (rsync robust_unlink) */
static int robust_unlink(const char *fn) {
  char tmp[256];
  if (unlink(fn) == 0 || errno != ETXTBSY)
    return 0;
  snprintf(tmp, sizeof tmp, "%s.~tmp~", fn);
  return rename(fn, tmp);
}

/* Direct form of the next two: silent already. */
int read_regular(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open(path, O_RDONLY | O_NOFOLLOW);     // no-warning
}

int read_regular_wrapped(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open_nofollow(path, O_RDONLY);         // no-warning
}

int read_regular_wrapped_plain(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open_nofollow_plain(path, O_RDONLY);   // no-warning
}

/* unlink, then create exclusively: the safe idiom, through the wrapper */
int unlink_and_reopen(const char *dest, mode_t mode) {
  if (robust_unlink(dest) && errno != ENOENT)
    return -1;
  return open_cloexec(dest, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, mode);   // no-warning
}

/* Real twin: the caller's flags truncate through a link. */
int truncate_regular(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return -1;
  return open_cloexec(path, O_WRONLY | O_TRUNC, 0);    // WARNING[toctou-check-use]
}

int drop(void) { return setuid(0); }
