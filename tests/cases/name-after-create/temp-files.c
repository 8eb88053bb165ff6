// CFLAGS: -D_GNU_SOURCE
// ARGS: --min-risk low
/* name-after-create after mkstemp() and friends: they create the file (or
 * mkdtemp() the directory) whose name they write into their template.
 * Once the descriptor is closed, a change by name looks the name up again
 * (shadow's vipw before 976b7bff: the backup made by fmkomstemp(), an
 * inline mkostemp() + fchmod() + fdopen() in a header, was closed, then
 * given times, mode and owner by name). A helper that creates the file its
 * parameter names carries the creation in its summary. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

int after_mkstemp(char *tmpl, uid_t uid) {
  int fd = mkstemp(tmpl);                               // NOTE[name-after-create "created here by mkstemp()"]
  if (fd < 0)
    return -1;
  close(fd);
  return chown(tmpl, uid, uid);                         // WARNING[name-after-create "chown() of 'tmpl' after mkstemp() created it"]
}

int after_mkostemps(char *tmpl, mode_t mode) {
  int fd = mkostemps(tmpl, 4, O_CLOEXEC);               // NOTE[name-after-create]
  if (fd < 0)
    return -1;
  close(fd);
  return chmod(tmpl, mode);                             // WARNING[name-after-create]
}

int after_mkdtemp(char *tmpl, uid_t uid) {
  if (!mkdtemp(tmpl))                                   // NOTE[name-after-create "created here by mkdtemp()"]
    return -1;
  return chown(tmpl, uid, uid);                         // WARNING[name-after-create]
}

/* The vipw shape: the creation two helpers deep, closed before the
 * changes by name. */
static int mkomstemp(char *template, int flags, mode_t m) {
  int fd = mkostemp(template, flags);
  if (fd == -1)
    return -1;
  if (fchmod(fd, m) == -1)
    goto fail;
  return fd;
fail:
  close(fd);
  unlink(template);
  return -1;
}

static FILE *fmkomstemp(char *template, int flags, mode_t m) {
  int fd = mkomstemp(template, flags, m);
  if (fd == -1)
    return NULL;
  FILE *fp = fdopen(fd, "w");
  if (fp == NULL)
    goto fail;
  return fp;
fail:
  close(fd);
  unlink(template);
  return NULL;
}

int create_backup(FILE *fp, char *backup, const struct stat *sb) {
  struct utimbuf ub = {sb->st_atime, sb->st_mtime};
  FILE *bkfp = fmkomstemp(backup, 0, 0600);             // NOTE[name-after-create "created here by fmkomstemp()"]
  if (!bkfp)
    return -1;
  for (int c; (c = getc(fp)) != EOF;)
    putc(c, bkfp);
  if (fclose(bkfp) != 0)
    return -1;
  if (utime(backup, &ub) != 0 ||                        // WARNING[name-after-create "utime() of 'backup' after fmkomstemp() created it"]
      chmod(backup, sb->st_mode) != 0 ||                // WARNING[name-after-create]
      chown(backup, sb->st_uid, sb->st_gid) != 0) {     // WARNING[name-after-create]
    unlink(backup);
    return -1;
  }
  return 0;
}

/* Safe twin (the fix): the changes go through the descriptor before it is
 * closed. */
int create_backup_fixed(FILE *fp, char *backup, const struct stat *sb) {
  struct timespec ts[2] = {sb->st_atim, sb->st_mtim};
  FILE *bkfp = fmkomstemp(backup, 0, 0600);
  if (!bkfp)
    return -1;
  for (int c; (c = getc(fp)) != EOF;)
    putc(c, bkfp);
  if (futimens(fileno(bkfp), ts) != 0 ||               // no-warning
      fchmod(fileno(bkfp), sb->st_mode) != 0 ||        // no-warning
      fchown(fileno(bkfp), sb->st_uid, sb->st_gid) != 0) {   // no-warning
    fclose(bkfp);
    unlink(backup);
    return -1;
  }
  return fclose(bkfp);
}

/* Safe twin: the template is another name than the one changed. */
int other_name(char *tmpl, const char *dest, uid_t uid) {
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return -1;
  close(fd);
  return chown(dest, uid, uid);                         // no-warning
}

/* Safe twin: a helper that only removes its parameter makes nothing. */
static void discard(char *name) { unlink(name); }
int after_removal_helper(char *name, uid_t uid) {
  discard(name);
  return chown(name, uid, uid);                         // no-warning
}

/* Safe twin: a template checked, then made by mkstemp(): the creation
 * fails if anything is there, so it is no use of the checked name. */
int checked_template(char *tmpl) {
  struct stat st;
  if (stat(tmpl, &st) == 0)
    return -1;
  return mkstemp(tmpl);                                 // no-warning
}
