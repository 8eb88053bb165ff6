/* toctou-check-use: the classic pairs, and the safe forms next to them. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int access_then_open(const char *path) {
  if (access(path, R_OK) == 0)                  // NOTE[toctou-check-use]
    return open(path, O_RDONLY);                // WARNING[toctou-check-use "use fstat()"]
  return -1;
}

int open_and_check_result(const char *path) {
  int fd = open(path, O_RDONLY);                // no-warning
  if (fd < 0)
    return -1;
  return fd;
}

FILE *access_then_fopen(const char *path) {
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use]
    return NULL;
  return fopen(path, "w");                      // WARNING[toctou-check-use "fopen() of 'path' after access()"]
}

FILE *create_exclusively(const char *path) {
  if (access(path, F_OK) == 0)
    return NULL;
  return fopen(path, "wx");                     // no-warning
}

int stat_then_chmod(const char *path) {
  struct stat st;
  if (stat(path, &st) == 0 && st.st_uid == getuid())   // NOTE[toctou-check-use]
    return chmod(path, 0600);                   // WARNING[toctou-check-use "fchmod()"]
  return -1;
}

int fstat_then_fchmod(const char *path) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW);   // no-warning
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0)
    return -1;
  if (S_ISREG(st.st_mode))
    return fchmod(fd, 0600);                    // no-warning
  return -1;
}

int regular_file_then_open(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)                     // NOTE[toctou-check-use]
    return -1;
  if (!S_ISREG(st.st_mode))
    return -1;
  return open(path, O_WRONLY);                  // WARNING[toctou-check-use]
}

int create_with_excl(const char *path) {
  if (access(path, F_OK) == 0)
    return -1;
  return open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);   // no-warning
}

int stored_result(const char *path) {
  int ok = access(path, W_OK) == 0;             // NOTE[toctou-check-use]
  if (!ok)
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use "unlinkat()"]
}

int result_ignored(const char *path) {
  access(path, F_OK);                           // no-warning
  return open(path, O_RDONLY);                  // no-warning
}

int lstat_then_nofollow(const char *path) {
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
    return -1;
  return open(path, O_RDONLY | O_NOFOLLOW);     // no-warning
}

int lstat_then_open(const char *path) {
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return open(path, O_RDONLY);                  // WARNING[toctou-symlink-check]
}

int name_changed_between(const char *path, const char *other) {
  if (access(path, R_OK) != 0)
    return -1;
  path = other;
  return open(path, O_RDONLY);                  // no-warning
}

int different_names(char **argv) {
  if (access(argv[1], R_OK) != 0)
    return -1;
  return open(argv[2], O_RDONLY);               // no-warning
}

int same_argument(char **argv) {
  if (access(argv[1], R_OK) != 0)               // NOTE[toctou-check-use]
    return -1;
  return open(argv[1], O_RDONLY);               // WARNING[toctou-check-use]
}

int at_relative_to_dirfd(int dirfd, const char *name) {
  struct stat st;
  if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return -1;
  return openat(dirfd, name, O_RDONLY);         // no-warning
}

int rename_after_access(const char *from, const char *to) {
  if (access(to, F_OK) == 0)                    // NOTE[toctou-check-use]
    return -1;
  return rename(from, to);                      // WARNING[toctou-check-use]
}

int while_polling(const char *lock) {
  while (access(lock, F_OK) == 0)               // NOTE[lockfile-race]
    sleep(1);
  return open(lock, O_WRONLY | O_CREAT, 0644);  // WARNING[lockfile-race]
}

int unrelated_condition(const char *path, int verbose) {
  struct stat st;
  int r = stat(path, &st);                      // no-warning
  if (verbose)
    printf("%d\n", r);
  return open(path, O_RDONLY);                  // no-warning
}
