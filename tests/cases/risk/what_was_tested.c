// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* What the check tested, seen through what the program reads of it:
 * - a stat() wrapper's out-parameter is the caller's buffer: testing its
 *   type or mode is a security test, not "only existence" (rsync
 *   receiver.c do_stat(fname, &cst), then S_ISREG(cst.st_mode));
 * - lstat() whose buffer gives only st_mtime is an up-to-date test, not a
 *   link test (busybox data_extract_all.c);
 * - a helper that walks a checked directory recurses into whatever the
 *   name leads to (cups cupsdCleanFiles(): lstat, S_ISDIR, then unlink
 *   of each entry); a plain opendir() that lists it does not raise. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int do_stat(const char *fn, struct stat *st) {
  return stat(fn, st);
}

int make_writable(const char *fn) {
  struct stat cst;
  if (do_stat(fn, &cst) < 0)               // NOTE[toctou-check-use]
    return -1;
  if (!S_ISREG(cst.st_mode) || (cst.st_mode & S_IWUSR))
    return -1;
  return chmod(fn, (cst.st_mode & 07777) | S_IWUSR);   // WARNING[toctou-check-use because="stat() tested the owner, mode or type"]
}

/* The wrapper's caller reads nothing of the buffer: existence only. */
int touch_if_there(const char *fn) {
  struct stat cst;
  if (do_stat(fn, &cst) < 0)
    return -1;
  return open(fn, O_RDWR);                 // WARNING[toctou-check-use risk=low because="only asked whether the name exists"]
}

int replace_if_stale(const char *fn, time_t t) {
  struct stat st;
  if (lstat(fn, &st) == 0 && st.st_mtime >= t)   // NOTE[toctou-symlink-check]
    return 0;
  return chmod(fn, 0644);                  // WARNING[toctou-symlink-check because="tested only size or times"]
}

int replace_if_plain(const char *fn) {
  struct stat st;
  if (lstat(fn, &st) != 0 || S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
    return 0;
  return chmod(fn, 0644);                  // WARNING[toctou-symlink-check because="tested whether it is a link"]
}

/* A helper that walks the directory and removes its entries. */
static int clean_tree(const char *fn) {
  DIR *d = opendir(fn);
  struct dirent *e;
  while (d && (e = readdir(d)))
    unlinkat(dirfd(d), e->d_name, 0);
  return d ? closedir(d) : -1;
}

int clean(const char *fn) {
  struct stat st;
  if (lstat(fn, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return clean_tree(fn);                   // WARNING[toctou-symlink-check because="recurses into its target"]
}

/* Listing the names only reads: no raise for the use. */
int list(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  DIR *d = opendir(fn);                    // WARNING[toctou-check-use risk=low]
  struct dirent *e;
  while (d && (e = readdir(d)))
    puts(e->d_name);
  return d ? closedir(d) : -1;
}

/* The mode is only copied into an option, never tested: no raise for what
 * the check tested (libfuse fuse_kern_mount_prepare(): "rootmode=%o"). */
int copy_mode(const char *fn, char *opts, int n) {
  struct stat st;
  if (stat(fn, &st) != 0)                  // NOTE[toctou-check-use]
    return -1;
  snprintf(opts, n, "rootmode=%o", st.st_mode & S_IFMT);
  return chmod(fn, 0644);                  // WARNING[toctou-check-use risk=low]
}

/* The same mode tested: a type check raises. */
int test_mode(const char *fn) {
  struct stat st;
  if (stat(fn, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return chmod(fn, 0644);                  // WARNING[toctou-check-use risk=medium because="tested the owner, mode or type"]
}
