// ARGS: --min-risk low
// ARGS: --enable toctou-exists-read
// CFLAGS: -D_GNU_SOURCE
/* toctou-exists-read: an existence-only check (access(F_OK), faccessat(F_OK),
 * or a stat()/lstat() whose decision reads only the return value) followed
 * by a read-only use (open without O_WRONLY/O_RDWR/O_CREAT/O_TRUNC, fopen
 * "r"/"rb", opendir, chdir). Debatable, so a separate rule, off by default.
 * Anything else after the same check (a write, a creation, a removal) and a
 * stat() whose buffer is consulted stay toctou-check-use. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- toctou-exists-read ------------------------------------------------ */

/* "Does the config file exist? then read it." */
int exists_then_open(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-exists-read]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-exists-read]
}

/* fopen(p, "r") after access(F_OK). */
FILE *exists_then_fopen_r(const char *p) {
  if (access(p, F_OK) == 0)                     // NOTE[toctou-exists-read]
    return fopen(p, "r");                       // WARNING[toctou-exists-read]
  return NULL;
}

/* fopen(p, "rb") after access(F_OK). */
FILE *exists_then_fopen_rb(const char *p) {
  if (access(p, F_OK) == -1)                    // NOTE[toctou-exists-read]
    return NULL;
  return fopen(p, "rb");                        // WARNING[toctou-exists-read]
}

/* stat() whose buffer is never looked at, then opendir(). */
DIR *stat_result_then_opendir(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-exists-read]
    return NULL;
  return opendir(p);                            // WARNING[toctou-exists-read]
}

/* lstat() used as an existence test, then a read-only open. */
int lstat_result_then_open(const char *p) {
  struct stat st;
  if (lstat(p, &st) < 0)                        // NOTE[toctou-exists-read]
    return -1;
  return open(p, O_RDONLY | O_CLOEXEC);         // WARNING[toctou-exists-read]
}

/* stat() result, then chdir(). */
int stat_result_then_chdir(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0)                        // NOTE[toctou-exists-read]
    return chdir(p);                            // WARNING[toctou-exists-read]
  return -1;
}

/* faccessat(AT_FDCWD, F_OK) then openat(AT_FDCWD) read-only. */
int faccessat_exists_then_openat(const char *p) {
  if (faccessat(AT_FDCWD, p, F_OK, 0) != 0)     // NOTE[toctou-exists-read]
    return -1;
  return openat(AT_FDCWD, p, O_RDONLY);         // WARNING[toctou-exists-read]
}

/* The result stored and tested later. */
FILE *stored_exists_then_fopen(const char *p) {
  int exists = access(p, F_OK) == 0;            // NOTE[toctou-exists-read]
  if (!exists)
    return NULL;
  return fopen(p, "r");                         // WARNING[toctou-exists-read]
}

/* Message names the read-only use and the check. */
int exists_then_open_message(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-exists-read]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-exists-read "open() of 'p' after access()"]
}

/* A literal name. */
FILE *literal_exists_then_read(void) {
  if (access("/etc/app/override.conf", F_OK) != 0)   // NOTE[toctou-exists-read]
    return NULL;
  return fopen("/etc/app/override.conf", "r");  // WARNING[toctou-exists-read]
}

/* ---- not existence-then-read: toctou-check-use ------------------------ */

/* Same existence check, write open. */
int exists_then_open_wronly(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY);                     // WARNING[toctou-check-use]
}

/* Same existence check, O_RDWR. */
int exists_then_open_rdwr(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDWR);                       // WARNING[toctou-check-use]
}

/* O_RDONLY|O_CREAT creates: a write use, with the O_EXCL fix. */
int exists_then_open_rdonly_creat(const char *p) {
  if (access(p, F_OK) == 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDONLY | O_CREAT, 0600);     // WARNING[toctou-check-use "O_CREAT|O_EXCL"]
}

/* fopen "r+" writes. */
FILE *exists_then_fopen_rplus(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-check-use]
    return NULL;
  return fopen(p, "r+");                        // WARNING[toctou-check-use]
}

/* Removal after an existence check. */
int exists_then_unlink(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return unlink(p);                             // WARNING[toctou-check-use]
}

/* exec is not a read-only use. */
int exists_then_execv(const char *prog, char *const argv[]) {
  struct stat st;
  if (stat(prog, &st) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return execv(prog, argv);                     // WARNING[toctou-check-use]
}

/* stat() whose S_ISREG is tested: the buffer was consulted. */
int stat_isreg_then_open_rdonly(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-check-use]
}

/* stat() whose st_uid is tested, then fopen "r". */
FILE *stat_owner_then_fopen_r(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return NULL;
  return fopen(p, "r");                         // WARNING[toctou-check-use]
}

/* access(R_OK) is a permission check, not an existence check. */
int readable_then_open_rdonly(const char *p) {
  if (access(p, R_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-check-use]
}

/* readlink() is not an existence check either. */
int readlink_then_open_rdonly(const char *p) {
  char buf[PATH_MAX];
  if (readlink(p, buf, sizeof buf) >= 0)        // NOTE[toctou-symlink-check]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-symlink-check "O_NOFOLLOW"]
}

/* ---- safe either way --------------------------------------------------- */

/* Read-only open of a /proc file after an existence check. */
int proc_exists_then_read(void) {
  if (access("/proc/self/mountinfo", F_OK) != 0)
    return -1;
  return open("/proc/self/mountinfo", O_RDONLY);   // no-warning
}

/* The check's result decides nothing. */
int exists_ignored_then_read(const char *p) {
  (void)access(p, F_OK);
  return open(p, O_RDONLY);                     // no-warning
}

/* util-linux mkfs.cramfs: the stat buffer is not tested, but its size is
 * used to read the file opened by name: more than existence, so the full
 * rule (the triage found this real: a changed file gives a wrong size). */
long size_then_read(const char *image, char *out) {
  struct stat st;
  if (lstat(image, &st) < 0)                    // NOTE[toctou-symlink-check]
    return -1;
  long len = (long)st.st_size;
  int fd = open(image, O_RDONLY);               // WARNING[toctou-symlink-check]
  if (fd < 0)
    return -1;
  long n = read(fd, out, (size_t)len);
  close(fd);
  return n;
}

/* The buffer is never read: existence only. */
int exists_then_read_only(const char *image) {
  struct stat st;
  if (lstat(image, &st) < 0)                    // NOTE[toctou-exists-read]
    return -1;
  return open(image, O_RDONLY);                 // WARNING[toctou-exists-read]
}
