// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* False pairings found by reading fsrace's reports on busybox (triage of
 * 2026-12-03, issue 10), each reduced to its pattern, next to the real
 * check-then-use that looks like it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct mount_entry { char *fsname; };
int set_loop(char **device, const char *file);

static int del_loop(const char *device) {
  int fd = open(device, O_RDONLY);
  if (fd >= 0)
    close(fd);
  return fd;
}

/* mount.c: the checked name is set to NULL, then a callee stores another
 * name (the loop device) through its address: a different file. */
int mount_through_loop(struct mount_entry *mp) {
  struct stat st;
  char *backing = NULL;
  if (stat(mp->fsname, &st) == 0 && S_ISREG(st.st_mode)) {
    backing = strdup(mp->fsname);
    mp->fsname = NULL;
    if (set_loop(&mp->fsname, backing) < 0)
      return -1;
  }
  if (backing)
    del_loop(mp->fsname);                   // SPURIOUS[toctou-check-use]
  return 0;
}

/* the twin: the same name checked and used */
int mount_file(struct mount_entry *mp) {
  struct stat st;
  if (stat(mp->fsname, &st) == 0 && S_ISREG(st.st_mode))
    return open(mp->fsname, O_RDWR);        // WARNING[toctou-check-use]
  return -1;
}

/* mv.c: rename() moves the file; it failed across devices, so the file is
 * copied instead. A rename() is an action, not a check. */
int move_file(const char *src, const char *dest) {
  if (rename(src, dest) == 0)
    return 0;
  if (errno != EXDEV)
    return -1;
  return open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0600); // no-warning
}

/* svlogd.c: rename into place, then fix the mode by name (a name used
 * again after the program put a file there, not after a check). */
void finish_log(const char *tmp, const char *done) {
  while (rename(tmp, done) == -1)
    sleep(1);
  while (chmod(done, 0744) == -1)           // SPURIOUS[toctou-check-use]
    sleep(1);
}

/* seedrng.c: mkdir() is not a check; the directory is then used through
 * its descriptor. */
int enter_seed_dir(const char *dir) {
  if (mkdir(dir, 0700) < 0 && errno != EEXIST)
    return -1;
  int dfd = open(dir, O_DIRECTORY | O_RDONLY); // SPURIOUS[toctou-check-use]
  if (dfd < 0)
    return -1;
  return fchdir(dfd);
}

/* modprobe-small.c: an exclusive create that found a stale file, then the
 * fallback create. Neither open looked at the file to decide anything. */
int start_writeout(void) {
  int fd = open("modules.dep.bb.new", O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0644);
  if (fd < 0 && errno == EEXIST) {
    sleep(1);
    fd = open("modules.dep.bb.new", O_WRONLY | O_CREAT | O_TRUNC, 0644); // SPURIOUS[toctou-check-use]
  }
  return fd;
}

/* the twin: a probe that opens to look, then a create */
int start_state(void) {
  int fd = open("state", O_RDONLY);
  if (fd < 0 && errno == ENOENT)
    fd = open("state", O_WRONLY | O_CREAT | O_TRUNC, 0644); // WARNING[toctou-check-use]
  return fd;
}
