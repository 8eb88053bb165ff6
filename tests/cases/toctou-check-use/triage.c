// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* False alarms found by reading fsrace's reports on curl, util-linux,
 * busybox, tmux and openssh (each reduced to its pattern), next to the
 * real races that look like them. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* busybox procps: the name is rewritten through a pointer into the buffer. */
int rewritten_through_offset(const char *dir) {
  char buf[256];
  struct stat st;
  int len = snprintf(buf, sizeof buf, "%s/cmdline", dir);
  if (stat(buf, &st) != 0)
    return -1;
  strcpy(buf + len - 7, "fd");                  /* buf now names .../fd */
  return open(buf, O_RDWR);                     // no-warning
}

/* busybox man: through a pointer found in the name. */
int rewritten_through_strrchr(char *buf) {
  struct stat st;
  if (stat(buf, &st) != 0)
    return -1;
  char *ext = strrchr(buf, '.') + 1;
  strcpy(ext, "xz");
  return open(buf, O_RDWR);                     // no-warning
}

/* ...and by a store through it. */
int truncated_through_strrchr(char *buf) {
  struct stat st;
  if (stat(buf, &st) != 0)
    return -1;
  char *dot = strrchr(buf, '.');
  *dot = '\0';
  return open(buf, O_RDWR);                     // no-warning
}

/* The pointer into the name is only read: still the same name. */
int suffix_only_read(char *buf) {
  struct stat st;
  if (stat(buf, &st) != 0)                      // NOTE[toctou-check-use]
    return -1;
  char *dot = strrchr(buf, '.');
  printf("%s\n", dot);
  return open(buf, O_RDWR);                     // WARNING[toctou-check-use]
}

/* util-linux eject, loopdev: after a failed open, a retry asking for no
 * more (flags not constant). */
int retry_with_fewer_rights(const char *dev, int extra) {
  int fd = open(dev, O_RDWR | extra);
  if (fd < 0)
    fd = open(dev, O_RDONLY | extra);           // no-warning
  return fd;
}

/* ...but truncating after a failed probe is a race. */
int truncate_after_probe(const char *p) {
  int fd = open(p, O_RDONLY);                   // NOTE[toctou-check-use]
  if (fd >= 0)
    return fd;
  return open(p, O_WRONLY | O_TRUNC);           // WARNING[toctou-check-use]
}

/* libmount tab_update: stat fields copied as data (fchown's arguments);
 * the rename depends on fchown's result, not on what stat() learnt. */
int temp_then_rename(const char *tmp, const char *filename, int fd) {
  struct stat st;
  int rc = 0;
  if (stat(filename, &st) == 0)
    rc = fchown(fd, st.st_uid, st.st_gid);
  close(fd);
  if (!rc)
    rc = rename(tmp, filename);                 // no-warning
  return rc;
}

/* A struct stat reused for another file: its fields no longer describe
 * the checked name. */
int buffer_reused(const char *a, int fd) {
  struct stat st;
  stat(a, &st);
  if (fstat(fd, &st) != 0)
    return -1;
  if (S_ISREG(st.st_mode))
    return unlink(a);                           // no-warning
  return 0;
}

/* A readlink() target compared with strcmp() decides the open (only the
 * comparison: readlink's result is not tested). */
int link_target_compared(const char *p) {
  char target[256];
  memset(target, 0, sizeof target);
  readlink(p, target, sizeof target - 1);       // NOTE[toctou-symlink-check]
  if (strcmp(target, "/safe/place") != 0)
    return -1;
  return open(p, O_RDWR);                       // WARNING[toctou-symlink-check]
}

/* busybox man: a pointer into the name made before the check (inside a
 * checking wrapper there), the name rewritten through it after. */
int suffix_pointer_made_before(char *buf) {
  char *ext = strrchr(buf, '.') + 1;
  struct stat st;
  if (stat(buf, &st) != 0)
    return -1;
  strcpy(ext, "xz");
  return open(buf, O_RDWR);                     // no-warning
}

/* busybox cp --remove-destination: unlink, then exclusive re-creation;
 * whatever is planted after the unlink makes the creation fail. */
int replace_destination(const char *dest) {
  struct stat st;
  if (lstat(dest, &st) == 0 && unlink(dest) < 0)   // no-warning
    return -1;
  return open(dest, O_WRONLY | O_CREAT | O_EXCL, 0644);   // no-warning
}

/* ...but an unlink with nothing exclusive after it stays a race. */
int remove_if_regular(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use]
}

/* util-linux rename -n: the check said the name was absent; removing it
 * later breaks that promise (a file created in between is deleted). */
int no_clobber_then_replace(const char *target, const char *newname) {
  struct stat st;
  if (lstat(newname, &st) == 0)                 // NOTE[toctou-symlink-check]
    return 0;                                   /* exists: do not overwrite */
  if (unlink(newname) != 0)                     // WARNING[toctou-symlink-check]
    return -1;
  return symlink(target, newname);
}

/* busybox cpio keep-newer: the age read from the buffer decides removal. */
int remove_if_older(const char *dst, long mtime) {
  struct stat st;
  if (lstat(dst, &st) == 0 && st.st_mtime < mtime) {   // NOTE[toctou-symlink-check]
    unlink(dst);                                // WARNING[toctou-symlink-check]
    return open(dst, O_WRONLY | O_CREAT | O_EXCL, 0644);
  }
  return -1;
}

/* libmount, ssh-keygen: write a mkstemp() temporary, then rename() it over
 * the checked name: an atomic replacement that follows no planted link. */
int write_then_rename(const char *name, const char *text) {
  char tmp[64] = "/var/lib/app/.tmp-XXXXXX";
  struct stat st;
  if (stat(name, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  int fd = mkstemp(tmp);
  if (fd < 0)
    return -1;
  write(fd, text, strlen(text));
  fchmod(fd, st.st_mode & 0644);
  close(fd);
  return rename(tmp, name);                     // no-warning
}

/* openssh sftp-server: a no-clobber rename of an existing file stays a race. */
int rename_no_clobber(const char *oldpath, const char *newpath) {
  struct stat st;
  if (lstat(newpath, &st) == 0)                 // NOTE[toctou-symlink-check]
    return -1;                                  /* exists: refuse */
  return rename(oldpath, newpath);              // WARNING[toctou-symlink-check]
}
