// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: the safe forms, never reported. Atomic creation after an
 * existence check; O_NOFOLLOW / AT_SYMLINK_NOFOLLOW after an lstat() link
 * check; creating calls that fail when the name exists (mkdir, mknod,
 * mkfifo, symlink, link) as the use; descriptor-based operations. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* stat() said ENOENT; the creation is exclusive anyway. */
int stat_then_excl(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0 || errno != ENOENT)
    return -1;
  return open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);   // no-warning
}

/* openat(AT_FDCWD) with O_CREAT|O_EXCL. */
int access_then_openat_excl(const char *p) {
  if (access(p, F_OK) == 0)
    return -1;
  return openat(AT_FDCWD, p, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);   // no-warning
}

/* fopen() mode "w+x": exclusive creation. */
FILE *access_then_fopen_wplusx(const char *p) {
  if (access(p, F_OK) == 0)
    return NULL;
  return fopen(p, "w+x");                       // no-warning
}

/* fopen() mode "ax": exclusive creation for appending. */
FILE *stat_then_fopen_ax(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0)
    return NULL;
  return fopen(p, "ax");                        // no-warning
}

/* lstat() link check, then openat(AT_FDCWD) refusing links. */
int lstat_then_openat_nofollow(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return openat(AT_FDCWD, p, O_RDONLY | O_NOFOLLOW);   // no-warning
}

/* lstat() link check, then a write open refusing links. */
int lstat_then_write_nofollow(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
    return -1;
  return open(p, O_WRONLY | O_APPEND | O_NOFOLLOW);   // no-warning
}

/* lstat() link check, then fchownat(AT_SYMLINK_NOFOLLOW). */
int lstat_then_fchownat_nofollow(const char *p, uid_t uid, gid_t gid) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return fchownat(AT_FDCWD, p, uid, gid, AT_SYMLINK_NOFOLLOW);   // no-warning
}

/* lstat() link check, then utimensat(AT_SYMLINK_NOFOLLOW). */
int lstat_then_utimensat_nofollow(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return utimensat(AT_FDCWD, p, NULL, AT_SYMLINK_NOFOLLOW);   // no-warning
}

/* The exemption is for lstat(): after stat() (which follows links) the
 * O_NOFOLLOW open does not make the type check hold. */
int stat_then_open_nofollow(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY | O_NOFOLLOW);        // WARNING[toctou-check-use]
}

/* mkdir() fails if the name exists and never follows a final link. */
int stat_then_mkdir(const char *d) {
  struct stat st;
  if (stat(d, &st) != 0)
    return mkdir(d, 0700);                      // no-warning
  return S_ISDIR(st.st_mode) ? 0 : -1;
}

/* mkfifo() likewise. */
int access_then_mkfifo(const char *p) {
  if (access(p, F_OK) == 0)
    return -1;
  return mkfifo(p, 0600);                       // no-warning
}

/* mknod() likewise. */
int access_then_mknod(const char *p) {
  if (access(p, F_OK) == 0)
    return -1;
  return mknod(p, S_IFIFO | 0600, 0);           // no-warning
}

/* symlink() likewise: it creates the link name and fails if it exists. */
int lstat_then_symlink(const char *target, const char *lnk) {
  struct stat st;
  if (lstat(lnk, &st) == 0)
    return -1;
  return symlink(target, lnk);                  // no-warning
}

/* link() likewise, for the new name. */
int access_then_link(const char *src, const char *dst) {
  if (access(dst, F_OK) == 0)
    return -1;
  return link(src, dst);                        // no-warning
}

/* Open once, then everything through the descriptor. */
int descriptor_fchown(const char *p, uid_t uid, gid_t gid) {
  struct stat st;
  int fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);   // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return -1;
  }
  return fchown(fd, uid, gid);                  // no-warning
}

/* fdopendir() on a checked descriptor. */
DIR *descriptor_fdopendir(const char *p) {
  struct stat st;
  int fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return NULL;
  if (fstat(fd, &st) != 0 || st.st_uid != getuid()) {
    close(fd);
    return NULL;
  }
  return fdopendir(fd);                         // no-warning
}

/* fchdir() on a checked descriptor. */
int descriptor_fchdir(const char *p) {
  struct stat st;
  int fd = open(p, O_RDONLY | O_DIRECTORY);     // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || st.st_uid != 0) {
    close(fd);
    return -1;
  }
  return fchdir(fd);                            // no-warning
}

/* futimens() on a checked descriptor. */
int descriptor_futimens(const char *p) {
  struct stat st;
  int fd = open(p, O_WRONLY | O_NOFOLLOW);      // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) != 0 || st.st_uid != getuid()) {
    close(fd);
    return -1;
  }
  return futimens(fd, NULL);                    // no-warning
}

/* *at() calls relative to a directory descriptor the program opened. */
int dirfd_check_then_unlinkat(const char *dir, const char *name) {
  struct stat st;
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  if (dfd < 0)
    return -1;
  if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return unlinkat(dfd, name, 0);                // no-warning
}

/* fchmodat() relative to a directory descriptor. */
int dirfd_access_then_fchmodat(int dfd, const char *name) {
  if (faccessat(dfd, name, W_OK, AT_EACCESS) != 0)
    return -1;
  return fchmodat(dfd, name, 0600, 0);          // no-warning
}
