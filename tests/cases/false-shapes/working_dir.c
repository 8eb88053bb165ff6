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
