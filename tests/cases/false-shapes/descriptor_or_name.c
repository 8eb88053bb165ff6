// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 5: a wrapper that works on a descriptor when it is given
 * one and by name only without it (rsync's copy_xattrs():
 * `dest_fd >= 0 ? fsetxattr(dest_fd, ...) : lsetxattr(dest, ...)`) acts by
 * name only at calls that pass no descriptor. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

static int set_attr(const char *name, int fd, const char *value) {
  return fd >= 0 ? fsetxattr(fd, "user.x", value, 1, 0)
                 : setxattr(name, "user.x", value, 1, 0);
}

static int set_mode(const char *name, int fd, mode_t mode) {
  if (fd < 0)
    return chmod(name, mode);
  return fchmod(fd, mode);
}

int copy_attrs(const char *dest) {
  struct stat st;
  if (stat(dest, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  int ofd = open(dest, O_WRONLY | O_NOFOLLOW);   // WARNING[toctou-check-use] (the open itself)
  if (ofd < 0)
    return -1;
  set_attr(dest, ofd, "1");   // no-warning
  set_mode(dest, ofd, 0600);  // no-warning
  return close(ofd);
}

/* the real twins: no descriptor, so the wrappers act by name */
int copy_attrs_by_name(const char *dest) {
  struct stat st;
  if (stat(dest, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  set_attr(dest, -1, "1");    // WARNING[toctou-check-use]
  return set_mode(dest, -1, 0600);   // WARNING[toctou-check-use]
}
