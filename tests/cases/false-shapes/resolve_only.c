// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 1: realpath() whose answer is not looked at. It only
 * tells whether the name resolves; its result, tested for NULL, opened
 * and freed, decides nothing a swap could abuse (util-linux fstrim,
 * libfuse's mtab helper, whose failure undoes the program's own mount).
 * A read after it is toctou-exists-read (off by default); a use that does
 * not create is ranked low, "only asked whether the name exists".
 *
 * Printing the resolved name in a message looks at nothing (lxc's
 * lxc_chroot(): "Failed to mount \"%s\"", nroot).
 *
 * The twins: the resolved name compared with a prefix (a policy check)
 * and then written; an unexamined realpath() before a creation; the
 * resolved name formatted into a buffer the program goes on using. */
#include <err.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>

/* fstrim_filesystem(): the resolved name opened read-only for an ioctl */
int trim(const char *path) {
  char *rpath = realpath(path, NULL);
  if (!rpath)
    return -1;
  int fd = open(rpath, O_RDONLY);     // no-warning
  free(rpath);
  if (fd < 0)
    return -1;
  int rc = ioctl(fd, 0x12, 0);
  close(fd);
  return rc;
}

/* libfuse: the mtab helper canonicalises the mount point; when it fails,
 * the program unmounts what it has just mounted */
static int add_mtab(const char *mnt) {
  char *abs = realpath(mnt, NULL);
  if (!abs)
    return -1;
  free(abs);
  return 0;
}

int do_mount(const char *mnt) {
  if (mount("fuse", mnt, "fuse", 0, "") == -1)
    return -1;
  if (add_mtab(mnt) == -1) {
    umount2(mnt, MNT_DETACH);         // no-warning (undoes its own mount: own_work_undone.c)
    return -1;
  }
  return 0;
}

/* lxc_chroot(): the resolved name bind-mounted, and printed only in the
 * failure's message, by libc and by a project's printf-like logger */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int bind_root(const char *root) {
  char *nroot = realpath(root, NULL);
  if (!nroot)
    return -1;
  if (chdir("/") < 0)
    return -1;
  int ret = mount(nroot, "/", NULL, MS_REC | MS_BIND, NULL);   // WARNING[toctou-check-use risk=low because="only asked whether the name exists"]
  if (ret < 0)
    fprintf(stderr, "Failed to mount \"%s\" onto \"/\"\n", nroot);
  if (ret < 0)
    log_error("Failed to mount \"%s\"", nroot);
  free(nroot);
  return ret;
}

/* a read after a realpath() printed in a message is toctou-exists-read's */
int read_resolved(const char *p) {
  char *r = realpath(p, NULL);
  if (!r)
    return -1;
  int fd = open(r, O_RDONLY);         // no-warning
  if (fd < 0)
    warn("cannot open %s", r);
  free(r);
  return fd;
}

/* the twins */
int read_resolved_named(const char *p, char *out, size_t n) {
  char *r = realpath(p, NULL);
  if (!r)
    return -1;
  snprintf(out, n, "%s", r);          /* a name the program goes on using */
  int fd = open(r, O_RDONLY);         // WARNING[toctou-check-use risk=low]
  free(r);
  return fd;
}

int open_under_home(const char *p) {
  char buf[PATH_MAX];
  if (!realpath(p, buf) || strncmp(buf, "/home/", 6) != 0)
    return -1;
  return open(buf, O_RDWR);           // WARNING[toctou-check-use]
}

int create_resolved(const char *p) {
  char *r = realpath(p, NULL);
  if (r)
    return -1;
  return open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // WARNING[toctou-check-use]
}
