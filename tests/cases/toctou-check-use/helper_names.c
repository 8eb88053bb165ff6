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

/* realpath()'s output is the checked name: a later use of the resolved
 * buffer, or of the returned copy, is a use of what realpath() looked at. */
int resolved_then_used(const char *p) {
  char real[PATH_MAX];
  if (!realpath(p, real))                       // NOTE[toctou-check-use "'p' checked here by realpath()"]
    return -1;
  if (strncmp(real, "/home/", 6) != 0)
    return -1;
  return open(real, O_WRONLY);                  // WARNING[toctou-check-use "open() of 'real' after realpath()"]
}

int resolved_result(const char *p) {
  char *r = realpath(p, NULL);                  // NOTE[toctou-check-use]
  if (!r)
    return -1;
  int rc = chown(r, 0, 0);                      // WARNING[toctou-check-use "chown() of 'r' after realpath()"]
  free(r);
  return rc;
}

/* Safe twin: the resolved name pinned with an O_PATH open, then only the
 * descriptor (firejail's disable_file after its fix). */
int resolved_then_pinned(const char *p, struct stat *st) {
  char *r = realpath(p, NULL);
  if (!r)
    return -1;
  int fd = open(r, O_PATH | O_CLOEXEC);         // no-warning
  free(r);
  if (fd < 0 || fstat(fd, st) != 0)
    return -1;
  return fd;
}

/* Safe twin: the resolved buffer is overwritten before the use. */
int resolved_then_replaced(const char *p, const char *other) {
  char real[PATH_MAX];
  if (!realpath(p, real))
    return -1;
  strcpy(real, other);
  return open(real, O_WRONLY);                  // no-warning
}

