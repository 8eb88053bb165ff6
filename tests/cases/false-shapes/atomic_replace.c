// ARGS: --min-risk low
/* Issue 10, cause 6: a check of a name, then a temporary written and
 * rename()d over the name. rename() replaces the directory entry itself:
 * whatever another process put at the name (a link, another file) is
 * replaced, never followed, so the check decides nothing a swap could
 * abuse. The temporary may be made by mkstemp(), an O_EXCL open, or
 * written by a helper; the rename may be inside a helper too (cups
 * notifier/rss.c, busybox tar, libmount tab_update, ssh-keygen).
 *
 * The twins: writing through the name itself after the check; a rename
 * that runs only when the check found the name absent (it clobbers what
 * appeared since); the checked name as the rename's source. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* cups rss.c: save_rss() writes the new feed to a temporary */
static int save_feed(const char *filename, const char *text) {
  FILE *fp = fopen(filename, "w");
  if (!fp)
    return 0;
  fchmod(fileno(fp), 0644);                  // WARNING[late-permissions]
  fputs(text, fp);
  return fclose(fp) == 0;
}

int update_feed(const char *cachedir, const char *text) {
  char filename[1024], newname[1024];
  struct stat fileinfo;
  snprintf(filename, sizeof filename, "%s/rss", cachedir);
  snprintf(newname, sizeof newname, "%s.N", filename);
  if (!lstat(filename, &fileinfo) && !S_ISREG(fileinfo.st_mode))
    return 1;
  if (save_feed(newname, text))
    if (rename(newname, filename))            // no-warning
      return 1;
  return 0;
}

/* the twin: the feed written through the checked name */
int write_feed(const char *cachedir, const char *text) {
  char filename[1024];
  struct stat fileinfo;
  snprintf(filename, sizeof filename, "%s/rss", cachedir);
  if (!lstat(filename, &fileinfo) && !S_ISREG(fileinfo.st_mode))
    return 1;
  return save_feed(filename, text);           // WARNING[toctou-symlink-check]
}

/* busybox tar (data_extract_all.c): keep a newer file, else extract to
 * "NAME;PID" created exclusively and rename it over NAME; the open and
 * the rename are the program's dying wrappers */
static int xopen3(const char *name, int flags, int mode) {
  int fd = open(name, flags, mode);
  if (fd < 0)
    exit(1);
  return fd;
}

static void xrename(const char *from, const char *to) {
  if (rename(from, to))
    exit(1);
}

int extract(const char *dst_name, time_t mtime, const char *data) {
  struct stat existing;
  char tmp[4096];
  if (lstat(dst_name, &existing) == 0 && existing.st_mtime >= mtime)
    return 0;
  snprintf(tmp, sizeof tmp, "%s;%x", dst_name, (unsigned)getpid());
  int fd = xopen3(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
  write(fd, data, strlen(data));
  close(fd);
  xrename(tmp, dst_name);                     // no-warning
  return 1;
}

/* the twin: extracted in place, through the checked name */
int extract_in_place(const char *dst_name, time_t mtime, const char *data) {
  struct stat existing;
  if (lstat(dst_name, &existing) == 0 && existing.st_mtime >= mtime)
    return 0;
  int fd = xopen3(dst_name, O_WRONLY | O_CREAT | O_TRUNC, 0600); // WARNING[toctou-symlink-check]
  write(fd, data, strlen(data));
  return close(fd);
}

/* a helper that writes its own temporary and renames it over its
 * argument: the whole replacement happens inside it */
static int write_atomically(const char *name, const char *data) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", name);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0)
    return -1;
  write(fd, data, strlen(data));
  close(fd);
  return rename(tmp, name);
}

int save_state(const char *name, const char *data) {
  struct stat st;
  if (lstat(name, &st) == 0 && !S_ISREG(st.st_mode))
    return -1;
  return write_atomically(name, data);        // no-warning
}

/* the brief's twin pair in sticky /tmp: a link check of a name there,
 * then a temporary renamed over it (silent), or the name written */
int replace_in_tmp(const char *data) {
  struct stat st;
  if (lstat("/tmp/app.state", &st) == 0 && S_ISLNK(st.st_mode))
    return -1;
  return write_atomically("/tmp/app.state", data);   // no-warning
}

int write_in_tmp(const char *data) {
  struct stat st;
  if (lstat("/tmp/app.state", &st) == 0 && S_ISLNK(st.st_mode))
    return -1;
  int fd = open("/tmp/app.state", O_WRONLY | O_TRUNC);   // WARNING[toctou-symlink-check]
  if (fd < 0)
    return -1;
  write(fd, data, strlen(data));
  return close(fd);
}

/* libmount tab_update.c: copy the old file's owner to the temporary, then
 * rename it over the name; the temporary is made by a helper that stores
 * its name through the address it is given */
int open_uniq_filename(const char *filename, char **name);

int update_table(const char *filename, const char *line) {
  struct stat st;
  char *uq = NULL;
  int rc = 0;
  int fd = open_uniq_filename(filename, &uq);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f)
    return -1;
  fputs(line, f);
  if (stat(filename, &st) == 0)
    rc = fchown(fd, st.st_uid, st.st_gid);
  fclose(f);
  if (!rc)
    rc = rename(uq, filename);                // no-warning
  free(uq);
  return rc;
}

/* ssh-keygen -R: keep a hard link to the old file as a backup, then move
 * the new one into place */
int rewrite_hosts(const char *identity_file) {
  struct stat sb;
  char tmp[4096], old[4096];
  if (stat(identity_file, &sb) != 0)
    exit(1);
  snprintf(tmp, sizeof tmp, "%s.XXXXXXXXXX", identity_file);
  snprintf(old, sizeof old, "%s.old", identity_file);
  int fd = mkstemp(tmp);
  if (fd == -1)
    exit(1);
  fchmod(fd, sb.st_mode & 0644);
  close(fd);
  if (unlink(old) == -1 && errno != ENOENT)
    exit(1);
  if (link(identity_file, old) == -1)         // no-warning
    exit(1);
  if (rename(tmp, identity_file) == -1) {     // no-warning
    unlink(tmp);
    exit(1);
  }
  return 0;
}

/* the twins: a rename that runs only where the name was absent (what
 * appeared since is clobbered; renameat2(RENAME_NOREPLACE) is the fix),
 * and the checked name as the source */
int install_new(const char *name, const char *data) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.XXXXXX", name);
  int fd = mkstemp(tmp);
  if (fd < 0)
    return -1;
  write(fd, data, strlen(data));
  close(fd);
  if (access(name, F_OK) == 0)
    return -1;
  return rename(tmp, name);                   // WARNING[toctou-check-use]
}

int move_checked(const char *name, const char *to) {
  struct stat st;
  if (lstat(name, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return rename(name, to);                    // WARNING[toctou-symlink-check]
}
