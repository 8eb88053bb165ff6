// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: summaries compose. A check wrapper calling a check
 * wrapper is a check; a use wrapper calling a use wrapper is a use. The
 * notes inside point at the libc call at the end of the chain and name the
 * wrapper called at the call site. */
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The notes of is_present(), really_present() and writable_file() (whose
 * first check this is) all land on this stat(). */
static bool path_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;                     // NOTE[toctou-check-use "is_present() checks its argument with stat() here"] NOTE[toctou-check-use "really_present() checks"] NOTE[toctou-check-use "writable_file() checks"]
}

/* level 2: only passes the answer on */
static bool is_present(const char *p) {
  return path_exists(p);
}

/* level 3: returns constants, one of them only when the check failed */
static int really_present(const char *p) {
  if (!is_present(p))
    return 0;
  return 1;
}

static bool may_write(const char *p) {
  return access(p, W_OK) == 0;
}

/* level 2, combining two check wrappers */
static bool writable_file(const char *p) {
  return path_exists(p) && may_write(p);
}

static int write_all(const char *p, const char *buf, size_t n) {
  int fd = open(p, O_WRONLY | O_TRUNC);         // NOTE[toctou-check-use "save() uses its argument with open() here"] NOTE[toctou-check-use "save_copy() uses its argument with open() here"]
  if (fd < 0)
    return -1;
  ssize_t w = write(fd, buf, n);
  close(fd);
  return w == (ssize_t)n ? 0 : -1;
}

/* level 2 use */
static int save(const char *p, const char *text) {
  return write_all(p, text, strlen(text));
}

/* level 3 use, only on one branch */
static int save_copy(const char *p, const char *text, int verbose) {
  if (verbose)
    write(2, "saving\n", 7);
  return save(p, text);
}

static int drop(const char *p) {
  return unlink(p);
}

/* level 2 use, conditional */
static int drop_if(const char *p, int really) {
  if (really)
    return drop(p);                             // no-warning
  return 0;
}

/* A two-level check wrapper, then a libc use. */
int present_then_unlink(const char *path) {
  if (is_present(path))                         // NOTE[toctou-check-use "'path' checked here by is_present()"]
    return unlink(path);                        // WARNING[toctou-check-use "unlink() of 'path' after is_present() checked it"]
  return 0;
}

/* A libc check, then a two-level use wrapper. */
int access_then_save(const char *path, const char *text) {
  if (access(path, W_OK) != 0)
    return -1;
  return save(path, text);                      // WARNING[toctou-check-use "save() of 'path' after access() checked it"]
}

/* Both sides two levels deep. */
int present_then_save(const char *path, const char *text) {
  if (!is_present(path))
    return -1;
  return save(path, text);                      // WARNING[toctou-check-use "save() of 'path' after is_present() checked it"]
}

/* Three levels on both sides. */
int really_present_then_save_copy(const char *path, const char *text) {
  if (really_present(path) == 0)                // NOTE[toctou-check-use "'path' checked here by really_present()"]
    return -1;
  return save_copy(path, text, 0);              // WARNING[toctou-check-use "save_copy() of 'path' after really_present() checked it"]
}

/* A check wrapper made of two check wrappers. */
int writable_then_drop(const char *path) {
  if (!writable_file(path))                     // NOTE[toctou-check-use "checked here by writable_file()"]
    return -1;
  return drop_if(path, 1);                      // WARNING[toctou-check-use "drop_if() of 'path' after writable_file() checked it"]
}

/* The two-level use alone, and the two-level check alone. */
int no_check(const char *path, const char *text) {
  is_present(path);
  return save(path, text);                      // no-warning
}
