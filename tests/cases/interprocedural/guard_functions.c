// CFLAGS: -D_GNU_SOURCE
/* Guard functions (issue 11, B13): a function that checks a name and exits
 * or aborts when the check fails is a check whose decision is that its
 * caller goes on only if it passed. The caller's later use of the name is
 * decided by it, with no branch in the caller. */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void die_if_link(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode)) {   // NOTE[toctou-symlink-check "die_if_link() checks its argument with lstat() here"]
    fprintf(stderr, "%s: refusing a symbolic link\n", p);
    exit(1);
  }
}

static void must_be_regular(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-check-use "must_be_regular() checks its argument with stat() here"]
    err(1, "%s", p);
  if (!S_ISREG(st.st_mode))
    errx(1, "%s: not a regular file", p);
}

static void require_writable(const char *p) {
  if (access(p, W_OK) == 0)                     // NOTE[toctou-check-use]
    return;
  perror(p);
  abort();
}

int write_log(const char *path) {
  die_if_link(path);                            // NOTE[toctou-symlink-check]
  return open(path, O_WRONLY | O_APPEND);       // WARNING[toctou-symlink-check]
}

int give_away(const char *path, uid_t uid) {
  must_be_regular(path);                        // NOTE[toctou-check-use]
  return chown(path, uid, (gid_t)-1);           // WARNING[toctou-check-use]
}

FILE *save_to(const char *path) {
  require_writable(path);                       // NOTE[toctou-check-use]
  return fopen(path, "w");                      // WARNING[toctou-check-use]
}

/* Safe twin: a helper that checks and only complains decides nothing. */
static void warn_if_link(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
    fprintf(stderr, "%s: is a symbolic link\n", p);
}

int write_log2(const char *path) {
  warn_if_link(path);
  return open(path, O_WRONLY | O_APPEND);       // no-warning
}

/* Safe twin: the guard is on another name. */
int write_other(const char *dir, const char *path) {
  die_if_link(dir);
  return open(path, O_WRONLY | O_APPEND);       // no-warning
}

/* Safe twin: after the guard, the file is opened without following a
 * link and only its descriptor is used. */
int write_log3(const char *path) {
  die_if_link(path);
  return open(path, O_WRONLY | O_APPEND | O_NOFOLLOW);   // no-warning
}

/* Safe twin: a use before the guard, reached again only around the loop,
 * is not decided by it (firejail's /run/firejail restored once in a loop
 * over mount points). */
int restore_dirs(const char **dirs, int n) {
  int fd = -1;
  for (int i = 0; i < n; i++) {
    fd = open(dirs[0], O_PATH);                 // no-warning
    must_be_regular(dirs[0]);
  }
  return fd;
}
