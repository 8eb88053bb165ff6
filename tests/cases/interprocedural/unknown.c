// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: what has no effect. Calls through function pointers (even
 * to a known wrapper), and external functions declared but defined nowhere
 * in the analysed files and not in the configuration: neither checks nor
 * uses, whatever their names suggest. (declared.c declares the same
 * external functions with --function: there they are reported.) */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

extern int lib_exists(const char *p);
extern int lib_remove(const char *p);
extern FILE *lib_fopen(const char *p, const char *mode);
extern int lib_is_link(const char *p);

typedef int (*check_fn)(const char *);
typedef int (*use_fn)(const char *);

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static int remove_file(const char *p) {
  return unlink(p);
}

/* external check, external use */
int ext_check_ext_use(const char *path) {
  if (lib_exists(path))
    return lib_remove(path);                    // no-warning
  return 0;
}

/* external check, libc use */
int ext_check_libc_use(const char *path) {
  if (!lib_exists(path))
    return -1;
  return unlink(path);                          // no-warning
}

/* libc check, external use */
FILE *libc_check_ext_use(const char *path) {
  if (access(path, W_OK) != 0)
    return NULL;
  return lib_fopen(path, "w");                  // no-warning
}

/* external link check, libc use */
int ext_link_check(const char *path) {
  if (lib_is_link(path))
    return -1;
  return open(path, O_WRONLY);                  // no-warning
}

/* a check through a function pointer parameter */
int pointer_check(check_fn exists, const char *path) {
  if (exists(path))
    return unlink(path);                        // no-warning
  return 0;
}

/* a use through a function pointer parameter */
int pointer_use(use_fn act, const char *path) {
  if (access(path, W_OK) != 0)
    return -1;
  return act(path);                             // no-warning
}

/* both through the members of a struct of operations */
struct file_ops {
  int (*exists)(const char *);
  int (*remove)(const char *);
};

int ops_check_use(const struct file_ops *ops, const char *path) {
  if (ops->exists(path))
    return ops->remove(path);                   // no-warning
  return 0;
}

/* a pointer to a known check wrapper: still a call through a pointer */
int pointer_to_wrapper(const char *path) {
  check_fn exists = file_exists;
  if (exists(path))
    return unlink(path);                        // no-warning
  return 0;
}

/* a pointer to a known use wrapper */
int pointer_to_use_wrapper(const char *path) {
  use_fn act = remove_file;
  if (!file_exists(path))
    return -1;
  return act(path);                             // no-warning
}

/* a pointer to libc itself */
int pointer_to_libc(const char *path) {
  int (*rm)(const char *) = unlink;
  if (!file_exists(path))
    return -1;
  return rm(path);                              // no-warning
}

/* for contrast: the wrapper called directly */
int direct_wrapper(const char *path) {
  if (!file_exists(path))
    return -1;
  return remove_file(path);                     // WARNING[toctou-check-use "remove_file() of 'path' after file_exists()"]
}
