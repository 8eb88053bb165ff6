// CFLAGS: -D_GNU_SOURCE
/* late-permissions (CERT FIO03-C): a non-exclusive create (O_CREAT|O_TRUNC
 * without O_EXCL, fopen "w", creat) whose owner or mode is fixed on the
 * descriptor afterwards; and the forms that create exclusively. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int save_for_user(const char *path, const char *data, uid_t uid) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // NOTE[late-permissions "'path' opened here with O_CREAT"]
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                     // WARNING[late-permissions "fchown() fixes the permissions of 'path' after open() without O_EXCL"]
  fchmod(fd, 0600);                               // WARNING[late-permissions "fchmod()"]
  write(fd, data, 1);
  return close(fd);
}

/* fopen "w" creates with 0666 & ~umask: the fchmod() takes access away. */
int stream_private(const char *path) {
  FILE *f = fopen(path, "w");                     // NOTE[late-permissions]
  if (!f)
    return -1;
  fchmod(fileno(f), 0600);                        // WARNING[late-permissions "after fopen()"]
  fputs("secret", f);
  return fclose(f);
}

int creat_then_owner(const char *path, uid_t uid) {
  int fd = creat(path, 0600);                     // NOTE[late-permissions]
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                     // WARNING[late-permissions "after creat()"]
  return close(fd);
}

/* The flags are the caller's, through the program's own wrapper. */
static int open_with(const char *path, int flags) {
  return open(path, flags, 0666);
}

int wrapped(const char *path, uid_t uid) {
  int fd = open_with(path, O_WRONLY | O_CREAT | O_TRUNC);   // NOTE[late-permissions]
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                     // WARNING[late-permissions "after open_with()"]
  return close(fd);
}

/* ---- safe forms ---------------------------------------------------- */

int exclusive(const char *path, uid_t uid) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                     // no-warning
  return close(fd);
}

int wrapped_exclusive(const char *path, uid_t uid) {
  int fd = open_with(path, O_WRONLY | O_CREAT | O_EXCL);
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                     // no-warning
  return close(fd);
}

int stream_exclusive(const char *path) {
  FILE *f = fopen(path, "wx");
  if (!f)
    return -1;
  fchmod(fileno(f), 0600);                        // no-warning
  return fclose(f);
}

/* Widening grants what a holder has anyway. */
int widen(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    return -1;
  fchmod(fd, 0644);                               // no-warning
  return close(fd);
}

/* Appending to a log that is meant to exist. */
int append_log(const char *path, uid_t uid) {
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                     // no-warning
  return close(fd);
}

/* The failure path: nothing is open there. */
int failure(const char *path, uid_t uid) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) {
    fchown(fd, uid, (gid_t)-1);                   // no-warning
    return -1;
  }
  return close(fd);
}

/* ---- known gaps ---------------------------------------------------- */

/* The mode comes in a wrapper's argument: unknown, and the new mode
 * leaves others read access, so nothing says the fchmod() restricts. */
static int create_mode(const char *path, mode_t mode) {
  return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int wrapped_mode(const char *path) {
  int fd = create_mode(path, 0666);
  if (fd < 0)
    return -1;
  fchmod(fd, 0644);                               // MISSING[late-permissions]
  return close(fd);
}
