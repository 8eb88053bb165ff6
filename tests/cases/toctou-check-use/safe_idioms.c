// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 6: the safe idioms, each silent at every risk level,
 * each next to the by-name twin that is still a race. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int become_root(void) {
  return setuid(0);                        /* the program is privileged */
}

/* mkdir(), then open(O_DIRECTORY|O_NOFOLLOW), then the descriptor */
int make_owned_dir(const char *d, uid_t u) {
  if (mkdir(d, 0700) != 0)
    return -1;
  int fd = open(d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || fchown(fd, u, u) != 0 || fchmod(fd, 0755) != 0)
    return -1;
  return fd;
}

int make_owned_dir_by_name(const char *d, uid_t u) {
  if (mkdir(d, 0700) != 0)                 // NOTE[toctou-check-use]
    return -1;
  return chown(d, u, u);                   // WARNING[toctou-check-use]
}

/* mkdir(), then lchown(): whatever is there by then is changed itself,
 * never through a link (linux-pam's pam_timestamp.c) */
int make_root_dir(const char *d) {
  if (mkdir(d, 0700) == 0)
    if (lchown(d, 0, 0) != 0)              // no-warning
      return -1;
  return 0;
}

/* open, fstat, then lstat of the name and the st_dev/st_ino comparison:
 * the by-name lstat() asks whether the name still is the open file */
int open_then_compare(const char *p) {
  struct stat a, b;
  int fd = open(p, O_RDONLY | O_NOFOLLOW);
  if (fd < 0)
    return -1;
  if (fstat(fd, &a) != 0 || lstat(p, &b) != 0)   // no-warning
    return -1;
  if (a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
    close(fd);
    return -1;
  }
  return fd;
}

/* the same lstat() whose result is not compared: a stat of another file */
off_t open_then_size_by_name(const char *p) {
  struct stat b;
  int fd = open(p, O_RDONLY | O_NOFOLLOW);   // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  if (lstat(p, &b) != 0)                   // WARNING[name-after-open]
    return -1;
  char c;
  read(fd, &c, 1);
  close(fd);
  return b.st_size;
}

/* lstat, open, fstat and the comparison (CERT POS35-C) */
int lstat_open_compare(const char *p) {
  struct stat a, b;
  if (lstat(p, &b) != 0 || !S_ISREG(b.st_mode))
    return -1;
  int fd = open(p, O_RDWR);                // no-warning
  if (fd < 0 || fstat(fd, &a) != 0)
    return -1;
  if (a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
    close(fd);
    return -1;
  }
  return fd;
}

int lstat_open(const char *p) {
  struct stat b;
  if (lstat(p, &b) != 0 || !S_ISREG(b.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return open(p, O_RDWR);                  // WARNING[toctou-symlink-check]
}

/* realpath(), then open(O_PATH|O_NOFOLLOW) and only the descriptor */
int resolve_then_path_fd(const char *p) {
  char buf[PATH_MAX];
  if (!realpath(p, buf) || strncmp(buf, "/home/", 6) != 0)
    return -1;
  int fd = open(p, O_PATH | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return -1;
  struct stat st;
  return fstat(fd, &st);
}

int resolve_then_open(const char *p) {
  char buf[PATH_MAX];
  if (!realpath(p, buf) || strncmp(buf, "/home/", 6) != 0)   // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDWR);                  // WARNING[toctou-check-use]
}

/* up to date? else write a temporary and rename() it over the name */
int refresh(const char *name, time_t since) {
  struct stat st;
  char tmp[PATH_MAX];
  if (stat(name, &st) == 0 && st.st_mtime >= since)
    return 0;
  snprintf(tmp, sizeof tmp, "%s.XXXXXX", name);
  int fd = mkstemp(tmp);
  if (fd < 0)
    return -1;
  write(fd, "x", 1);
  close(fd);
  return rename(tmp, name);                // no-warning
}

int refresh_in_place(const char *name, time_t since) {
  struct stat st;
  if (stat(name, &st) == 0 && st.st_mtime >= since)   // NOTE[toctou-check-use]
    return 0;
  FILE *f = fopen(name, "w");              // WARNING[toctou-check-use]
  if (!f)
    return -1;
  return fclose(f);
}

/* a root-owned directory directly in sticky /tmp: only root may rename
 * it away (X11's /tmp/.X11-unix) */
int fix_socket_dir(void) {
  struct stat st;
  if (lstat("/tmp/.X11-unix", &st) != 0)
    return -1;
  if (!S_ISDIR(st.st_mode) || st.st_uid != 0)
    return -1;
  return chmod("/tmp/.X11-unix", 01777);   // no-warning
}

/* the owner not tested: anyone may have made it */
int fix_any_dir(void) {
  struct stat st;
  if (lstat("/tmp/.X11-unix", &st) != 0)   // NOTE[toctou-symlink-check]
    return -1;
  if (!S_ISDIR(st.st_mode))
    return -1;
  return chmod("/tmp/.X11-unix", 01777);   // WARNING[toctou-symlink-check]
}

/* root-owned, but deeper than /tmp itself: its parent may be anyone's */
int fix_nested_dir(void) {
  struct stat st;
  if (lstat("/tmp/app/sock", &st) != 0 || st.st_uid != 0)   // NOTE[toctou-symlink-check]
    return -1;
  return chmod("/tmp/app/sock", 0700);     // WARNING[toctou-symlink-check]
}

/* stat() follows a link: a user's link to a root-owned directory passes */
int fix_followed_dir(void) {
  struct stat st;
  if (stat("/tmp/.X11-unix", &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return chmod("/tmp/.X11-unix", 01777);   // WARNING[toctou-check-use]
}
