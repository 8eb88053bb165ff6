// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A callee that switches on an argument: a call with a constant runs only
 * that case. rsync 7c20b07 quick_check_ok(FT_REG, ...) compares size and
 * mtime; its readlink() is in the FT_SYMLINK case, yet it was taken as a
 * link check of the name (three reports, two HIGH). */
#include <sys/stat.h>
#include <unistd.h>

enum ftype { FT_REG, FT_SYMLINK };

static int uptodate(enum ftype t, const char *fn, const struct stat *st, long want) {
  switch (t) {
  case FT_REG:
    return st->st_size == want;
  case FT_SYMLINK: {
    char buf[256];
    ssize_t n = readlink(fn, buf, sizeof buf - 1);   // NOTE[toctou-symlink-check]
    return n > 0;
  }
  }
  return 0;
}

int fix_mode_if_stale(const char *fn, const struct stat *st, long want) {
  if (uptodate(FT_REG, fn, st, want))
    return 0;
  return chmod(fn, 0644);                            // no-warning
}

/* Real twin: the FT_SYMLINK case does call readlink() on the name. */
int fix_mode_if_link_stale(const char *fn, const struct stat *st, long want) {
  if (uptodate(FT_SYMLINK, fn, st, want))
    return 0;
  return chmod(fn, 0644);                            // WARNING[toctou-symlink-check]
}

int drop(void) { return setuid(0); }
