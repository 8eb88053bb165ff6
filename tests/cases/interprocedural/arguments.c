// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: which argument, and whether the outcome is returned. A
 * function that checks but only logs the outcome is no check; a wrapper
 * acting on its second parameter is a use of that argument only; different
 * names at the two calls, or the name changed between them, pair nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static void write_file(const char *p, const char *data) {
  FILE *f = fopen(p, "w");
  if (!f)
    return;
  fputs(data, f);
  fclose(f);
}

/* Checks and logs; returns nothing. */
static void log_state(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)
    fprintf(stderr, "%s: %s\n", p, strerror(errno));
  else
    fprintf(stderr, "%s: %lld bytes\n", p, (long long)st.st_size);
}

/* Checks and logs; always returns 0. */
static int warn_unwritable(const char *p) {
  if (access(p, W_OK) != 0)
    perror(p);
  return 0;
}

/* Checks, and returns the count of calls, not the outcome. */
static int probes;
static int count_probe(const char *p) {
  struct stat st;
  if (stat(p, &st) == 0)
    fprintf(stderr, "present\n");
  return ++probes;
}

/* Uses its second parameter; the first is a message. */
static int write_message(const char *msg, const char *path) {
  FILE *f = fopen(path, "w");                   // NOTE[toctou-check-use "write_message() uses its argument with fopen() here"]
  if (!f)
    return -1;
  fputs(msg, f);
  return fclose(f);
}

/* Checks its second parameter; the first is a label. */
static int exists_labelled(const char *label, const char *p) {
  struct stat st;
  if (stat(p, &st) != 0) {                      // NOTE[toctou-check-use "exists_labelled() checks its argument with stat() here"]
    fprintf(stderr, "%s: missing\n", label);
    return 0;
  }
  return 1;
}

void logged_then_write(const char *path, const char *data) {
  log_state(path);
  write_file(path, data);                       // no-warning
}

int warned_then_unlink(const char *path) {
  if (warn_unwritable(path) != 0)
    return -1;
  return unlink(path);                          // no-warning
}

int counted_then_unlink(const char *path) {
  if (count_probe(path) > 10)
    return -1;
  return unlink(path);                          // no-warning
}

/* the checked name passed as the message: no use of it */
int checked_as_message(const char *path, const char *out) {
  if (!file_exists(path))
    return -1;
  return write_message(path, out);              // no-warning
}

/* the checked name passed as the path */
int checked_as_path(const char *msg, const char *path) {
  if (!file_exists(path))                       // NOTE[toctou-check-use "'path' checked here by file_exists()"]
    return -1;
  return write_message(msg, path);              // WARNING[toctou-check-use "write_message() of 'path' after file_exists()"]
}

/* the check wrapper's label is the used name: no check of it */
int label_is_used(const char *path, const char *other) {
  if (!exists_labelled(path, other))
    return -1;
  return unlink(path);                          // no-warning
}

/* the check wrapper's second argument is the used name */
int second_is_used(const char *label, const char *path) {
  if (!exists_labelled(label, path))            // NOTE[toctou-check-use "'path' checked here by exists_labelled()"]
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after exists_labelled()"]
}

/* different names at the check and the use */
void different_names(const char *a, const char *b, const char *data) {
  if (file_exists(a))
    write_file(b, data);                        // no-warning
}

void different_elements(char **argv) {
  if (file_exists(argv[1]))
    write_file(argv[2], "x");                   // no-warning
}

/* the name reassigned between the calls */
void name_reassigned(const char *path, const char *backup, const char *data) {
  if (!file_exists(path))
    return;
  path = backup;
  write_file(path, data);                       // no-warning
}

/* the buffer holding the name rewritten between the calls */
void buffer_rewritten(char *buf, size_t n, const char *dir, const char *data) {
  if (!file_exists(buf))
    return;
  snprintf(buf, n, "%s/new", dir);
  write_file(buf, data);                        // no-warning
}

/* the same buffer, not rewritten */
void buffer_kept(char *buf, const char *data) {
  if (!file_exists(buf))
    return;
  write_file(buf, data);                        // WARNING[toctou-check-use "write_file() of 'buf' after file_exists()"]
}

/* Only prints the name. */
static void log_name(const char *p) {
  fprintf(stderr, "writing %s\n", p);
}

/* a program function that only reads the name, between the check and the
 * use: the name is the same (as with fprintf() there) */
void logged_between(const char *path, const char *data) {
  if (!file_exists(path))
    return;
  log_name(path);
  write_file(path, data);                       // WARNING[toctou-check-use]
}

void printed_between(const char *path, const char *data) {
  if (!file_exists(path))
    return;
  fprintf(stderr, "writing %s\n", path);
  write_file(path, data);                       // WARNING[toctou-check-use "write_file() of 'path' after file_exists()"]
}
