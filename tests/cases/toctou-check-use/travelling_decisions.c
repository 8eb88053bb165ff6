// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: decisions that travel (issue 11, B11). What works: a
 * check's result kept in a variable or a struct field and tested later in
 * the same function. Known gaps, marked MISSING with the reason: */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct job { const char *path; int writable; };

/* Works: the result stored in a struct flag, tested later. */
int flag_in_struct(struct job *j) {
  j->writable = access(j->path, W_OK) == 0;     // NOTE[toctou-check-use]
  if (!j->writable)
    return -1;
  return open(j->path, O_WRONLY);               // WARNING[toctou-check-use]
}

/* The result leaves through an out-parameter and the caller tests it:
 * stored from the result, or set in a branch over it. */
static void probe(const char *p, int *ok) {
  *ok = access(p, W_OK) == 0;
}
int out_parameter(const char *p) {
  int ok;
  probe(p, &ok);                                // NOTE[toctou-check-use]
  if (!ok)
    return -1;
  return open(p, O_WRONLY);                     // WARNING[toctou-check-use]
}

struct verdict { int regular; long size; };
static int inspect(const char *p, struct verdict *v) {
  struct stat st;
  int r = stat(p, &st);
  v->regular = 0;
  if (r == 0 && S_ISREG(st.st_mode))
    v->regular = 1;
  return 0;
}
int out_struct(const char *p) {
  struct verdict v;
  inspect(p, &v);                               // NOTE[toctou-check-use]
  if (!v.regular)
    return -1;
  return chmod(p, 0600);                        // WARNING[toctou-check-use]
}

/* Safe twin: the out-parameter is not tested before the use. */
int out_ignored(const char *p) {
  int ok;
  probe(p, &ok);
  int fd = open(p, O_WRONLY);                   // no-warning
  return ok ? fd : -1;
}

/* Safe twin: what goes out is not the check's outcome. */
static void count_calls(const char *p, int *calls) {
  (void)access(p, F_OK);
  *calls += 1;
}
int out_unrelated(const char *p) {
  int calls = 0;
  count_calls(p, &calls);
  if (!calls)
    return -1;
  return open(p, O_WRONLY);                     // no-warning
}

/* The check chosen at the call: a conditional between two functions, or
 * a constant table of them. Each possible function is a call on the path
 * that runs it (the lstat() arm makes it a link check). */
int chosen_check(const char *p, int follow) {
  struct stat st;
  if ((follow ? stat : lstat)(p, &st) != 0 || st.st_uid != 0)   // NOTE[toctou-symlink-check]
    return -1;
  return chown(p, 1000, 1000);                  // WARNING[toctou-symlink-check]
}

