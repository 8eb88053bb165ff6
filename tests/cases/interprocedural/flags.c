// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: the flags or mode of a use wrapper. Fixed inside the
 * wrapper ("w" is reported, "wx" and O_CREAT|O_EXCL are not), or taken from
 * a parameter, so that the caller's argument decides. Wrappers that return
 * the FILE * or descriptor they opened. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static int can_read(const char *p) {
  return access(p, R_OK) == 0;
}

static FILE *open_for_write(const char *p) {
  return fopen(p, "w");                         // NOTE[toctou-check-use "open_for_write() uses its argument with fopen() here"]
}

static FILE *create_new(const char *p) {
  return fopen(p, "wx");
}

static FILE *fopen_new(const char *p) {
  return fopen(p, "wx");
}

static int open_new(const char *p) {
  return open(p, O_RDWR | O_CREAT | O_EXCL, 0600);
}

static int create_excl(const char *p) {
  return open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
}

static int open_trunc(const char *p) {
  return open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // NOTE[toctou-check-use "open_trunc() uses its argument with open() here"]
}

/* The mode comes from the caller. */
static FILE *xfopen(const char *p, const char *mode) {
  FILE *f = fopen(p, mode);                     // NOTE[toctou-check-use "xfopen() uses its argument with fopen() here"]
  if (!f) {
    perror(p);
    exit(1);
  }
  return f;
}

/* The flags come from the caller, after a mode argument in between. */
static int xopen(const char *p, mode_t m, int flags) {
  int fd = open(p, flags, m);
  if (fd < 0)
    exit(1);
  return fd;
}

/* The mode passed on through a second level. */
static FILE *open_mode(const char *p, const char *m) {
  return xfopen(p, m);
}

/* fixed "w" */
FILE *exists_then_open_for_write(const char *path) {
  if (!file_exists(path))
    return NULL;
  return open_for_write(path);                  // WARNING[toctou-check-use "open_for_write() of 'path' after file_exists()"]
}

/* fixed "wx" */
FILE *exists_then_create_new(const char *path) {
  if (file_exists(path))
    return NULL;
  return create_new(path);                      // no-warning
}

/* fixed O_CREAT|O_EXCL */
int exists_then_create_excl(const char *path) {
  if (file_exists(path))
    return -1;
  return create_excl(path);                     // no-warning
}

/* The same two wrappers under names not starting with "creat". */
FILE *exists_then_fopen_new(const char *path) {
  if (file_exists(path))
    return NULL;
  return fopen_new(path);                       // no-warning
}

int exists_then_open_new(const char *path) {
  if (file_exists(path))
    return -1;
  return open_new(path);                        // no-warning
}

/* fixed O_CREAT|O_TRUNC */
int exists_then_open_trunc(const char *path) {
  if (file_exists(path))
    return -1;
  return open_trunc(path);                      // WARNING[toctou-check-use "open_trunc() of 'path' after file_exists()"]
}

/* mode from the caller: "w" */
FILE *xfopen_w(const char *path) {
  if (file_exists(path))                        // NOTE[toctou-check-use "checked here by file_exists()"]
    return NULL;
  return xfopen(path, "w");                     // WARNING[toctou-check-use "xfopen() of 'path' after file_exists()"]
}

/* mode from the caller: "wx" */
FILE *xfopen_wx(const char *path) {
  if (file_exists(path))
    return NULL;
  return xfopen(path, "wx");                    // no-warning
}

/* mode from the caller: "r" after a read-permission check */
FILE *xfopen_r(const char *path) {
  if (!can_read(path))
    return NULL;
  return xfopen(path, "r");                     // WARNING[toctou-check-use "xfopen() of 'path' after can_read()"]
}

/* flags from the caller, third argument */
int xopen_trunc(const char *path) {
  if (!file_exists(path))
    return -1;
  return xopen(path, 0, O_WRONLY | O_TRUNC);    // WARNING[toctou-check-use "xopen() of 'path' after file_exists()"]
}

int xopen_excl(const char *path) {
  if (file_exists(path))
    return -1;
  return xopen(path, 0600, O_WRONLY | O_CREAT | O_EXCL);   // no-warning
}

/* mode through two levels */
FILE *open_mode_w(const char *path) {
  if (file_exists(path))
    return NULL;
  return open_mode(path, "w");                  // WARNING[toctou-check-use "open_mode() of 'path' after file_exists()"]
}

FILE *open_mode_wx(const char *path) {
  if (file_exists(path))
    return NULL;
  return open_mode(path, "a+x");                // no-warning
}

/* The FILE * the wrapper returns is used afterwards. */
int write_greeting(const char *path) {
  if (!file_exists(path))
    return -1;
  FILE *f = open_for_write(path);               // WARNING[toctou-check-use "open_for_write() of 'path'"]
  if (!f)
    return -1;
  fputs("hello\n", f);
  return fclose(f);
}

/* The descriptor a wrapper returns is still open when the name is used
 * again: chmod by name instead of fchmod. */
int open_then_chmod(const char *path, const char *buf) {
  int fd = open_trunc(path);                    // no-warning
  if (fd < 0)
    return -1;
  chmod(path, 0600);                            // WARNING[name-after-open]
  write(fd, buf, strlen(buf));
  return close(fd);
}

/* The same with fchmod: nothing by name, but the wrapper's O_TRUNC
 * without O_EXCL may have opened someone else's file: the fchmod() that
 * makes it private comes too late. */
int open_then_fchmod(const char *path, const char *buf) {
  int fd = open_trunc(path);                    // NOTE[late-permissions]
  if (fd < 0)
    return -1;
  fchmod(fd, 0600);                             // WARNING[late-permissions "after open_trunc() without O_EXCL"]
  write(fd, buf, strlen(buf));
  return close(fd);
}
