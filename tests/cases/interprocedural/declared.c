// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
// ARGS: --function lib_exists=check,like=stat --function lib_remove=use,like=unlink
// ARGS: --function lib_fopen=use,like=fopen,flags=1 --function lib_is_link=check,like=lstat
// ARGS: --function lib_can_write=check,like=access,path=1 --function lib_store=use,like=open,path=1,flags=2
// ARGS: --function safe_open=safe --function safe_exists=safe --function note_access=check,like=access
/* interprocedural: functions declared with --function. External functions
 * with no body (the same as in unknown.c, where they have no effect) become
 * checks and uses; the path index and flags index are honoured; a
 * declaration replaces what the body says: a declared-safe function is not
 * reported however much it looks like a use or a check, and a function
 * whose body fsrace cannot see as a check can be declared one. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

extern int lib_exists(const char *p);
extern int lib_remove(const char *p);
extern FILE *lib_fopen(const char *p, const char *mode);
extern int lib_is_link(const char *p);
extern int lib_can_write(int uid, const char *p);
extern int lib_store(const void *data, const char *p, int flags);

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

/* Looks like a use; declared safe (it would open with O_NOFOLLOW and
 * verify with fstat() in real life). */
static int safe_open(const char *p) {
  return open(p, O_RDWR);                       // no-warning
}

/* Looks like a check; declared safe. */
static int safe_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

/* Looks like nothing (the outcome is logged, 0 returned); declared a check. */
static int note_access(const char *p) {
  if (access(p, W_OK) != 0)
    perror(p);
  return 0;
}

/* declared check, declared use */
int ext_check_ext_use(const char *path) {
  if (lib_exists(path))                         // NOTE[toctou-check-use "'path' checked here by lib_exists()"]
    return lib_remove(path);                    // WARNING[toctou-check-use "lib_remove() of 'path' after lib_exists() checked it"]
  return 0;
}

/* declared check, libc use */
int ext_check_libc_use(const char *path) {
  if (!lib_exists(path))
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after lib_exists()"]
}

/* libc check, declared use with the mode in argument 1 */
FILE *libc_check_ext_fopen_w(const char *path) {
  if (access(path, W_OK) != 0)
    return NULL;
  return lib_fopen(path, "w");                  // WARNING[toctou-check-use "lib_fopen() of 'path' after access()"]
}

FILE *libc_check_ext_fopen_wx(const char *path) {
  if (access(path, F_OK) == 0)
    return NULL;
  return lib_fopen(path, "wx");                 // no-warning
}

/* declared like lstat: the link-check rule */
int ext_link_check(const char *path) {
  if (lib_is_link(path))                        // NOTE[toctou-symlink-check "checked here by lib_is_link()"]
    return -1;
  return open(path, O_WRONLY);                  // WARNING[toctou-symlink-check "open() of 'path' after lib_is_link()"]
}

int ext_link_check_nofollow(const char *path) {
  if (lib_is_link(path))
    return -1;
  return open(path, O_WRONLY | O_NOFOLLOW);     // no-warning
}

/* the name is argument 1 of the check */
int ext_check_second_arg(int uid, const char *path) {
  if (!lib_can_write(uid, path))
    return -1;
  return chmod(path, 0600);                     // WARNING[toctou-check-use "chmod() of 'path' after lib_can_write()"]
}

/* the name is argument 1 of the use, its flags argument 2 */
int ext_store(const char *data, const char *path) {
  if (!file_exists(path))
    return -1;
  return lib_store(data, path, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use "lib_store() of 'path' after file_exists()"]
}

int ext_store_excl(const char *data, const char *path) {
  if (file_exists(path))
    return -1;
  return lib_store(data, path, O_WRONLY | O_CREAT | O_EXCL);   // no-warning
}

/* argument 0 of lib_store is not a name */
int ext_store_data_arg(const char *data, const char *path) {
  if (!file_exists(data))
    return -1;
  return lib_store(data, path, O_WRONLY);       // no-warning
}

/* declared safe: no use */
int check_then_safe_open(const char *path) {
  if (!file_exists(path))
    return -1;
  return safe_open(path);                       // no-warning
}

/* declared safe: no check */
int safe_exists_then_unlink(const char *path) {
  if (!safe_exists(path))
    return -1;
  return unlink(path);                          // no-warning
}

/* declared check, over a body that does not return the outcome */
int noted_then_unlink(const char *path) {
  if (note_access(path) != 0)                   // NOTE[toctou-check-use "'path' checked here by note_access()"]
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after note_access()"]
}