/* Safe twin: the use runs whatever realpath() found. */
int resolved_not_decided(const char *p) {
  char real[PATH_MAX];
  const char *name = realpath(p, real) ? real : p;
  (void)name;
  return unlink(p);                             // no-warning
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

/* Names made by the program's own helpers (issue 11, B10). */

/* A program's own join(dir, name) returning malloc'd memory, called twice
 * with the same inputs: its result depends on its arguments only (its
 * summary says so), so the two results name one file. */
static char *join(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  if (!p)
    abort();
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}
int joined_twice(const char *dir) {
  char *a = join(dir, "state");
  if (access(a, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  free(a);
  char *b = join(dir, "state");
  return unlink(b);                             // WARNING[toctou-check-use "unlink() of 'b'"]
}

/* A formatter returning a static buffer: two pointers into one buffer
 * filled from the same inputs are one name. */
static const char *spool_name(const char *user) {
  static char buf[256];
  snprintf(buf, sizeof buf, "/var/spool/demo/%s", user);
  return buf;
}
int formatted_twice(const char *user) {
  struct stat st;
  const char *checked = spool_name(user);
  if (stat(checked, &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  const char *again = spool_name(user);
  return chmod(again, 0600);                    // WARNING[toctou-check-use "chmod() of 'again'"]
}

/* The same, with the calls inside the check and the use: a call's result
 * passed on is a name, and the second call, with the same inputs, makes
 * the same one. */
int formatted_inline(const char *user) {
  struct stat st;
  if (stat(spool_name(user), &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return chmod(spool_name(user), 0600);         // WARNING[toctou-check-use "chmod() of 'spool_name(user)'"]
}

/* Safe twin: inline calls with other inputs name other files. */
int formatted_inline_other(const char *user, const char *other) {
  struct stat st;
  if (stat(spool_name(user), &st) != 0 || st.st_uid != 0)
    return -1;
  return chmod(spool_name(other), 0600);        // no-warning
}

/* Safe twin: a function whose result depends on more than its inputs (it
 * reads a global the program sets) may name another file the second time. */
static const char *spool_root = "/var/spool/demo";
static char *spool_path(const char *user) {
  static char buf[256];
  snprintf(buf, sizeof buf, "%s/%s", spool_root, user);
  return buf;
}
int impure_inline(const char *user) {
  struct stat st;
  if (stat(spool_path(user), &st) != 0 || st.st_uid != 0)
    return -1;
  return chmod(spool_path(user), 0600);         // no-warning
}

/* Safe twin: another input, another file. */
int joined_other(const char *dir) {
  char *a = join(dir, "state");
  if (access(a, W_OK) != 0)
    return -1;
  free(a);
  char *b = join(dir, "state.old");
  return unlink(b);                             // no-warning
}

/* Safe twin: a joiner that reads a global the program changes: the same
 * inputs may give another name. */
static const char *base_dir = "/var/lib/demo";
static char *join_base(const char *name) {
  char *p = malloc(strlen(base_dir) + strlen(name) + 2);
  if (p)
    sprintf(p, "%s/%s", base_dir, name);
  return p;
}
void set_base(const char *dir) {
  base_dir = dir;
}
int joined_from_global(const char *name, const char *dir) {
  char *a = join_base(name);
  if (!a || access(a, W_OK) != 0)
    return -1;
  set_base(dir);
  char *b = join_base(name);
  return b ? unlink(b) : -1;                    // no-warning
}

/* A name stored in a global while parsing options (setuid programs do
 * this), then checked and used in another function: the global is the
 * name there, through calls that cannot change it. */
static const char *log_path;
void parse_log_option(char *arg) {
  log_path = arg;
}
int open_log(void) {
  if (access(log_path, W_OK) != 0)              // NOTE[toctou-check-use]
    return -1;
  printf("logging to %s\n", log_path);
  return open(log_path, O_WRONLY | O_APPEND);   // WARNING[toctou-check-use "open() of 'log_path'"]
}

/* Safe twin: the global set again between the check and the use. */
int open_log_reset(const char *fallback) {
  if (access(log_path, W_OK) != 0)
    log_path = fallback;
  return open(log_path, O_WRONLY | O_APPEND);   // no-warning
}

/* The check in one function, the use in its caller: a summary says what
 * a function does to the globals it names too, so check_config() checks
 * config_path at each call. */
static const char *config_path;
void parse_options(char *arg) {
  config_path = arg;
}
int check_config(void) {
  return access(config_path, R_OK);             // NOTE[toctou-check-use "check_config() checks 'config_path' with access() here"]
}
int load_config(void) {
  if (check_config() != 0)                      // NOTE[toctou-check-use]
    return -1;
  return open(config_path, O_RDONLY);           // WARNING[toctou-check-use "open() of 'config_path' after check_config()"]
}

/* Safe twin: the global is set again between the check and the use. */
int load_other_config(char *other) {
  if (check_config() != 0)
    return -1;
  config_path = other;
  return open(config_path, O_RDONLY);           // no-warning
}

/* Safe twin: the check's outcome decides nothing before the use. */
int load_config_anyway(void) {
  (void)check_config();
  return open(config_path, O_RDONLY);           // no-warning
}

/* The check in the caller, the use in a callee: write_log() opens the
 * global log_file at each call. */
static char log_file[4096];
static int write_log(const char *line) {
  int fd = open(log_file, O_WRONLY | O_APPEND);
  if (fd < 0)
    return -1;
  write(fd, line, strlen(line));
  return close(fd);
}
int log_if_writable(const char *line) {
  if (access(log_file, W_OK) != 0)              // NOTE[toctou-check-use]
    return -1;
  return write_log(line);                       // WARNING[toctou-check-use "write_log() of 'log_file'"]
}

/* Safe twin: the callee works on another global than the one checked. */
static char spool_file[4096];
static int write_spool(const char *line) {
  int fd = open(spool_file, O_WRONLY | O_APPEND);
  if (fd < 0)
    return -1;
  write(fd, line, strlen(line));
  return close(fd);
}
int spool_if_log_writable(const char *line) {
  if (access(log_file, W_OK) != 0)
    return -1;
  return write_spool(line);                     // no-warning
}

/* Gap (sudo before 696c9de72, sudoedit): one function opens each file to
 * look at it and keeps its name in a field of an array it is given; another
 * function, given the array, opens the kept name again to write it. The
 * check and the use meet only in the caller, through tf[j].ofile: a
 * summary would have to say "files[i] is checked and its name stored into
 * tf[].ofile" and "tf[].ofile is used", effects on fields of elements of
 * parameters, which summaries do not describe (they follow a parameter or
 * a global as a whole name). */
struct tempfile { const char *ofile; long osize; };
static int create_tfiles(char **files, int nfiles, struct tempfile *tf) {
  int j = 0;
  for (int i = 0; i < nfiles; i++) {
    struct stat sb;
    int ofd = open(files[i], O_RDONLY);
    if (ofd == -1)
      continue;
    if (fstat(ofd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
      close(ofd);
      continue;
    }
    tf[j].ofile = files[i];
    tf[j].osize = sb.st_size;
    close(ofd);
    j++;
  }
  return j;
}
static int copy_tfiles(struct tempfile *tf, int n) {
  int errors = 0;
  for (int i = 0; i < n; i++) {
    int ofd = open(tf[i].ofile, O_WRONLY | O_CREAT, 0644);
    if (ofd == -1) {
      errors++;
      continue;
    }
    close(ofd);
  }
  return errors;
}
int sudo_edit(char **files, int nfiles) {
  struct tempfile tf[16];
  int n = create_tfiles(files, nfiles < 16 ? nfiles : 16, tf);
  return copy_tfiles(tf, n);                    // MISSING[toctou-check-use]
}