static int (*const probes[])(const char *, struct stat *) = {stat, lstat, stat};
int table_check(const char *p, int how) {
  struct stat st;
  if (probes[how](p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return open(p, O_WRONLY | O_TRUNC);           // WARNING[toctou-symlink-check]
}

/* Safe twin: the chosen check, then the descriptor. */
int chosen_check_fd(const char *p, int follow, int fd) {
  struct stat st;
  if ((follow ? stat : lstat)(p, &st) != 0 || st.st_uid != 0)
    return -1;
  return fchown(fd, 1000, 1000);                // no-warning
}

/* Safe twin: a table that can be changed says nothing of what is called. */
static int (*hooks[])(const char *, struct stat *) = {stat, lstat};
int mutable_table(const char *p, int how) {
  struct stat st;
  if (hooks[how](p, &st) != 0 || st.st_uid != 0)
    return -1;
  return chown(p, 1000, 1000);                  // no-warning
}

/* A loop picks an index by a check, the use names c[pick]: pick = i makes
 * c[pick] the checked name, and pick, set only when the check passed,
 * carries its decision. */
FILE *first_readable(const char **c, int n) {
  int pick = -1;
  for (int i = 0; i < n; i++)
    if (access(c[i], R_OK) == 0) {              // NOTE[toctou-check-use]
      pick = i;
      break;
    }
  if (pick < 0)
    return NULL;
  return fopen(c[pick], "r+");                  // WARNING[toctou-check-use "fopen() of 'c[pick]'"]
}

/* A flag set in the branch, tested later. */
int flag_set_in_branch(const char *p) {
  int found = 0;
  struct stat st;
  if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) // NOTE[toctou-check-use]
    found = 1;
  if (!found)
    return -1;
  return truncate(p, 0);                        // WARNING[toctou-check-use]
}

/* Bitmask and enum variants of a stored decision. */
enum { CAN_READ = 1, CAN_WRITE = 2 };

/* A bit set in the branch: `rights |= CAN_WRITE` is rights OR'ed with a
 * constant, a marker, unlike a counter (i++). */
int bitmask(const char *p) {
  int rights = 0;
  if (access(p, W_OK) == 0)                     // NOTE[toctou-check-use]
    rights |= CAN_WRITE;
  if (!(rights & CAN_WRITE))
    return -1;
  return open(p, O_WRONLY | O_APPEND);          // WARNING[toctou-check-use]
}

int bitmask_from_value(const char *p) {
  unsigned rights = (access(p, W_OK) == 0 ? CAN_WRITE : 0) | CAN_READ;   // NOTE[toctou-check-use]
  if (!(rights & CAN_WRITE))
    return -1;
  return open(p, O_WRONLY | O_APPEND);          // WARNING[toctou-check-use]
}

enum state { MISSING_FILE, REGULAR, OTHER };
int enum_state(const char *p) {
  struct stat st;
  enum state s = OTHER;
  if (lstat(p, &st) != 0)
    s = MISSING_FILE;
  else if (S_ISREG(st.st_mode))
    s = REGULAR;
  switch (s) {
  case REGULAR:
    return chmod(p, 0600);                      // WARNING[toctou-symlink-check]
  default:
    return -1;
  }
}

/* Safe twin: an error accumulator, set after each failed step and tested
 * before the next (logrotate's hasErrors), records no decision in
 * particular: the later open depends on every step, not on the rename. */
int error_accumulator(const char *log, const char *old, int copy) {
  int errors = 0;
  if (rename(log, old) != 0)
    errors = 1;
  if (!errors && chmod(log, 0600) != 0)
    errors = 1;
  if (!errors && chown(log, 0, 0) != 0)
    errors = 1;
  if (!errors && copy && truncate(log, 0) != 0)
    errors = 1;
  if (!errors && unlink(log) != 0)
    errors = 1;
  if (!errors)
    return open(old, O_WRONLY | O_APPEND);      // no-warning
  return -1;
}

/* Safe twin: an error accumulator whose steps set bits (errors |= 1):
 * a bit set is a marker, but one set in many places records no decision. */
int error_bits(const char *log, const char *old) {
  unsigned errors = 0;
  if (rename(log, old) != 0)
    errors |= 1;
  if (!errors && chmod(log, 0600) != 0)
    errors |= 2;
  if (!errors && chown(log, 0, 0) != 0)
    errors |= 4;
  if (!errors && truncate(log, 0) != 0)
    errors |= 8;
  if (!errors && unlink(log) != 0)
    errors |= 16;
  if (!errors)
    return open(old, O_WRONLY | O_APPEND);      // no-warning
  return -1;
}

/* Safe twin: the flag is set to the same bit whatever the check found. */
int bit_always(const char *p) {
  int seen = 0;
  if (access(p, F_OK) == 0)
    seen |= 1;
  else
    seen |= 1;
  if (!seen)
    return -1;
  return unlink(p);                             // no-warning
}

/* Safe twin: the flag is a call's result, which says something about that
 * call, not about the check (libmount's rc = fchown(...)). */
int flag_from_call(const char *p, int fd) {
  struct stat st;
  int rc = 0;
  if (stat(p, &st) == 0)
    rc = fchown(fd, st.st_uid, st.st_gid);
  if (rc)
    return -1;
  return chmod(p, 0600);                        // no-warning
}

/* Safe twin: the flag is set to the same value whatever the check found:
 * every path from the check to the test sets it to 1. */
int flag_always(const char *p) {
  int seen = 0;
  if (access(p, F_OK) == 0)
    seen = 1;
  else
    seen = 1;
  if (!seen)
    return -1;
  return unlink(p);                             // no-warning
}

/* Safe twin: the picked index is changed before the use. */
FILE *pick_then_moved(const char **c, int n) {
  int pick = -1;
  for (int i = 0; i < n; i++)
    if (access(c[i], R_OK) == 0) {
      pick = i;
      break;
    }
  if (pick < 0)
    return NULL;
  pick = (pick + 1) % n;
  return fopen(c[pick], "r+");                  // no-warning
}
