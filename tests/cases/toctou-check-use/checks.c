// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: every kind of CHECK, each followed by a use it decides.
 * The *at() checks count only relative to AT_FDCWD (a name looked up from
 * the cwd); relative to a directory descriptor the program opened they are
 * descriptor-based and not checks by name. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* faccessat() relative to the cwd is access() under another name. */
int faccessat_cwd_then_unlink(const char *p) {
  if (faccessat(AT_FDCWD, p, W_OK, 0) != 0)     // NOTE[toctou-check-use]
    return -1;
  return unlink(p);                             // WARNING[toctou-check-use "unlink() of 'p' after faccessat()"]
}

/* faccessat() relative to a directory the program holds open: no name
 * lookup from the cwd, and the use is relative to the same descriptor. */
int faccessat_dirfd_then_unlinkat(int dfd, const char *name) {
  if (faccessat(dfd, name, W_OK, 0) != 0)
    return -1;
  return unlinkat(dfd, name, 0);                // no-warning
}

/* euidaccess() checks with the effective ids: still a check by name. */
int euidaccess_then_open(const char *p) {
  if (euidaccess(p, W_OK) != 0)                 // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY);                     // WARNING[toctou-check-use "after euidaccess()"]
}

/* eaccess() is glibc's other name for euidaccess(). */
FILE *eaccess_then_fopen(const char *p) {
  if (eaccess(p, R_OK | W_OK) == 0)             // NOTE[toctou-check-use]
    return fopen(p, "r+");                      // WARNING[toctou-check-use]
  return NULL;
}

