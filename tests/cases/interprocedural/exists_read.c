// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
// ARGS: --enable toctou-exists-read
/* interprocedural: existence-only check wrappers. A wrapper that returns
 * only whether the name exists (access(F_OK), or stat() whose result alone
 * is returned) stands for that check: before a read-only open it is the
 * low-severity toctou-exists-read (enabled here), as access(F_OK) or
 * stat() == 0 is in the caller; before a write it is toctou-check-use. A
 * wrapper that looks at the file's type is more than an existence check. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int present(const char *p) {
  return access(p, F_OK) == 0;
}

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static int is_regular(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static FILE *read_config(const char *p) {
  return fopen(p, "r");
}

/* for reference: the libc forms in the caller */
int libc_access_then_read(const char *path) {
  if (access(path, F_OK) != 0)                  // NOTE[toctou-exists-read]
    return -1;
  return open(path, O_RDONLY);                  // WARNING[toctou-exists-read]
}

FILE *libc_stat_then_read(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    return NULL;
  return fopen(path, "r");                      // WARNING[toctou-exists-read]
}

/* the same checks in wrappers */
int present_then_read(const char *path) {
  if (!present(path))
    return -1;
  return open(path, O_RDONLY);                  // WARNING[toctou-exists-read]
}

FILE *exists_then_read(const char *path) {
  if (!file_exists(path))
    return NULL;
  return fopen(path, "r");                      // WARNING[toctou-exists-read]
}

/* libc existence check, read-only use wrapper */
FILE *access_then_read_config(const char *path) {
  if (access(path, F_OK) != 0)
    return NULL;
  return read_config(path);                     // WARNING[toctou-exists-read "read_config() of 'path' after access()"]
}

/* an existence wrapper before a write: the full rule */
int present_then_write(const char *path) {
  if (!present(path))
    return -1;
  return open(path, O_WRONLY | O_APPEND);       // WARNING[toctou-check-use "open() of 'path' after present()"]
}

/* more than existence: the type of the file */
FILE *regular_then_read(const char *path) {
  if (!is_regular(path))
    return NULL;
  return read_config(path);                     // WARNING[toctou-check-use "read_config() of 'path' after is_regular()"]
}
