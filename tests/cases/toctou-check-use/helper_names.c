// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: names that come back from helpers (issue 11, B10).
 * Two asprintf() calls with the same inputs name the same file; strdup()
 * of a name is the same name. Every level is shown: the mechanism is what
 * is tested here, not the risk. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The name built twice, the same way. */
int rebuilt_with_asprintf(const char *dir, const char *user) {
  char *path;
  if (asprintf(&path, "%s/%s.conf", dir, user) < 0)
    return -1;
  int busy = access(path, F_OK) == 0;           // NOTE[toctou-check-use]
  free(path);
  if (busy)
    return -1;
  if (asprintf(&path, "%s/%s.conf", dir, user) < 0)
    return -1;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // WARNING[toctou-check-use]
  free(path);
  return fd;
}

/* A copy made with strdup() after the check is the checked name. */
int copied_after(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  char *copy = strdup(p);
  if (!copy)
    return -1;
  int r = chmod(copy, 0600);                    // WARNING[toctou-symlink-check]
  free(copy);
  return r;
}

/* Safe twin: built with other inputs, another file. */
int other_name(const char *dir, const char *user) {
  char *path;
  if (asprintf(&path, "%s/%s.conf", dir, user) < 0)
    return -1;
  int busy = access(path, F_OK) == 0;
  free(path);
  if (busy)
    return -1;
  if (asprintf(&path, "%s/%s.bak", dir, user) < 0)
    return -1;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // no-warning
  free(path);
  return fd;
}

/* Safe twin: the copy is changed before the use. */
int copied_then_changed(const char *p) {
  if (access(p, W_OK) != 0)
    return -1;
  char *copy = strdup(p);
  if (!copy)
    return -1;
  copy[0] = 'x';
  int r = unlink(copy);                         // no-warning
  free(copy);
  return r;
}

/* Known gaps (issue 11, B10), not yet built: */

/* realpath()'s output is the checked name: a later use of the resolved
 * buffer is a use of what realpath() looked at. The check's name set
 * starts from its path argument only; realpath's out buffer and result
 * are not added to it. */
int resolved_then_used(const char *p) {
  char real[PATH_MAX];
  if (!realpath(p, real))
    return -1;
  return open(real, O_WRONLY);                  // MISSING[toctou-check-use]
}

/* A program's own join(dir, name) returning malloc'd memory, called twice
 * with the same inputs: summaries do not say that a function's result is
 * a pure function of its arguments, so the two results are two names. */
char *join(const char *dir, const char *name);
int joined_twice(const char *dir) {
  char *a = join(dir, "state");
  if (access(a, W_OK) != 0)
    return -1;
  free(a);
  char *b = join(dir, "state");
  return unlink(b);                             // MISSING[toctou-check-use]
}

/* A name stored in a global while parsing options and used in another
 * function: the name set lives inside one function; nothing carries a
 * check of a global from one function to the next. */
static const char *config_path;
void parse_options(char *arg) {
  config_path = arg;
}
int check_config(void) {
  return access(config_path, R_OK);
}
int load_config(void) {
  if (check_config() != 0)
    return -1;
  return open(config_path, O_RDONLY);           // MISSING[toctou-check-use]
}
