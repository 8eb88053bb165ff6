// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: odd shapes of wrappers. Open and opendir probes as check
 * wrappers; a wrapper that changes or derives the name before using it; a
 * NULL test before the use; a parameter replaced on one path; a wrapper
 * called through a macro; a wrapper that both checks and uses; two check
 * wrappers of different kinds before one use; a name in a field of a
 * struct parameter. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXISTS(p) file_exists(p)

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static int is_symlink(const char *p) {
  struct stat st;
  return lstat(p, &st) == 0 && S_ISLNK(st.st_mode);
}

/* an open probe: may it be opened? */
static int can_open(const char *p) {
  int fd = open(p, O_RDONLY);                   // NOTE[toctou-check-use "can_open() checks its argument with open() here"]
  if (fd < 0)
    return 0;
  close(fd);
  return 1;
}

/* an opendir probe: is it a directory? */
static int is_dir(const char *p) {
  DIR *d = opendir(p);                          // NOTE[toctou-check-use "is_dir() checks its argument with opendir() here"]
  if (!d)
    return 0;
  closedir(d);
  return 1;
}

/* changes the name in place, then removes: not its argument's file */
static void remove_backup_in_place(char *p) {
  strcat(p, ".bak");
  unlink(p);
}

/* derives another name: not its argument's file */
static void remove_backup(const char *p) {
  char b[PATH_MAX];
  snprintf(b, sizeof b, "%s.bak", p);
  unlink(b);
}

/* a NULL test, then the use */
static int rm(const char *p) {
  if (!p)
    return -1;
  return unlink(p);                             // NOTE[toctou-check-use "rm() uses its argument with unlink() here"]
}

/* the parameter replaced on one path only: it may be the argument's file */
static int exists_or_default(const char *p) {
  struct stat st;
  if (!p)
    p = "/etc/app.conf";
  return stat(p, &st) == 0;
}

/* checks, then uses, itself: reported inside; and both, seen from outside */
static int rewrite_if_regular(const char *p, const char *text) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use "'p' checked here by stat()"]
    return -1;
  FILE *f = fopen(p, "w");                      // WARNING[toctou-check-use "fopen() of 'p' after stat() checked it"]
  if (!f)
    return -1;
  fputs(text, f);
  return fclose(f);
}

struct job {
  const char *path;
  int uid;
};

/* the name is a field of the pointer parameter */
static int job_writable(const struct job *j) {
  return access(j->path, W_OK) == 0;
}

int open_probe_then_write_open(const char *path) {
  if (!can_open(path))                          // NOTE[toctou-check-use "'path' checked here by can_open()"]
    return -1;
  return open(path, O_WRONLY | O_TRUNC);        // WARNING[toctou-check-use "open() of 'path' after can_open() checked it"]
}

/* an open probe pairs with opens only, as open() itself does */
int open_probe_then_unlink(const char *path) {
  if (!can_open(path))
    return -1;
  return unlink(path);                          // no-warning
}

int opendir_probe_then_open(const char *path) {
  if (is_dir(path))
    return -1;
  return open(path, O_WRONLY | O_TRUNC);        // WARNING[toctou-check-use "open() of 'path' after is_dir() checked it"]
}

void check_then_backup_in_place(char *buf) {
  if (file_exists(buf))
    remove_backup_in_place(buf);                // no-warning
}

void check_then_backup(const char *path) {
  if (file_exists(path))
    remove_backup(path);                        // no-warning
}

int check_then_rm(const char *path) {
  if (!file_exists(path))
    return -1;
  return rm(path);                              // WARNING[toctou-check-use "rm() of 'path' after file_exists() checked it"]
}

int exists_or_default_then_unlink(const char *path) {
  if (!exists_or_default(path))
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after exists_or_default()"]
}

int macro_then_unlink(const char *path) {
  if (!EXISTS(path))                            // NOTE[toctou-check-use "checked here by file_exists()"]
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlink() of 'path' after file_exists()"]
}

/* the checking-and-using wrapper's status, then chmod by name: its
 * stat() is its own, for the write it does (issue 10 cause 4, busybox mv);
 * what remains is that the wrapper may have created the file by name */
int rewrite_then_chmod(const char *path) {
  if (rewrite_if_regular(path, "x\n") != 0)
    return -1;
  return chmod(path, 0644);                     // WARNING[name-after-create "chmod() of 'path' after rewrite_if_regular() created it"]
}

/* two check wrappers, a stat one and an lstat one: one finding, the link
 * check's (precedence.def), with a note on each check */
int two_checks_then_unlink(const char *path) {
  if (file_exists(path) && !is_symlink(path))
    return unlink(path);                        // WARNING[toctou-symlink-check "after is_symlink()"]
  return 0;
}

/* the same with a libc lstat(): one finding, notes on both checks */
int check_wrapper_and_lstat_then_unlink(const char *path) {
  struct stat st;
  if (file_exists(path) && !(lstat(path, &st) == 0 && S_ISLNK(st.st_mode)))
    return unlink(path);                        // WARNING[toctou-symlink-check "after lstat()"]
  return 0;
}

/* a use wrapper, then a libc use of the same name: both after the check */
int check_then_two_uses(const char *path) {
  if (!file_exists(path))                       // NOTE[toctou-check-use "'path' checked here by file_exists()"]
    return -1;
  rm(path);                                     // WARNING[toctou-check-use "rm() of 'path' after file_exists()"]
  return open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // WARNING[toctou-check-use]
}

int job_then_unlink(const struct job *j) {
  if (!job_writable(j))
    return -1;
  return unlink(j->path);                       // MISSING[toctou-check-use] (a check of a field of a pointer parameter is not summarised)
}
