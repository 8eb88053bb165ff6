// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: races that CodeQL's cpp/toctou-race-condition does not
 * report (it knows few check/use pairs and compares names only as the same
 * variable), one bad case each. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct conf { const char *path; };

const char *g_logfile;

/* creat() is not among CodeQL's uses. */
int miss_creat_after_access(const char *p) {
  if (access(p, F_OK) == 0)                     // NOTE[toctou-check-use]
    return -1;
  return creat(p, 0600);                        // WARNING[toctou-check-use "creat() of 'p' after access() checked it"]
}

/* fstatat(AT_FDCWD) / openat(AT_FDCWD): the *at() spellings of stat/open. */
int miss_fstatat_openat_cwd(const char *p) {
  struct stat st;
  if (fstatat(AT_FDCWD, p, &st, 0) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return openat(AT_FDCWD, p, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use]
}

/* rename() into place, then fopen() of the destination, decided by the
 * rename's result: the new name can be swapped right after the rename. */
FILE *miss_rename_then_fopen(const char *tmp, const char *dest) {
  if (rename(tmp, dest) != 0)                   // NOTE[toctou-check-use]
    return NULL;
  return fopen(dest, "r");                      // WARNING[toctou-check-use "fopen() of 'dest' after rename()"]
}

/* open() succeeded, then stat() by name instead of fstat() on the fd
 * (reported by name-after-open, CERT FIO01-C). */
long miss_open_then_stat(const char *p) {
  struct stat st;
  int fd = open(p, O_RDONLY);                   // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  if (stat(p, &st) != 0) {                      // WARNING[name-after-open "stat() of 'p' while it is open"]
    close(fd);
    return -1;
  }
  close(fd);
  return (long)st.st_size;
}

/* readlink() says "not a symbolic link", then open() by name follows
 * whatever link is there now. */
int miss_readlink_then_open(const char *p) {
  char buf[PATH_MAX];
  if (readlink(p, buf, sizeof buf) >= 0)        // NOTE[toctou-symlink-check]
    return -1;
  return open(p, O_WRONLY | O_APPEND);          // WARNING[toctou-symlink-check "O_NOFOLLOW"]
}

/* mkdir() (or EEXIST), then chown() by name. */
int miss_mkdir_then_chown(const char *d, uid_t uid, gid_t gid) {
  if (mkdir(d, 0700) != 0 && errno != EEXIST)   // NOTE[toctou-check-use]
    return -1;
  return chown(d, uid, gid);                    // WARNING[toctou-check-use "fchown()"]
}

/* The name is a field, not a variable. */
int miss_field(struct conf *c) {
  if (access(c->path, W_OK) != 0)               // NOTE[toctou-check-use]
    return -1;
  return unlink(c->path);                       // WARNING[toctou-check-use]
}

/* The name is a global. */
FILE *miss_global(void) {
  if (access(g_logfile, W_OK) != 0)             // NOTE[toctou-check-use]
    return NULL;
  return fopen(g_logfile, "a");                 // WARNING[toctou-check-use]
}

/* The name is a string literal. */
int miss_literal(void) {
  struct stat st;
  if (stat("/var/spool/app/queue", &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return -1;
  return chmod("/var/spool/app/queue", 0700);   // WARNING[toctou-check-use "fchmod()"]
}

/* The use goes through a copy of the checked variable. */
int miss_copy(const char *p) {
  const char *target = p;
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(target, O_WRONLY);                // WARNING[toctou-check-use]
}
