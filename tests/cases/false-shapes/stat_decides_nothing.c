// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 1: a stat() whose answer decides nothing about which
 * file is used. Swapping the file after it is no different from swapping
 * it before: the pair ranks low ("only asked whether the name exists"), or,
 * before a read, is toctou-exists-read (off by default).
 *
 *  - libfuse fuse_kern_mount_prepare(): stat(mnt) fails or not; its mode
 *    is only copied into the mount options ("rootmode=%o"), directly and
 *    in a helper the caller mounts after;
 *  - libfuse fusermount check_perm(): lstat(mnt, st), and where root runs
 *    it, the mountpoint is pinned without a look at st (st is tested only
 *    on the other branch).
 *
 * The twins: the mode tested before the mount (a type check that picks
 * the path), a creating open after "does not exist" (advice O_EXCL), the
 * lstat() buffer tested on the path to the use. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

/* the caller's rights are not the kernel's: keep the finding's rank on
 * what the check learnt */
static void become_root(void) { setreuid(0, -1); }

int mount_with_rootmode(const char *mnt) {
  struct stat st;
  char opts[64];
  become_root();
  if (stat(mnt, &st) == -1)
    return -1;
  snprintf(opts, sizeof opts, "rootmode=%o", st.st_mode & S_IFMT);
  return mount("fuse", mnt, "fuse", 0, opts);   // WARNING[toctou-check-use risk=low because="only asked whether the name exists"]
}

/* the same, the stat() in a helper that only fills the options */
static int prepare(const char *mnt, char *opts, size_t n) {
  struct stat st;
  if (stat(mnt, &st) == -1)
    return -1;
  snprintf(opts, n, "rootmode=%o,user_id=%u", st.st_mode & S_IFMT, getuid());
  return 0;
}

int mount_prepared(const char *mnt) {
  char opts[64];
  become_root();
  if (prepare(mnt, opts, sizeof opts))
    return -1;
  return mount("fuse", mnt, "fuse", 0, opts);   // WARNING[toctou-check-use risk=low because="only asked whether the name exists"]
}

/* twin: the type decides whether it is mounted on */
int mount_on_dir(const char *mnt) {
  struct stat st;
  become_root();
  if (stat(mnt, &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  return mount("fuse", mnt, "fuse", 0, "");   // WARNING[toctou-check-use risk=high]
}

/* fusermount check_perm(): the buffer is the caller's, looked at only on
 * the branch that does not pin */
static int pin(const char *mnt, struct stat *st) {
  int fd = open(mnt, O_PATH | O_CLOEXEC);
  if (fd == -1 || fstat(fd, st) == -1)
    return -1;
  return fd;
}

int check_perm(const char *mnt, struct stat *st, int *pinned) {
  if (lstat(mnt, st) == -1)
    return -1;
  if (getuid() == 0) {
    *pinned = pin(mnt, st);   // no-warning
    return *pinned == -1 ? -1 : 0;
  }
  if (!S_ISDIR(st->st_mode))
    return -1;
  return chdir(mnt);   // WARNING[toctou-symlink-check]
}

/* twin: the link test is on the path to the pin */
int check_then_pin(const char *mnt, struct stat *st, int *pinned) {
  if (lstat(mnt, st) == -1)
    return -1;
  if (S_ISLNK(st->st_mode))
    return -1;
  *pinned = pin(mnt, st);   // WARNING[toctou-symlink-check]
  return *pinned == -1 ? -1 : 0;
}

/* twin: a creating use after "does not exist" stays real */
int create_if_absent(const char *path) {
  struct stat st;
  char opts[32];
  if (stat(path, &st) == 0) {
    snprintf(opts, sizeof opts, "%o", st.st_mode);
    return -1;
  }
  return open(path, O_WRONLY | O_CREAT, 0600);   // WARNING[toctou-check-use "O_EXCL"]
}
