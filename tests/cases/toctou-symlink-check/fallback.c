// CFLAGS: -D_GNU_SOURCE
// ARGS: --min-risk low
/* Issue 11 items 9, 12, 14: falling back by name after an O_NOFOLLOW open
 * failed; more uses (dlopen); and what O_NOFOLLOW and O_EXCL do not
 * protect. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/* The open refused a link (ELOOP) or was denied, and the fallback
 * changes the name, following the link the open refused. */
int fix_mode(const char *path) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW);    // NOTE[toctou-check-use "'path' checked here by open()"]
  if (fd < 0) {
    if (errno == ELOOP || errno == EACCES)
      return chmod(path, 0600);                  // WARNING[toctou-check-use "chmod() of 'path' after open()"]
    return -1;
  }
  int r = fchmod(fd, 0600);                      // no-warning
  close(fd);
  return r;
}

int fix_times(const char *path) {
  int fd = open(path, O_WRONLY | O_NOFOLLOW);    // NOTE[toctou-check-use]
  if (fd == -1)
    return utimes(path, NULL);                   // WARNING[toctou-check-use "utimes() of 'path'"]
  close(fd);
  return 0;
}

/* The fallback that does not follow a link either. */
int fix_owner_nofollow(const char *path, uid_t uid) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW);
  if (fd < 0)
    return lchown(path, uid, (gid_t)-1);         // no-warning
  int r = fchown(fd, uid, (gid_t)-1);
  close(fd);
  return r;
}

/* An open that followed links anyway: its failure says nothing of links. */
int fallback_plain(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return chmod(path, 0600);                    // no-warning
  close(fd);
  return 0;
}

/* A library checked for its owner and mode, then loaded by name. */
void *load_plugin(const char *lib) {
  struct stat st;
  if (stat(lib, &st) != 0 || st.st_uid != 0 || (st.st_mode & 022))   // NOTE[toctou-check-use]
    return NULL;
  return dlopen(lib, RTLD_NOW);                  // WARNING[toctou-check-use "dlopen() of 'lib' after stat()"]
}

/* truncate() by name after a check. */
int shrink(const char *log) {
  struct stat st;
  if (stat(log, &st) == 0 && st.st_size > 1000000)   // NOTE[toctou-check-use]
    return truncate(log, 0);                     // WARNING[toctou-check-use "truncate() of 'log'"]
  return 0;
}

/* Item 14: an ownership check, then an O_NOFOLLOW open: O_NOFOLLOW refuses
 * a link, not a regular file of the attacker's swapped in. */
int open_own(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-symlink-check]
    return -1;
  return open(path, O_RDWR | O_NOFOLLOW);        // WARNING[toctou-symlink-check "fstat() the descriptor and check its owner there"]
}

/* The same through a stat buffer the caller passed, and a link count
 * (a hard link of someone else's file). */
int open_single_link(const char *path, struct stat *sp) {
  if (lstat(path, sp) != 0 || sp->st_nlink != 1)   // NOTE[toctou-symlink-check]
    return -1;
  return open(path, O_WRONLY | O_NOFOLLOW);      // WARNING[toctou-symlink-check]
}

/* Safe twin: the check asked only about the type; O_NOFOLLOW keeps that
 * answer true (a regular file swapped in is still a regular file). */
int open_regular(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open(path, O_RDWR | O_NOFOLLOW);        // no-warning
}

/* Safe twin: the owner checked again on the descriptor (CERT POS35-C). */
int open_own_revalidated(const char *path) {
  struct stat st, fst;
  if (lstat(path, &st) != 0 || st.st_uid != getuid())
    return -1;
  int fd = open(path, O_RDWR | O_NOFOLLOW);      // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &fst) != 0 || fst.st_ino != st.st_ino || fst.st_dev != st.st_dev) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Item 12: a check of the directory, then a path under it: O_NOFOLLOW and
 * O_EXCL protect only the last component (more in prefixes.c). */
int create_under(const char *dir) {
  struct stat st;
  char path[4096];
  if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  snprintf(path, sizeof path, "%s/data", dir);
  return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);   // WARNING[toctou-symlink-check "under 'dir'"]
}
