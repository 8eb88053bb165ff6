// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
// ARGS: --config tests/cases/interprocedural/config.json --function cfg_overridden=safe
/* interprocedural: functions declared in a configuration file (config.json,
 * next to this file): library functions without a body as checks and uses,
 * with their path and flags indexes; a program function declared safe over
 * a body that is a use; and an entry of the file overridden by --function. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int cfg_exists(const char *p);
int cfg_may_write(int flags, const char *p);
int cfg_no_link(const char *p);
FILE *cfg_write(const char *p, const char *mode);
int cfg_erase(const char *p);
int cfg_overridden(const char *p);

/* A use by its body; declared safe in the file. */
static int cfg_secure_open(const char *p) {
  return open(p, O_WRONLY | O_TRUNC);           // no-warning
}

/* declared check, declared use */
int exists_then_erase(const char *path) {
  if (!cfg_exists(path))                        // NOTE[toctou-check-use "'path' checked here by cfg_exists()"]
    return -1;
  return cfg_erase(path);                       // WARNING[toctou-check-use "cfg_erase() of 'path' after cfg_exists() checked it"]
}

/* declared check (name in argument 1), declared use with mode "a" */
FILE *may_write_then_write(const char *path) {
  if (!cfg_may_write(0, path))
    return NULL;
  return cfg_write(path, "a");                  // WARNING[toctou-check-use "cfg_write() of 'path' after cfg_may_write()"]
}

/* the same use with mode "ax": exclusive */
FILE *exists_then_write_excl(const char *path) {
  if (cfg_exists(path))
    return NULL;
  return cfg_write(path, "ax");                 // no-warning
}

/* the check's argument 0 is not the name */
FILE *may_write_wrong_arg(const char *path, const char *other) {
  if (!cfg_may_write(0, other))
    return NULL;
  return cfg_write(path, "w");                  // no-warning
}

/* declared like lstat */
int no_link_then_chmod(const char *path) {
  if (!cfg_no_link(path))
    return -1;
  return chmod(path, 0600);                     // WARNING[toctou-symlink-check "chmod() of 'path' after cfg_no_link()"]
}

/* declared safe over a body that opens the name */
int exists_then_secure_open(const char *path) {
  if (!cfg_exists(path))
    return -1;
  return cfg_secure_open(path);                 // no-warning
}

/* a use in the file, safe on the command line: the command line wins */
int exists_then_overridden(const char *path) {
  if (!cfg_exists(path))
    return -1;
  return cfg_overridden(path);                  // no-warning
}

/* a libc check, then the declared use */
int access_then_erase(const char *path) {
  if (access(path, W_OK) != 0)
    return -1;
  return cfg_erase(path);                       // WARNING[toctou-check-use "cfg_erase() of 'path' after access()"]
}
