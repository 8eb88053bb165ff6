// CFLAGS: -D_GNU_SOURCE
/* toctou-symlink-check (CERT POS35-C, CWE-363): a link check by name, then
 * an operation on the same name; and the forms that are safe. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* The noncompliant example of POS35-C: lstat, then open by name. */
int pos35_noncompliant(const char *file) {
  struct stat st;
  if (lstat(file, &st) == -1)                     // NOTE[toctou-symlink-check]
    return -1;
  if (!S_ISREG(st.st_mode))
    return -1;
  return open(file, O_RDWR);                      // WARNING[toctou-symlink-check "compare st_ino and st_dev"]
}

/* The compliant example: open, fstat, compare with the lstat result. */
int pos35_compliant(const char *file) {
  struct stat lst, fst;
  if (lstat(file, &lst) == -1)
    return -1;
  int fd = open(file, O_RDWR);                    // no-warning
  if (fd == -1)
    return -1;
  if (fstat(fd, &fst) == -1) {
    close(fd);
    return -1;
  }
  if (lst.st_mode != fst.st_mode || lst.st_ino != fst.st_ino || lst.st_dev != fst.st_dev) {
    close(fd);
    return -1;
  }
  return fd;
}

/* S_ISLNK test, then fopen. */
FILE *not_a_link_then_fopen(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))  // NOTE[toctou-symlink-check]
    return NULL;
  return fopen(p, "w");                           // WARNING[toctou-symlink-check "O_NOFOLLOW"]
}

/* O_NOFOLLOW instead: the open itself refuses a link. */
int nofollow_open(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
    return -1;
  return open(p, O_WRONLY | O_NOFOLLOW);          // no-warning
}

/* S_ISLNK test, then chmod by name. */
int not_a_link_then_chmod(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))  // NOTE[toctou-symlink-check]
    return -1;
  return chmod(p, 0644);                          // WARNING[toctou-symlink-check "fchmod()"]
}

/* fchmod on a descriptor opened with O_NOFOLLOW. */
int fchmod_nofollow(const char *p) {
  int fd = open(p, O_RDONLY | O_NOFOLLOW);        // no-warning
  if (fd < 0)
    return -1;
  int r = fchmod(fd, 0644);                       // no-warning
  close(fd);
  return r;
}

/* S_ISLNK test, then chown by name (chown follows links). */
int not_a_link_then_chown(const char *p, uid_t u) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))  // NOTE[toctou-symlink-check]
    return -1;
  return chown(p, u, (gid_t)-1);                  // WARNING[toctou-symlink-check]
}

/* fchownat with AT_SYMLINK_NOFOLLOW: changes the link itself, never its target. */
int fchownat_nofollow(const char *p, uid_t u) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return fchownat(AT_FDCWD, p, u, (gid_t)-1, AT_SYMLINK_NOFOLLOW);   // no-warning
}

/* A link check, then unlink: unlinks whatever is there by then. */
int not_a_link_then_unlink(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode))  // NOTE[toctou-symlink-check]
    return -1;
  return unlink(p);                               // WARNING[toctou-symlink-check]
}

/* unlinkat relative to a directory descriptor the program opened. */
int unlinkat_dirfd(int dirfd, const char *name) {
  struct stat st;
  if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISLNK(st.st_mode))
    return -1;
  return unlinkat(dirfd, name, 0);                // no-warning
}

/* readlink as a probe: "not a link", then open. */
int readlink_probe(const char *p) {
  char buf[256];
  if (readlink(p, buf, sizeof buf) >= 0)          // NOTE[toctou-symlink-check]
    return -1;
  return open(p, O_WRONLY | O_TRUNC);             // WARNING[toctou-symlink-check]
}

/* readlink probe, then an O_NOFOLLOW open. */
int readlink_probe_nofollow(const char *p) {
  char buf[256];
  if (readlink(p, buf, sizeof buf) >= 0)
    return -1;
  return open(p, O_WRONLY | O_TRUNC | O_NOFOLLOW);   // no-warning
}

/* fstatat(AT_FDCWD, ..., AT_SYMLINK_NOFOLLOW) is an lstat by name. */
int fstatat_nofollow_check(const char *p) {
  struct stat st;
  if (fstatat(AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW) != 0 || S_ISLNK(st.st_mode))  // NOTE[toctou-symlink-check]
    return -1;
  return open(p, O_RDWR);                         // WARNING[toctou-symlink-check]
}

/* The link check result is only printed: nothing depends on it. */
int check_only_logged(const char *p) {
  struct stat st;
  int r = lstat(p, &st);
  printf("%d\n", r);
  return open(p, O_RDONLY | O_NOFOLLOW);          // no-warning
}

/* Not a link check: stat() follows links, so this is toctou-check-use. */
int stat_is_not_a_link_check(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))  // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDWR);                         // WARNING[toctou-check-use]
}

/* lstat of a directory, then rename into it by name. */
int rename_after_link_check(const char *from, const char *to) {
  struct stat st;
  if (lstat(to, &st) == 0 && S_ISLNK(st.st_mode)) // NOTE[toctou-symlink-check]
    return -1;
  return rename(from, to);                        // WARNING[toctou-symlink-check]
}

/* renameat on directory descriptors: no name lookup from the cwd. */
int renameat_dirfds(int from_dir, const char *from, int to_dir, const char *to) {
  struct stat st;
  if (fstatat(to_dir, to, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
    return -1;
  return renameat(from_dir, from, to_dir, to);    // no-warning
}

/* lstat, then lchown (changes the link itself, but the name can still be
 * swapped for another file between the calls). */
int lstat_then_lchown(const char *p, uid_t u) {
  struct stat st;
  if (lstat(p, &st) != 0 || st.st_uid != 0)       // NOTE[toctou-symlink-check]
    return -1;
  return lchown(p, u, (gid_t)-1);                 // WARNING[toctou-symlink-check]
}
