// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* name-after-open (CERT FIO01-C): by-name calls on a file whose descriptor
 * is open and in use; and the descriptor-based forms. */
/* (Shown at every risk level: its utime() cases rank low, a times-only
 * change, risk/times_only.c.) */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/* chmod by name after creating the file: use fchmod(fd). */
int create_then_chmod(const char *path, const char *data) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  chmod(path, 0644);                               // WARNING[name-after-open "use fchmod() on 'fd'"]
  write(fd, data, 1);
  return close(fd);
}

/* The descriptor form. */
int create_then_fchmod(const char *path, const char *data) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    return -1;
  fchmod(fd, 0644);                                // no-warning
  write(fd, data, 1);
  return close(fd);
}

/* stat by name while the file is open: use fstat(fd). */
off_t open_then_stat(const char *path) {
  struct stat st;
  int fd = open(path, O_RDONLY);                   // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  if (stat(path, &st) != 0) {                      // WARNING[name-after-open "fstat()"]
    close(fd);
    return -1;
  }
  close(fd);
  return st.st_size;
}

/* fstat on the descriptor. */
off_t open_then_fstat(const char *path) {
  struct stat st;
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int r = fstat(fd, &st);                          // no-warning
  close(fd);
  return r ? -1 : st.st_size;
}

/* chown by name on a FILE*: use fchown(fileno(f)). */
int fopen_then_chown(const char *path, uid_t u) {
  FILE *f = fopen(path, "w");                      // NOTE[name-after-open]
  if (!f)
    return -1;
  chown(path, u, (gid_t)-1);                       // WARNING[name-after-open "fileno(f)"]
  fputs("x", f);
  return fclose(f);
}

/* Closed first: the name is all the program has left. Not this rule's
 * (nothing is open), but a change by name of a file just created. */
int close_then_chmod(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);   // NOTE[name-after-create]
  if (fd < 0)
    return -1;
  close(fd);
  return chmod(path, 0644);                        // WARNING[name-after-create "after open() created it"]
}

/* The failure path: the descriptor is -1 and never used again. */
int failure_path(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    struct stat st;
    return stat(path, &st);                        // no-warning
  }
  return close(fd);
}

/* truncate by name while open: use ftruncate(fd). */
int open_then_truncate(const char *path) {
  int fd = open(path, O_RDWR);                     // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  truncate(path, 0);                               // WARNING[name-after-open "ftruncate()"]
  return close(fd);
}

/* ftruncate on the descriptor. */
int open_then_ftruncate(const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0)
    return -1;
  ftruncate(fd, 0);                                // no-warning
  return close(fd);
}

/* utimes by name while open. */
int open_then_utimes(const char *path, const struct timeval tv[2]) {
  int fd = open(path, O_RDWR);                     // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  utimes(path, tv);                                // WARNING[name-after-open]
  return close(fd);
}

/* chdir by name while the directory is open: use fchdir(fd). */
int opendir_then_chdir(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY);      // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  chdir(dir);                                      // WARNING[name-after-open "fchdir()"]
  return close(fd);
}

/* mkstemp: the template buffer names the file the descriptor is for. */
int mkstemp_then_chmod(void) {
  char tmpl[] = "/tmp/app-XXXXXX";
  int fd = mkstemp(tmpl);                          // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  chmod(tmpl, 0644);                               // WARNING[name-after-open]
  return close(fd);
}

/* mkstemp, then fchmod. */
int mkstemp_then_fchmod(void) {
  char tmpl[] = "/tmp/app-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return -1;
  fchmod(fd, 0644);                                // no-warning
  return close(fd);
}

/* Another name: nothing to do with the open file. */
int other_name(const char *path, const char *other) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  chmod(other, 0644);                              // no-warning
  return close(fd);
}

/* The name changed after the open. */
int name_changed(const char *path, const char *other) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  path = other;
  chmod(path, 0644);                               // no-warning
  return close(fd);
}

/* unlink by name is what a descriptor cannot do: not this rule. */
int open_then_unlink(const char *path) {
  int fd = open(path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  unlink(path);                                    // no-warning
  return close(fd);
}

/* The result is dropped: there is no descriptor to use. */
void result_dropped(const char *path) {
  open(path, O_RDONLY);
  chmod(path, 0600);                               // no-warning
}

/* A copy of the descriptor keeps it in use. */
int copied_descriptor(const char *path, int *out) {
  int fd = open(path, O_RDONLY);                   // NOTE[name-after-open]
  if (fd < 0)
    return -1;
  struct stat st;
  stat(path, &st);                                 // WARNING[name-after-open]
  *out = fd;
  return 0;
}

/* The failure branch, with the descriptor read again later on a common
 * path (util-linux rename, shred): nothing is open where chmod runs. */
int failure_branch_common_cleanup(const char *name) {
  int fd = open(name, O_WRONLY);
  if (fd < 0)
    chmod(name, 0600);                             // no-warning
  if (fd >= 0)
    close(fd);
  return 0;
}

/* The same test, success side: reported. */
int success_branch(const char *name) {
  int fd = open(name, O_WRONLY);                   // NOTE[name-after-open]
  if (fd >= 0)
    chmod(name, 0600);                             // WARNING[name-after-open]
  if (fd >= 0)
    close(fd);
  return 0;
}

/* A stream: if (!f) is the failure side. */
int stream_failure_branch(const char *name) {
  FILE *f = fopen(name, "r");
  if (!f)
    chmod(name, 0600);                             // no-warning
  if (f)
    fclose(f);
  return 0;
}
