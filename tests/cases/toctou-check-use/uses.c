// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: every kind of USE (a call that looks the name up again),
 * each decided by an access()/stat()-family check of the same name. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

/* openat() relative to the cwd is open(). */
int stat_then_openat_cwd(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return openat(AT_FDCWD, p, O_WRONLY | O_APPEND);   // WARNING[toctou-check-use "openat() of 'p' after stat()"]
}

/* creat() after a write-permission check. */
int access_then_creat(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return creat(p, 0644);                        // WARNING[toctou-check-use "creat() of 'p' after access()"]
}

/* freopen() of stdout onto a checked name. */
FILE *access_then_freopen(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return NULL;
  return freopen(p, "a", stdout);               // WARNING[toctou-check-use]
}

/* opendir() of a name stat() said was a directory. */
DIR *stat_isdir_then_opendir(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return NULL;
  return opendir(p);                            // WARNING[toctou-check-use]
}

/* truncate() by name after a write check. */
int access_then_truncate(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return truncate(p, 0);                        // WARNING[toctou-check-use "ftruncate()"]
}

/* chown() after checking the current owner. */
int stat_then_chown(const char *p, uid_t uid, gid_t gid) {
  struct stat st;
  if (stat(p, &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return -1;
  return chown(p, uid, gid);                    // WARNING[toctou-check-use "chown() of 'p' after stat()"]
}

/* lchown() after an lstat() type check: the entry can still be replaced. */
int lstat_then_lchown(const char *p, uid_t uid, gid_t gid) {
  struct stat st;
  if (lstat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return lchown(p, uid, gid);                   // WARNING[toctou-symlink-check]
}

/* fchmodat(AT_FDCWD, ...) is chmod(). */
int stat_then_fchmodat_cwd(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || (st.st_mode & S_IWOTH))   // NOTE[toctou-check-use]
    return -1;
  return fchmodat(AT_FDCWD, p, 0600, 0);        // WARNING[toctou-check-use]
}

/* utime() after an ownership check. */
int stat_then_utime(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || st.st_uid != geteuid())   // NOTE[toctou-check-use]
    return -1;
  return utime(p, NULL);                        // WARNING[toctou-check-use "futimens()"]
}

/* utimes() after an access check. */
int access_then_utimes(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return utimes(p, NULL);                       // WARNING[toctou-check-use]
}

/* utimensat(AT_FDCWD, ...) is utimes(). */
int access_then_utimensat_cwd(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return utimensat(AT_FDCWD, p, NULL, 0);       // WARNING[toctou-check-use]
}

/* rename() of the checked name (the source). */
int stat_then_rename_source(const char *p, const char *to) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return rename(p, to);                         // WARNING[toctou-check-use]
}

/* unlinkat(AT_FDCWD, ...) is unlink(). */
int access_then_unlinkat_cwd(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return unlinkat(AT_FDCWD, p, 0);              // WARNING[toctou-check-use]
}

/* remove() after a type check. */
int stat_then_remove(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0 && S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return remove(p);                           // WARNING[toctou-check-use]
  return -1;
}

/* rmdir() of what lstat() said was a directory. */
int lstat_then_rmdir(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return rmdir(p);                            // WARNING[toctou-symlink-check]
  return -1;
}

/* chdir() into a directory whose owner was checked. */
int stat_owner_then_chdir(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return chdir(p);                              // WARNING[toctou-check-use "chdir() of 'p' after stat()"]
}

/* chroot() into a checked directory. */
int stat_then_chroot(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return chroot(p);                             // WARNING[toctou-check-use]
}

/* execve() of a program access() said was executable. */
int access_then_execve(const char *prog, char *const argv[], char *const envp[]) {
  if (access(prog, X_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  return execve(prog, argv, envp);              // WARNING[toctou-check-use "fexecve()"]
}

/* execl() of a program whose mode bits were checked. */
int stat_then_execl(const char *prog) {
  struct stat st;
  if (stat(prog, &st) != 0 || !(st.st_mode & S_IXUSR))   // NOTE[toctou-check-use]
    return -1;
  return execl(prog, prog, (char *)NULL);       // WARNING[toctou-check-use]
}

/* mount() onto a target stat() said was a directory. */
int stat_then_mount(const char *src, const char *target) {
  struct stat st;
  if (stat(target, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return mount(src, target, "tmpfs", 0, NULL);  // WARNING[toctou-check-use]
}

/* A bind mount's source is a name too (issue 11 item 14): a file checked
 * for its owner, then bind-mounted by name. */
int stat_then_bind(const char *src, const char *target) {
  struct stat st;
  if (stat(src, &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return mount(src, target, NULL, MS_BIND, NULL);   // WARNING[toctou-check-use "mount() of 'src'"]
}

/* Safe twin: the source opened once, checked on the descriptor, and
 * mounted by the descriptor's /proc/self/fd name. */
int bind_by_descriptor(const char *src, const char *target) {
  struct stat st;
  char fdname[64];
  int fd = open(src, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 || fstat(fd, &st) != 0 || st.st_uid != 0)
    return -1;
  snprintf(fdname, sizeof fdname, "/proc/self/fd/%d", fd);
  if (stat(fdname, &st) != 0)
    return -1;
  return mount(fdname, target, NULL, MS_BIND, NULL);   // no-warning
}

/* umount() of a mount point that was checked. */
int stat_then_umount(const char *target) {
  struct stat st;
  if (stat(target, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return umount(target);                        // WARNING[toctou-check-use]
}
