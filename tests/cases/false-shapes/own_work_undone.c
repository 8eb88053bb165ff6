// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 4: undoing what the program itself has just done is not
 * a use of a checked name. libfuse fuse_kern_do_mount(): mount(), then the
 * mtab entry fails, umount2() of the mount point; fuse_kern_mount(): a
 * helper mounts, setting up the auto-unmount fails, umount2(). While
 * something is mounted on it, the mount point cannot be renamed or
 * removed (EBUSY): the name still names what was mounted on.
 *
 * The twins: an unmount where the program mounted on only one branch
 * before it, and an unmount of a name the program never mounted on. */
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

static int add_mtab(const char *mnt) {
  struct stat st;
  if (stat(mnt, &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  return 0;
}

int do_mount(const char *mnt) {
  if (mount("fuse", mnt, "fuse", 0, "") == -1)
    return -1;
  if (add_mtab(mnt) == -1) {
    umount2(mnt, MNT_DETACH);   // no-warning
    return -1;
  }
  return 0;
}

/* the mount in a helper that checks first (fuse_mount_sys()) */
static int mount_sys(const char *mnt) {
  struct stat st;
  if (stat(mnt, &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  return mount("fuse", mnt, "fuse", 0, "");   // WARNING[toctou-check-use]
}

int kern_mount(const char *mnt, int auto_unmount) {
  int res = mount_sys(mnt);
  if (res >= 0 && auto_unmount && add_mtab(mnt) < 0) {
    umount(mnt);   // no-warning
    res = -1;
  }
  return res;
}

/* twin: mounted on one branch only; the other unmounts what it found */
int remount(const char *mnt, int fresh) {
  if (add_mtab(mnt) == -1)
    return -1;
  if (fresh && mount("fuse", mnt, "fuse", 0, "") == -1)   // WARNING[toctou-check-use]
    return -1;
  return umount2(mnt, MNT_DETACH);   // WARNING[toctou-check-use]
}

/* twin: the program never mounted on it */
int cleanup(const char *mnt) {
  if (add_mtab(mnt) == -1)
    return -1;
  return umount2(mnt, 0);   // WARNING[toctou-check-use]
}
