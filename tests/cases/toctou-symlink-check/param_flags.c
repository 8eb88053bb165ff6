// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* O_NOFOLLOW added to flags that come from a parameter (`flags | O_NOFOLLOW`)
 * refuses a final symbolic link just as a constant O_NOFOLLOW does. Shape of
 * rsync's per-component walk (syscall.c ona_open): fstatat(AT_SYMLINK_NOFOLLOW),
 * refuse a link, then openat(dfd, comp, flags | O_NOFOLLOW, mode). Found by
 * the triage of rsync 7c20b07 (two HIGH reports). */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int leaf_open(int dfd, const char *comp, int flags, mode_t mode) {
  struct stat lst;
  if (fstatat(dfd, comp, &lst, AT_SYMLINK_NOFOLLOW) < 0) {
    if (errno == ENOENT && (flags & O_CREAT))
      return openat(dfd, comp, flags | O_NOFOLLOW, mode);   // no-warning
    return -1;
  }
  if (S_ISLNK(lst.st_mode))
    return -1;
  return openat(dfd, comp, flags | O_NOFOLLOW, mode);     // no-warning
}

/* The same with the constant: already silent. */
int leaf_open_const(int dfd, const char *comp, mode_t mode) {
  struct stat lst;
  if (fstatat(dfd, comp, &lst, AT_SYMLINK_NOFOLLOW) < 0 || S_ISLNK(lst.st_mode))
    return -1;
  return openat(dfd, comp, O_WRONLY | O_NOFOLLOW, mode);  // no-warning
}

/* Real twin: the parameter's flags with another flag added, no O_NOFOLLOW. */
int leaf_open_follows(int dfd, const char *comp, int flags, mode_t mode) {
  struct stat lst;
  if (fstatat(dfd, comp, &lst, AT_SYMLINK_NOFOLLOW) < 0 || S_ISLNK(lst.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return openat(dfd, comp, flags | O_CLOEXEC, mode);      // WARNING[toctou-symlink-check]
}