/* stat64() is the large-file stat(). */
int stat64_then_truncate(const char *p) {
  struct stat64 st;
  if (stat64(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return truncate(p, 0);                        // WARNING[toctou-check-use]
}

/* lstat64(), the large-file lstat(). */
int lstat64_then_remove(const char *p) {
  struct stat64 st;
  if (lstat64(p, &st) != 0 || S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return remove(p);                             // WARNING[toctou-symlink-check]
}

/* fstatat(AT_FDCWD, ...) is stat(). */
int fstatat_cwd_then_chmod(const char *p) {
  struct stat st;
  if (fstatat(AT_FDCWD, p, &st, 0) != 0)        // NOTE[toctou-check-use]
    return -1;
  if (st.st_uid != getuid())
    return -1;
  return chmod(p, 0600);                        // WARNING[toctou-check-use "fchmod()"]
}

/* fstatat(AT_FDCWD, ..., AT_SYMLINK_NOFOLLOW) is lstat(); the open that
 * follows has no O_NOFOLLOW, so the link check is undone. */
int fstatat_nofollow_then_open(const char *p) {
  struct stat st;
  if (fstatat(AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW) != 0)   // NOTE[toctou-symlink-check]
    return -1;
  if (S_ISLNK(st.st_mode))
    return -1;
  return open(p, O_WRONLY);                     // WARNING[toctou-symlink-check]
}

/* statx(AT_FDCWD, ...) fills a struct statx; its fields decide the use. */
int statx_then_open(const char *p) {
  struct statx stx;
  if (statx(AT_FDCWD, p, 0, STATX_MODE | STATX_UID, &stx) != 0)   // NOTE[toctou-check-use]
    return -1;
  if (!S_ISREG(stx.stx_mode) || stx.stx_uid != getuid())
    return -1;
  return open(p, O_RDWR);                       // WARNING[toctou-check-use]
}

/* statx() relative to a directory descriptor: not a check by name. */
int statx_dirfd_then_openat(int dfd, const char *name) {
  struct statx stx;
  if (statx(dfd, name, AT_SYMLINK_NOFOLLOW, STATX_MODE, &stx) != 0)
    return -1;
  if (!S_ISREG(stx.stx_mode))
    return -1;
  return openat(dfd, name, O_RDWR | O_NOFOLLOW);   // no-warning
}

/* readlink() as a "is it a symbolic link?" probe, then unlink by name. */
int readlink_then_unlink(const char *p) {
  char target[PATH_MAX];
  ssize_t n = readlink(p, target, sizeof target - 1);   // NOTE[toctou-symlink-check]
  if (n < 0)
    return -1;
  target[n] = '\0';
  if (strncmp(target, "/var/lib/app/", 13) != 0)
    return -1;
  return unlink(p);                             // WARNING[toctou-symlink-check]
}

/* readlinkat(AT_FDCWD, ...) is readlink(). */
int readlinkat_cwd_then_chown(const char *p, uid_t uid, gid_t gid) {
  char buf[64];
  if (readlinkat(AT_FDCWD, p, buf, sizeof buf) >= 0)   // NOTE[toctou-symlink-check]
    return -1;
  return chown(p, uid, gid);                    // WARNING[toctou-symlink-check "chown() of 'p' after readlinkat()"]
}

/* realpath() resolves the name; the program then opens the unresolved name
 * again, which another process may have re-pointed in between. */
int realpath_then_open(const char *p) {
  char resolved[PATH_MAX];
  if (realpath(p, resolved) == NULL)            // NOTE[toctou-check-use]
    return -1;
  if (strncmp(resolved, "/srv/data/", 10) != 0)
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-check-use]
}

/* opendir() as an "is it a directory?" probe, then open by name again. */
int opendir_probe_then_open(const char *p) {
  DIR *d = opendir(p);                          // NOTE[toctou-check-use]
  if (d != NULL) {
    closedir(d);
    return -1;
  }
  return open(p, O_WRONLY | O_TRUNC);           // WARNING[toctou-check-use]
}

/* open() as an existence probe, then a second open that creates. */
int open_probe_then_open(const char *p) {
  int fd = open(p, O_RDONLY);                   // NOTE[toctou-check-use]
  if (fd >= 0) {
    close(fd);
    return -1;
  }
  return open(p, O_WRONLY | O_CREAT, 0600);     // WARNING[toctou-check-use]
}

/* fopen(p, "r") as an existence probe, then fopen(p, "w"). */
FILE *fopen_probe_then_fopen(const char *p) {
  FILE *f = fopen(p, "r");                      // NOTE[toctou-check-use]
  if (f != NULL) {
    fclose(f);
    return NULL;
  }
  return fopen(p, "w");                         // WARNING[toctou-check-use]
}

/* fopen() as a probe, closed, then stat() by name: a second question, with
 * nothing acting on the file (while the stream is open, stat() by name is
 * name-after-open's: see codeql_misses.c). */
long fopen_probe_then_stat(const char *p) {
  struct stat st;
  FILE *f = fopen(p, "r");
  if (f == NULL)
    return -1;
  fclose(f);
  if (stat(p, &st) != 0)                        // no-warning
    return -1;
  return (long)st.st_size;
}

/* openat(AT_FDCWD) probe, closed, then lstat() by name: as above. */
int openat_probe_then_lstat(const char *p, struct stat *st) {
  int fd = openat(AT_FDCWD, p, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return lstat(p, st);                          // no-warning
}

/* mkdir() whose result (or EEXIST) decides a chmod() of the same name:
 * when it already existed, the chmod acts on whatever is there now. */
int mkdir_then_chmod(const char *d) {
  if (mkdir(d, 0700) != 0 && errno != EEXIST)   // NOTE[toctou-check-use]
    return -1;
  return chmod(d, 0755);                        // WARNING[toctou-check-use "chmod() of 'd' after mkdir()"]
}

/* mkdir() then chdir() into it. */
int mkdir_then_chdir(const char *d) {
  if (mkdir(d, 0700) != 0)                      // NOTE[toctou-check-use]
    return -1;
  return chdir(d);                              // WARNING[toctou-check-use "fchdir()"]
}

/* mkdir() then opendir() of it. */
DIR *mkdir_then_opendir(const char *d) {
  if (mkdir(d, 0755) != 0 && errno != EEXIST)   // NOTE[toctou-check-use]
    return NULL;
  return opendir(d);                            // WARNING[toctou-check-use]
}

/* mkdir() then open(O_DIRECTORY) by name. */
int mkdir_then_open(const char *d) {
  if (mkdir(d, 0700) != 0)                      // NOTE[toctou-check-use]
    return -1;
  return open(d, O_RDONLY | O_DIRECTORY);       // WARNING[toctou-check-use]
}

/* rename() into place, then chmod() of the destination by name. */
int rename_then_chmod(const char *tmp, const char *dest) {
  if (rename(tmp, dest) != 0)                   // NOTE[toctou-check-use]
    return -1;
  return chmod(dest, 0644);                     // WARNING[toctou-check-use]
}

/* link() to a new name, then chown() of that new name. */
int link_then_chown(const char *tmp, const char *dest, uid_t uid, gid_t gid) {
  if (link(tmp, dest) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return chown(dest, uid, gid);                 // WARNING[toctou-check-use]
}

/* symlink() creates the link, then chdir() goes through the link name. */
int symlink_then_chdir(const char *target, const char *lnk) {
  if (symlink(target, lnk) != 0)                // NOTE[toctou-check-use]
    return -1;
  return chdir(lnk);                            // WARNING[toctou-check-use]
}

/* rename() then exec of the renamed program by name. */
int rename_then_execv(const char *tmp, const char *prog, char *const argv[]) {
  if (rename(tmp, prog) != 0)                   // NOTE[toctou-check-use]
    return -1;
  return execv(prog, argv);                     // WARNING[toctou-check-use]
}
