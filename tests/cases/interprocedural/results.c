// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: what a check wrapper returns. Its result compared,
 * negated, stored in a variable and tested later; a bool derived from the
 * stat buffer (is_dir, is_regular, owned_by_me); an errno-derived answer;
 * a status with the answer in an out-parameter. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int can_write(const char *p) {
  return access(p, W_OK) == 0;                  // NOTE[toctou-check-use "can_write() checks its argument with access() here"]
}

static int is_dir(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-check-use "is_dir() checks its argument with stat() here"]
    return 0;
  return S_ISDIR(st.st_mode);
}

static bool is_regular(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-check-use "is_regular() checks its argument with stat() here"]
    return false;
  return S_ISREG(st.st_mode);
}

/* The return value derives from the buffer only (no early return). */
static bool owned_by_me(const char *p) {
  struct stat st = {0};
  stat(p, &st);                                 // NOTE[toctou-check-use "owned_by_me() checks its argument with stat() here"]
  return st.st_uid == getuid();
}

/* The answer is errno. */
static int is_missing(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0)                        // NOTE[toctou-check-use "is_missing() checks its argument with stat() here"]
    return 0;
  return errno == ENOENT;
}

/* A status, and the size in an out-parameter. */
static int file_size(const char *p, off_t *size) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-check-use "file_size() checks its argument with stat() here"]
    return -1;
  *size = st.st_size;
  return 0;
}

/* Stored in a variable, tested after other work. */
int stored_then_unlink(const char *path) {
  int ok = can_write(path);                     // NOTE[toctou-check-use "'path' checked here by can_write()"]
  fprintf(stderr, "removing %s\n", path);
  if (!ok)
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after can_write() checked it"]
}

/* Stored negated, copied to a second variable. */
int stored_negated(const char *path) {
  bool not_dir = !is_dir(path);                 // NOTE[toctou-check-use "'path' checked here by is_dir()"]
  bool go = not_dir;
  if (go)
    return unlink(path);                        // WARNING[toctou-check-use "unlink() of 'path' after is_dir()"]
  return 0;
}

/* Negated in the condition. */
int not_regular_then_open(const char *path) {
  if (!is_regular(path))                        // NOTE[toctou-check-use "'path' checked here by is_regular()"]
    return -1;
  return open(path, O_WRONLY | O_TRUNC);        // WARNING[toctou-check-use "open() of 'path' after is_regular() checked it"]
}

/* Both branches of a stat-derived answer act on the name. */
int remove_any(const char *path) {
  if (is_dir(path))
    return rmdir(path);                         // WARNING[toctou-check-use "rmdir() of 'path' after is_dir()"]
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after is_dir()"]
}

/* A buffer-derived bool, then chmod. */
int mine_then_chmod(const char *path) {
  if (owned_by_me(path))                        // NOTE[toctou-check-use "'path' checked here by owned_by_me()"]
    return chmod(path, 0600);                   // WARNING[toctou-check-use "chmod() of 'path' after owned_by_me() checked it"]
  return -1;
}

/* An errno-derived answer, then a creation that truncates. */
int missing_then_creat(const char *path) {
  if (!is_missing(path))
    return -1;
  return creat(path, 0600);                     // WARNING[toctou-check-use "creat() of 'path' after is_missing() checked it"]
}

/* The same, creating exclusively: safe. */
int missing_then_excl(const char *path) {
  if (!is_missing(path))
    return -1;
  return open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);   // no-warning
}

/* A status plus out-parameter, then truncate by name. */
int small_then_truncate(const char *path) {
  off_t size;
  if (file_size(path, &size) != 0)              // NOTE[toctou-check-use "'path' checked here by file_size()"]
    return -1;
  if (size < 4096)
    return 0;
  return truncate(path, 0);                     // WARNING[toctou-check-use "truncate() of 'path' after file_size() checked it"]
}

/* Stored, but overwritten before the test: the test no longer depends on
 * the check. */
int stored_then_overwritten(const char *path, int force) {
  int ok = can_write(path);
  ok = force;
  if (!ok)
    return -1;
  return unlink(path);                          // no-warning
}

/* Stored, never tested. */
int stored_unused(const char *path) {
  int ok = can_write(path);
  (void)ok;
  return unlink(path);                          // no-warning
}
