// CFLAGS: -D_GNU_SOURCE
// ARGS: --min-risk low
/* Issue 11 item 12, prefixes: a link check of a directory, then a use of a
 * name under it. The use resolves the directory again and follows a link
 * put in its place; O_NOFOLLOW and O_EXCL protect only the last component.
 * The name under it is built with snprintf/asprintf "%s/...", strcpy +
 * strcat, or is a literal under a literal. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int spool_file(const char *spool, const char *job) {
  struct stat st;
  char *path;
  if (lstat(spool, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0)   // NOTE[toctou-symlink-check]
    return -1;
  if (asprintf(&path, "%s/%s", spool, job) < 0)
    return -1;
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);   // WARNING[toctou-symlink-check "open() of 'path', under 'spool'"]
  free(path);
  return fd;
}

int remove_lock(const char *dir) {
  struct stat st;
  char path[4096];
  if (lstat(dir, &st) != 0 || S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  strcpy(path, dir);
  strcat(path, "/lock");
  return unlink(path);                            // WARNING[toctou-symlink-check "unlink() of 'path', under 'dir'"]
}

int literal_under(void) {
  struct stat st;
  if (lstat("/var/spool/demo", &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return chmod("/var/spool/demo/queue", 0700);    // WARNING[toctou-symlink-check]
}

/* Safe twin: the directory opened once without following a link, and the
 * name created relative to its descriptor. */
int spool_file_at(const char *spool, const char *job) {
  struct stat st;
  int dfd = open(spool, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  if (dfd < 0)
    return -1;
  if (fstat(dfd, &st) != 0 || st.st_uid != 0) {
    close(dfd);
    return -1;
  }
  int fd = openat(dfd, job, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);   // no-warning
  close(dfd);
  return fd;
}

/* Safe twin: dir names another directory by the time of the use. */
int other_dir(const char *dir, const char *fallback) {
  struct stat st;
  char path[4096];
  if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    dir = fallback;
  snprintf(path, sizeof path, "%s/data", dir);
  return open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);   // no-warning
}

/* Safe twin: a sibling, not a name under the directory. */
int sibling(const char *dir) {
  struct stat st;
  char path[4096];
  if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  snprintf(path, sizeof path, "%s.old", dir);
  return unlink(path);                            // no-warning
}

/* Safe twin: the use runs whatever the check found. */
int not_decided(const char *dir) {
  struct stat st;
  char path[4096];
  int is_dir = lstat(dir, &st) == 0 && S_ISDIR(st.st_mode);
  snprintf(path, sizeof path, "%s/log", dir);
  int fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW);   // no-warning
  return is_dir ? fd : -1;
}
