// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A read-only open is no read when the descriptor serves to change the
 * file (handles.c handles_changed_through()): e2fsprogs chattr's
 * fsetversion() opens O_RDONLY and sets the inode's version with
 * ioctl(fd, FS_IOC_SETVERSION); run as root by `chattr -R -v` over a tree
 * another user writes, a link swapped in after the lstat() has the
 * target's version changed. The request decides (_IOW sets, _IOR asks):
 * the twin that only gets the version reads. */
#include <dirent.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int set_version(const char *name, int version) {
  int fd = open(name, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  int r = ioctl(fd, FS_IOC_SETVERSION, &version);
  close(fd);
  return r;
}

static int get_version(const char *name, int *version) {
  int fd = open(name, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return -1;
  int r = ioctl(fd, FS_IOC_GETVERSION, version);
  close(fd);
  return r;
}

void set_all(DIR *d, int version) {
  struct dirent *de;
  struct stat st;
  while ((de = readdir(d))) {
    if (lstat(de->d_name, &st) != 0 || S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
      continue;
    set_version(de->d_name, version);   // WARNING[toctou-symlink-check risk=high because="set_version() changes the file it opened"]
  }
}

void get_all(DIR *d) {
  struct dirent *de;
  struct stat st;
  int v;
  while ((de = readdir(d))) {
    if (lstat(de->d_name, &st) != 0 || S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
      continue;
    if (get_version(de->d_name, &v) == 0)   // WARNING[toctou-symlink-check risk=medium because="only reads the file"]
      printf("%d\n", v);
  }
}

/* In the same function: the open, then a flag set through it. */
void set_flags_here(DIR *d, long flags) {
  struct dirent *de;
  struct stat st;
  while ((de = readdir(d))) {
    if (lstat(de->d_name, &st) != 0 || S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
      continue;
    int fd = open(de->d_name, O_RDONLY);   // WARNING[toctou-symlink-check risk=high because="ioctl() changes the file it opened"]
    if (fd < 0)
      continue;
    ioctl(fd, FS_IOC_SETFLAGS, &flags);
    close(fd);
  }
}
