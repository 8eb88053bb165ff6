// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: when do the check and the use name the same file?
 * Same: one variable not reassigned in between and its copies; one field
 * path with no write to it in between; one global/static; identical string
 * literals (also through macros); one constant-index element; buffers filled
 * by snprintf/sprintf/strcpy from the same inputs.
 * Not the same: reassigned or refilled in between, other elements, other
 * fields, a[i] after i changed. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PIDFILE  "/var/run/app.pid"
#define PIDFILE2 "/var/run/app.pid"

struct sub { const char *path; };
struct job { const char *files[4]; struct sub *sub; };
struct spool { const char *dir; const char *file; };

const char *g_config;
static const char *s_state;

/* A copy made before the check: q names what p names. */
int copy_before_check(const char *p) {
  const char *q = p;
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return unlink(q);                             // WARNING[toctou-check-use]
}

/* A copy made after the check. */
int copy_after_check(const char *p) {
  if (access(p, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  const char *q = p;
  return unlink(q);                             // WARNING[toctou-check-use]
}

/* The check goes through the copy, the use through the original. */
int check_copy_use_original(const char *p) {
  const char *q = p;
  if (access(q, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return unlink(p);                             // WARNING[toctou-check-use]
}

/* The copy is reassigned before the use: another name. */
int copy_reassigned(const char *p, const char *other) {
  const char *q = p;
  if (access(p, W_OK) != 0)
    return -1;
  q = other;
  return unlink(q);                             // no-warning
}

/* The variable is reassigned between check and use. */
int variable_reassigned(const char *p, const char *fallback) {
  if (access(p, W_OK) != 0)
    return -1;
  p = fallback;
  return unlink(p);                             // no-warning
}

/* A constant-index array element inside a struct. */
int field_array_element(struct job *j) {
  if (access(j->files[2], W_OK) != 0)           // NOTE[toctou-check-use]
    return -1;
  return unlink(j->files[2]);                   // WARNING[toctou-check-use]
}

/* Different elements of the same array. */
int field_array_other_element(struct job *j) {
  if (access(j->files[2], W_OK) != 0)
    return -1;
  return unlink(j->files[3]);                   // no-warning
}

/* A pointer chain. */
int pointer_chain(struct job *j) {
  struct stat st;
  if (stat(j->sub->path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(j->sub->path, O_WRONLY);          // WARNING[toctou-check-use]
}

/* The chain's middle link is replaced in between: another name. */
int pointer_chain_relinked(struct job *j, struct sub *other) {
  struct stat st;
  if (stat(j->sub->path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  j->sub = other;
  return open(j->sub->path, O_WRONLY);          // no-warning
}

/* A field of a local struct value. */
int struct_value_field(struct spool s) {
  struct stat st;
  if (stat(s.dir, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return chdir(s.dir);                          // WARNING[toctou-check-use]
}

/* Different fields of a local struct value. */
int struct_value_other_field(struct spool s) {
  struct stat st;
  if (stat(s.dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  return chdir(s.file);                         // no-warning
}

/* A global variable. */
int global_name(void) {
  struct stat st;
  if (stat(g_config, &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return open(g_config, O_RDWR);                // WARNING[toctou-check-use]
}

/* A global reassigned in between. */
int global_reassigned(const char *next) {
  if (access(g_config, W_OK) != 0)
    return -1;
  g_config = next;
  return unlink(g_config);                      // no-warning
}

/* A file-scope static. */
int file_static(void) {
  if (access(s_state, W_OK) != 0)               // NOTE[toctou-check-use]
    return -1;
  return truncate(s_state, 0);                  // WARNING[toctou-check-use]
}

/* A function-local static buffer. */
int local_static_buffer(void) {
  static char path[PATH_MAX];
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use]
}

/* A literal and a macro expanding to the same literal. */
int literal_and_macro(void) {
  if (access("/var/run/app.pid", F_OK) == 0)    // NOTE[lockfile-race]
    return -1;
  return creat(PIDFILE, 0644);                  // WARNING[lockfile-race]
}

/* Two macros spelling the same literal. */
int two_macros_same_text(void) {
  if (access(PIDFILE, W_OK) != 0)               // NOTE[toctou-check-use]
    return -1;
  return unlink(PIDFILE2);                      // WARNING[toctou-check-use]
}

/* snprintf() into two buffers from the same format and inputs. */
int snprintf_same_inputs(const char *dir) {
  char a[PATH_MAX], b[PATH_MAX];
  snprintf(a, sizeof a, "%s/lock", dir);
  if (access(a, F_OK) == 0)                     // NOTE[lockfile-race]
    return -1;
  snprintf(b, sizeof b, "%s/lock", dir);
  return open(b, O_WRONLY | O_CREAT, 0644);     // WARNING[lockfile-race]
}

/* sprintf() into two buffers from the same format and inputs. */
int sprintf_same_inputs(const char *base) {
  char a[PATH_MAX], b[PATH_MAX];
  sprintf(a, "%s.tmp", base);
  if (access(a, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  sprintf(b, "%s.tmp", base);
  return unlink(b);                             // WARNING[toctou-check-use]
}

/* strcpy() of the same source into two buffers. */
int strcpy_same_source(const char *p) {
  char a[PATH_MAX], b[PATH_MAX];
  strcpy(a, p);
  if (access(a, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  strcpy(b, p);
  return unlink(b);                             // WARNING[toctou-check-use]
}

/* memcpy() of the same bytes into two buffers. */
int memcpy_same_source(const char *p, size_t n) {
  char a[PATH_MAX], b[PATH_MAX];
  memcpy(a, p, n);
  if (access(a, W_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  memcpy(b, p, n);
  return unlink(b);                             // WARNING[toctou-check-use]
}

/* One buffer refilled in between with the same format and inputs: still
 * the same name. */
int buffer_refilled_same(const char *dir) {
  char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s/lock", dir);
  if (access(buf, W_OK) != 0)                   // NOTE[toctou-check-use]
    return -1;
  snprintf(buf, sizeof buf, "%s/lock", dir);
  return unlink(buf);                           // WARNING[toctou-check-use]
}

/* Two buffers from different formats. */
int snprintf_different_format(const char *base) {
  char a[PATH_MAX], b[PATH_MAX];
  snprintf(a, sizeof a, "%s.tmp", base);
  if (access(a, W_OK) != 0)
    return -1;
  snprintf(b, sizeof b, "%s.bak", base);
  return unlink(b);                             // no-warning
}

/* Two buffers from different inputs. */
int snprintf_different_inputs(const char *dir1, const char *dir2) {
  char a[PATH_MAX], b[PATH_MAX];
  snprintf(a, sizeof a, "%s/lock", dir1);
  if (access(a, W_OK) != 0)
    return -1;
  snprintf(b, sizeof b, "%s/lock", dir2);
  return unlink(b);                             // no-warning
}

/* The input variable changes between the two fills. */
int snprintf_input_changed(const char *dir, const char *other) {
  char a[PATH_MAX], b[PATH_MAX];
  snprintf(a, sizeof a, "%s/lock", dir);
  if (access(a, W_OK) != 0)
    return -1;
  dir = other;
  snprintf(b, sizeof b, "%s/lock", dir);
  return unlink(b);                             // no-warning
}

/* a[i] after i changed. */
int index_changed(char **names, int i) {
  if (access(names[i], W_OK) != 0)
    return -1;
  i++;
  return unlink(names[i]);                      // no-warning
}

/* strcat() appends to the checked buffer: another name. */
int buffer_appended(const char *p) {
  char buf[PATH_MAX];
  strcpy(buf, p);
  if (access(buf, W_OK) != 0)
    return -1;
  strcat(buf, ".old");
  return unlink(buf);                           // no-warning
}
