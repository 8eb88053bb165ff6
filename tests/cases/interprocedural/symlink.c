// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: link checks inside wrappers. An lstat() or readlink()
 * inside a check wrapper makes the race toctou-symlink-check; O_NOFOLLOW
 * (fixed in a use wrapper, or given by its caller) after such a check is
 * safe, as it is after a plain lstat(). */
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_symlink(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0)                       // NOTE[toctou-symlink-check "is_symlink() checks its argument with lstat() here"]
    return false;
  return S_ISLNK(st.st_mode);
}

static bool has_link_target(const char *p) {
  char buf[PATH_MAX];
  return readlink(p, buf, sizeof buf) >= 0;     // NOTE[toctou-symlink-check "has_link_target() checks its argument with readlink() here"]
}

/* two levels: the lstat is one call further down */
static bool plain_entry(const char *p) {
  return !is_symlink(p);
}

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static FILE *open_append(const char *p) {
  return fopen(p, "a");                         // NOTE[toctou-symlink-check "open_append() uses its argument with fopen() here"]
}

static int open_nofollow(const char *p) {
  return open(p, O_WRONLY | O_NOFOLLOW);
}

static int open_with(const char *p, int flags) {
  return open(p, flags);
}

int not_link_then_open(const char *path) {
  if (is_symlink(path))                         // NOTE[toctou-symlink-check "'path' checked here by is_symlink()"]
    return -1;
  return open(path, O_WRONLY);                  // WARNING[toctou-symlink-check "open() of 'path' after is_symlink() checked it"]
}

FILE *not_link_then_open_append(const char *path) {
  if (is_symlink(path))
    return NULL;
  return open_append(path);                     // WARNING[toctou-symlink-check "open_append() of 'path' after is_symlink()"]
}

int not_link_then_chown(const char *path, uid_t uid) {
  if (is_symlink(path))
    return -1;
  return chown(path, uid, (gid_t)-1);           // WARNING[toctou-symlink-check "chown() of 'path' after is_symlink()"]
}

int link_then_unlink(const char *path) {
  if (!has_link_target(path))                   // NOTE[toctou-symlink-check "'path' checked here by has_link_target()"]
    return -1;
  return unlink(path);                          // WARNING[toctou-symlink-check "unlink() of 'path' after has_link_target()"]
}

int plain_then_open(const char *path) {
  if (!plain_entry(path))
    return -1;
  return open(path, O_RDWR);                    // WARNING[toctou-symlink-check "open() of 'path' after plain_entry()"]
}

/* O_NOFOLLOW fixed in the use wrapper */
int not_link_then_open_nofollow(const char *path) {
  if (is_symlink(path))
    return -1;
  return open_nofollow(path);                   // no-warning
}

/* O_NOFOLLOW from the caller */
int not_link_then_open_with_nofollow(const char *path) {
  if (is_symlink(path))
    return -1;
  return open_with(path, O_RDWR | O_NOFOLLOW);  // no-warning
}

int not_link_then_open_with_plain(const char *path) {
  if (is_symlink(path))
    return -1;
  return open_with(path, O_RDWR);               // WARNING[toctou-symlink-check "open_with() of 'path' after is_symlink()"]
}

/* O_NOFOLLOW does not help after a stat(), which follows links */
int exists_then_open_nofollow(const char *path) {
  if (!file_exists(path))
    return -1;
  return open_nofollow(path);                   // WARNING[toctou-check-use "open_nofollow() of 'path' after file_exists()"]
}

/* lstat() in the caller, the use in a wrapper */
FILE *lstat_then_open_append(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check "'path' checked here by lstat()"]
    return NULL;
  return open_append(path);                     // WARNING[toctou-symlink-check "open_append() of 'path' after lstat()"]
}
