// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: how the check decides the use. The use must be control
 * dependent on a branch over a value derived from the check: its result, its
 * struct stat buffer (directly, through a pointer, or through a helper that
 * reads it), errno after it, or a variable holding any of those. A check
 * nothing depends on (ignored, only printed) is not reported. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

static int owned_by_me(const struct stat *s) { return s->st_uid == getuid(); }

/* The classic idiom: !access(...) is "access succeeded". */
int negated_result(const char *p) {
  if (!access(p, W_OK))                         // NOTE[toctou-check-use]
    return unlink(p);                           // WARNING[toctou-check-use]
  return -1;
}

/* Result stored, other work in between, tested later. */
int stored_then_tested(const char *p) {
  int r = access(p, W_OK);                      // NOTE[toctou-check-use]
  syslog(LOG_INFO, "checking %s", p);
  if (r != 0)
    return -1;
  return unlink(p);                             // WARNING[toctou-check-use]
}

/* A bool computed from stat()'s result, negated when tested. */
int bool_flag(const char *p) {
  struct stat st;
  bool exists = stat(p, &st) == 0;              // NOTE[toctou-check-use]
  if (!exists)
    return creat(p, 0600);                      // WARNING[toctou-check-use "O_CREAT|O_EXCL"]
  return -1;
}

/* The use in the other arm of the if/else is decided just the same. */
int else_branch(const char *p) {
  if (access(p, F_OK) == 0)                     // NOTE[toctou-check-use]
    return -1;
  else
    return open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // WARNING[toctou-check-use "O_CREAT|O_EXCL"]
}

/* Conditional operator. */
int ternary(const char *p) {
  return access(p, W_OK) == 0 ? open(p, O_WRONLY) : -1;   // NOTE[toctou-check-use] WARNING[toctou-check-use]
}

/* Short-circuit &&: the unlink runs only when access succeeded. */
int short_circuit(const char *p) {
  return access(p, W_OK) == 0 && unlink(p) == 0;   // NOTE[toctou-check-use] WARNING[toctou-check-use]
}

/* switch on the check's result. */
int switch_on_result(const char *p) {
  switch (access(p, W_OK)) {                    // NOTE[toctou-check-use]
  case 0:
    return open(p, O_WRONLY | O_APPEND);        // WARNING[toctou-check-use]
  default:
    return -1;
  }
}

/* switch on errno after a failed stat(). */
int switch_on_errno(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0)                        // NOTE[toctou-check-use]
    return -1;
  switch (errno) {
  case ENOENT:
    return creat(p, 0600);                      // WARNING[toctou-check-use]
  default:
    return -1;
  }
}

/* The decision reads errno only: the return value is discarded. */
int errno_only(const char *p) {
  errno = 0;
  (void)access(p, F_OK);                        // NOTE[toctou-check-use]
  if (errno != ENOENT)
    return -1;
  return creat(p, 0600);                        // WARNING[toctou-check-use]
}

/* stat() failing with ENOENT decides a creation by name. */
int stat_enoent_then_fopen(const char *p, FILE **out) {
  struct stat st;
  if (stat(p, &st) < 0 && errno == ENOENT) {    // NOTE[toctou-check-use]
    *out = fopen(p, "w");                       // WARNING[toctou-check-use "O_CREAT|O_EXCL"]
    return 0;
  }
  return -1;
}

/* Polling until the lock file disappears: the open after the loop is
 * reached only through the loop's exit branch, decided by access(). */
int poll_then_create(const char *lock) {
  while (access(lock, F_OK) == 0)               // NOTE[lockfile-race]
    usleep(1000);
  return open(lock, O_WRONLY | O_CREAT, 0644);  // WARNING[lockfile-race]
}

/* Same with do/while and stat(). */
FILE *do_while_poll(const char *lock) {
  struct stat st;
  do
    sleep(1);
  while (stat(lock, &st) == 0);                 // NOTE[lockfile-race]
  return fopen(lock, "a");                      // WARNING[lockfile-race]
}

/* Only the buffer decides: the return value is ignored. */
int buffer_field_only(const char *p) {
  struct stat st;
  memset(&st, 0, sizeof st);
  (void)stat(p, &st);                           // NOTE[toctou-check-use]
  if (S_ISDIR(st.st_mode))
    return rmdir(p);                            // WARNING[toctou-check-use]
  return -1;
}

/* The buffer read through a pointer to it. */
int buffer_via_pointer(const char *p) {
  struct stat st;
  struct stat *sp = &st;
  if (lstat(p, sp) != 0)                        // NOTE[toctou-symlink-check]
    return -1;
  if (sp->st_nlink > 1)
    return -1;
  return unlink(p);                             // WARNING[toctou-symlink-check]
}

/* The buffer handed to a helper whose result is the condition. */
int buffer_to_helper(const char *p) {
  struct stat st;
  memset(&st, 0, sizeof st);
  (void)stat(p, &st);                           // NOTE[toctou-check-use]
  if (!owned_by_me(&st))
    return -1;
  return chmod(p, 0600);                        // WARNING[toctou-check-use]
}

/* A field copied out of the buffer into a variable, tested later. */
int mode_copied(const char *p) {
  struct stat st;
  mode_t m = 0;
  if (stat(p, &st) == 0)                        // NOTE[toctou-check-use]
    m = st.st_mode;
  if (!S_ISREG(m))
    return -1;
  return truncate(p, 0);                        // WARNING[toctou-check-use]
}

/* goto-based error handling. */
int goto_fail(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-check-use]
    goto fail;
  if (st.st_uid != getuid())
    goto fail;
  return chmod(p, 0600);                        // WARNING[toctou-check-use]
fail:
  return -1;
}

/* Checked with -1 explicitly. */
int compared_with_minus_one(const char *p, uid_t uid, gid_t gid) {
  if (access(p, W_OK) == -1)                    // NOTE[toctou-check-use]
    return -1;
  return chown(p, uid, gid);                    // WARNING[toctou-check-use]
}

/* Two checks of the same name decide one use: one finding, with a note on
 * each check. */
int two_checks_one_use(const char *p) {
  struct stat st;
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY | O_TRUNC);           // WARNING[toctou-check-use]
}

/* ---- the check decides nothing ------------------------------------- */

/* Result thrown away. */
int void_cast(const char *p) {
  (void)access(p, W_OK);                        // no-warning
  return unlink(p);                             // no-warning
}

/* The failure is only reported; the use happens either way. */
int only_logged(const char *p) {
  if (access(p, W_OK) != 0)                     // no-warning
    perror(p);
  return unlink(p);                             // no-warning
}

/* Result and buffer only printed. */
int only_printed(const char *p) {
  struct stat st;
  int r = stat(p, &st);                         // no-warning
  fprintf(stderr, "%s: %d %lld\n", p, r, (long long)st.st_size);
  return chmod(p, 0600);                        // no-warning
}

/* The check's result goes into a counter; the use is decided by an
 * unrelated flag. */
int unrelated_flag(const char *p, int force, int *writable) {
  if (access(p, W_OK) == 0)
    ++*writable;
  if (force)
    return unlink(p);                           // no-warning
  return 0;
}

/* The use comes before the check. */
int use_before_check(const char *p) {
  if (unlink(p) != 0)                           // no-warning
    return -1;
  return access(p, F_OK) == 0;
}

/* The check's result is stored, but the variable is overwritten by an
 * unrelated value before the test. */
int stored_then_overwritten(const char *p, int force) {
  int r = access(p, W_OK);
  r = force ? 0 : -1;
  if (r != 0)
    return -1;
  return unlink(p);                             // no-warning
}
