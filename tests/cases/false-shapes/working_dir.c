// ARGS: --min-risk low
/* Issue 10, cause 6 (busybox switch_root.c, libfuse fusermount.c: chdir(mnt),
 * lstat("."), access("."), then open(".", O_PATH) and fstat()): after
 * chdir(dir), "." names the process's working directory, an inode no
 * other process can re-point: a check of "." and a use of "." are one
 * file. The directory's name itself still races. */
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

int pin_cwd(const char *dir) {
  struct stat st;
  if (chdir(dir) == -1)
    return -1;
  if (lstat(".", &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  if (access(".", W_OK) == -1)
    return -1;
  return open(".", O_RDONLY | O_DIRECTORY);   // no-warning
}

int move_root(const char *newroot) {
  struct stat st;
  if (chdir(newroot) == -1 || stat(".", &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  if (mount(".", "/", NULL, MS_MOVE, NULL))   // no-warning
    return -1;
  return chroot(".");                         // no-warning
}

/* Real twin: the directory by its name. */
int pin_by_name(const char *dir) {
  struct stat st;
  if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return chdir(dir);                          // WARNING[toctou-symlink-check]
}

/* Real twin: pin_cwd's checks and open by the directory's name. */
int open_by_name(const char *dir) {
  struct stat st;
  if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  if (access(dir, W_OK) == -1)
    return -1;
  return open(dir, O_RDONLY | O_DIRECTORY);   // WARNING[toctou-symlink-check]
}

/* ntfs-3g and libfuse fusermount.c check_perm(): stat(mnt) picks the
 * branch, chdir(mnt), then every check is asked again of "." (the name
 * variable re-pointed at it) and the work is done on ".": the checks that
 * decide are the entered directory's, as fstat() after open() would be. */
int check_perm(const char **mntp, struct stat *st) {
  const char *mnt = *mntp;
  if (stat(mnt, st) == -1)
    return -1;
  if (S_ISDIR(st->st_mode)) {
    if (chdir(mnt) == -1)   // no-warning: the checks are made again on "."
      return -1;
    mnt = *mntp = ".";
    if (lstat(mnt, st) == -1)
      return -1;
    if ((st->st_mode & S_ISVTX) && st->st_uid != getuid())
      return -1;
    if (access(mnt, W_OK) == -1)
      return -1;
  }
  return 0;
}

/* Real twin: after chdir() the checks are asked of the name again, which
 * may now lead elsewhere than the directory entered. */
int check_by_name_again(const char *mnt, struct stat *st) {
  if (stat(mnt, st) == -1 || !S_ISDIR(st->st_mode))
    return -1;
  if (chdir(mnt) == -1)   // WARNING[toctou-check-use]
    return -1;
  if (lstat(mnt, st) == -1 || st->st_uid != getuid())
    return -1;
  return 0;
}
