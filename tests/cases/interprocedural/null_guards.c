// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A NULL test of another parameter hides only the effects on the branch
 * where that parameter is NULL (issue 11, A3): `assert(src)` or
 * `if (!src) return` in a copy helper must not hide its use of dest. The
 * context wrappers of context.c (by name only without their context) stay
 * silent. */
#include <assert.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy_asserted(const char *src, const char *dest) {
  assert(src);
  return open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // NOTE[toctou-check-use "copy_asserted() uses its argument"]
}

static int copy_returning(const char *src, const char *dest) {
  if (!src)
    return -1;
  return open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // NOTE[toctou-check-use "copy_returning() uses its argument"]
}

static int copy_nested(const char *src, const char *dest) {
  int fd = -1;
  if (src != NULL) {
    fd = open(dest, O_WRONLY | O_TRUNC);        // NOTE[toctou-check-use "copy_nested() uses its argument"]
  }
  return fd;
}

/* A check on the non-NULL branch is a check too. */
static int writable_if(const char *who, const char *p) {
  if (who == NULL)
    return 0;
  return access(p, W_OK) == 0;                  // NOTE[toctou-check-use]
}

int install(const char *src, const char *dest) {
  if (access(dest, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  return copy_asserted(src, dest);              // WARNING[toctou-check-use "copy_asserted() of 'dest' after access()"]
}

int install2(const char *src, const char *dest) {
  if (access(dest, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  return copy_returning(src, dest);             // WARNING[toctou-check-use "copy_returning() of 'dest'"]
}

int install3(const char *src, const char *dest) {
  if (access(dest, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  return copy_nested(src, dest);                // WARNING[toctou-check-use "copy_nested() of 'dest'"]
}

int install4(const char *user, const char *dest) {
  if (!writable_if(user, dest))
    return -1;
  return unlink(dest);                          // WARNING[toctou-check-use "unlink() of 'dest' after writable_if()"]
}

/* Safe twin: the by-name effect runs only where the other parameter is
 * NULL; the caller passes it. */
static int open_in(const char *dir, const char *p) {
  if (dir == NULL)
    return open(p, O_WRONLY | O_TRUNC);
  return -1;
}

int reinstall(const char *dir, const char *dest) {
  if (access(dest, W_OK) != 0)
    return -1;
  return open_in(dir, dest);                    // no-warning
}

/* Safe twin (from logrotate's mkpath): the helper makes the directory
 * before it opens it; mkdir() fails if anything is there, so the caller's
 * check decides nothing about the open. Found once the logger in mkpath()
 * no longer hid the name. */
void message(int level, const char *fmt, ...);
static int make_dir(const char *path) {
  if (mkdir(path, 0700) != 0)
    return -1;
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return -1;
  close(fd);
  return 0;
}

static int make_path(const char *path) {
  message(1, "creating %s", path);
  return make_dir(path);
}

int ensure_olddir(const char *dir) {
  struct stat st;
  if (stat(dir, &st) != 0)
    return make_path(dir);                      // no-warning
  return S_ISDIR(st.st_mode) ? 0 : -1;
}

/* Safe twin (firejail's fbuilder): an existence test in a loop, then a
 * helper that only reads the file, its use found once `assert(dir)` no
 * longer hid it. The next turn's stat() fills the buffer, it does not read
 * it: the check is existence-only, and a read after it is no race of the
 * check (toctou-exists-read, off by default). */
static void read_trace(const char *fname, const char *dir) {
  assert(dir);
  FILE *fp = fopen(fname, "r");
  if (!fp)
    return;
  fclose(fp);
}

void read_rotated(const char *dir, char **names, int n) {
  struct stat s;
  for (int i = 0; i < n; i++)
    if (stat(names[i], &s) == 0)
      read_trace(names[i], dir);                // no-warning
}
