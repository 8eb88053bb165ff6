// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10 (rsync quick_check_ok(FT_REG, ...), cups cupsFileOpen(name, "r")):
 * a callee that does different things for different values of an
 * argument does, at a call passing a constant, only what that value
 * selects. Each silent shape is next to the call that selects the
 * racy branch, and one passing a variable (either may run). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

enum kind { K_FILE = 3, K_LINK = 7, K_DIR = 9 };

/* The selector tested with if/else, not a switch. */
static int probe(enum kind k, const char *fn) {
  struct stat st;
  if (k == K_LINK)
    return lstat(fn, &st) == 0 && S_ISLNK(st.st_mode);   // NOTE[toctou-symlink-check]
  return 1;
}

int chmod_file(const char *fn) {
  if (!probe(K_FILE, fn))
    return -1;
  return chmod(fn, 0644);                  // no-warning
}

int chmod_link(const char *fn) {
  if (!probe(K_LINK, fn))
    return -1;
  return chmod(fn, 0644);                  // WARNING[toctou-symlink-check]
}

int chmod_any(const char *fn, enum kind k) {
  if (!probe(k, fn))
    return -1;
  return chmod(fn, 0644);                  // WARNING[toctou-symlink-check]
}

/* A mode string tested by its first character; the default case is what
 * another letter selects. After a size check any of these is a true
 * pattern, ranked by what the use does: "r" only reads. */
static int open_mode(const char *fn, const char *mode) {
  if (*mode == 'w')
    return open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (*mode == 'a')
    return open(fn, O_WRONLY | O_CREAT | O_APPEND, 0644);
  return open(fn, O_RDONLY);
}

int read_small(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || st.st_size > 4096)   // NOTE[toctou-check-use]
    return -1;
  return open_mode(fn, "r");               // WARNING[toctou-check-use risk=low because="only reads"]
}

int write_small(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || st.st_size > 4096)   // NOTE[toctou-check-use]
    return -1;
  return open_mode(fn, "w");               // WARNING[toctou-check-use because="follows a link and writes"]
}

/* Any branch may run; the risk comes from one of them (which one is not
 * chosen by danger yet). */
int any_mode_small(const char *fn, const char *mode) {
  struct stat st;
  if (stat(fn, &st) != 0 || st.st_size > 4096)   // NOTE[toctou-check-use]
    return -1;
  return open_mode(fn, mode);              // WARNING[toctou-check-use]
}

/* The selector changed before the test: its value at the call decides
 * nothing. */
static int probe_shifted(int k, const char *fn) {
  struct stat st;
  k = k + 4;
  if (k == K_LINK)
    return lstat(fn, &st) == 0 && S_ISLNK(st.st_mode);   // NOTE[toctou-symlink-check]
  return 1;
}

int chmod_shifted(const char *fn) {
  if (!probe_shifted(K_FILE, fn))
    return -1;
  return chmod(fn, 0644);                  // WARNING[toctou-symlink-check]
}
