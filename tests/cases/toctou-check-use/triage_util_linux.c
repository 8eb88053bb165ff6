// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* False pairings found by reading fsrace's reports on util-linux (triage of
 * 2026-12-03, issue 10), each reduced to its pattern, next to the real
 * check-then-use that looks like it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

/* libmount context_umount.c: the retry after "is it a link?" passes
 * UMOUNT_NOFOLLOW, or'ed into the caller's flags (cause 5). */
int umount_target(const char *target, int flags) {
  struct stat st;
  int rc = umount2(target, flags);
  if (rc < 0 && errno == EINVAL && !(flags & UMOUNT_NOFOLLOW)
      && lstat(target, &st) == 0 && S_ISLNK(st.st_mode))
    rc = umount2(target, flags | UMOUNT_NOFOLLOW); // no-warning
  return rc;
}

/* the same with the constant alone */
int umount_no_link(const char *target) {
  struct stat st;
  if (lstat(target, &st) == 0 && !S_ISLNK(st.st_mode))
    return umount2(target, UMOUNT_NOFOLLOW); // no-warning
  return -1;
}

/* The real shape: the lstat() is mnt_safe_lstat() -> safe_stat(t, st, 1),
 * whose AT_SYMLINK_NOFOLLOW comes from a ?: on its argument. Testing the
 * buffer with S_ISLNK shows a look that does not follow links: a use that
 * refuses links after it pairs with nothing (it is the safe idiom). */
static int safe_stat(const char *t, struct stat *st, int nofollow) {
  return fstatat(AT_FDCWD, t, st, nofollow ? AT_SYMLINK_NOFOLLOW : 0);
}

static int mnt_safe_lstat(const char *t, struct stat *st) {
  return safe_stat(t, st, 1);
}

int umount_wrapped(const char *target, int flags) {
  struct stat st;
  int rc = umount2(target, flags);
  if (rc < 0 && errno == EINVAL && !(flags & UMOUNT_NOFOLLOW) &&
      mnt_safe_lstat(target, &st) == 0 && S_ISLNK(st.st_mode))
    rc = umount2(target, flags | UMOUNT_NOFOLLOW); // no-warning
  return rc;
}

/* its twin: the same check, then a use that follows the link */
int umount_wrapped_following(const char *target, int flags) {
  struct stat st;
  if (mnt_safe_lstat(target, &st) == 0 && (st.st_mode & S_IFMT) != S_IFLNK)
    return umount2(target, flags);          // WARNING[toctou-check-use]
  return -1;
}

/* the twin: the retry follows the link */
int umount_following(const char *target, int flags) {
  struct stat st;
  if (lstat(target, &st) == 0 && !S_ISLNK(st.st_mode))
    return umount2(target, flags);          // WARNING[toctou-symlink-check]
  return -1;
}

/* libblkid save.c: 'opened' names the temporary file on the branch where
 * it is not the checked name; unlink() on error, rename() over the name on
 * success (causes 4 and 6). */
int flush_cache(const char *filename) {
  struct stat st;
  const char *opened = NULL;
  char *tmp = NULL;
  FILE *file = NULL;
  int ret = stat(filename, &st);
  if ((ret < 0 && errno != ENOENT) || (ret == 0 && access(filename, W_OK) < 0))
    return 0;
  if (ret == 0 && S_ISREG(st.st_mode)) {
    size_t len = strlen(filename) + 8;
    tmp = malloc(len);
    if (tmp) {
      snprintf(tmp, len, "%s-XXXXXX", filename);
      int fd = mkstemp(tmp);
      if (fd >= 0 && (file = fdopen(fd, "w")))
        opened = tmp;
    }
  }
  if (!file) {
    file = fopen(filename, "w");            // WARNING[toctou-check-use]
    opened = filename;
  }
  if (!file)
    return -1;
  ret = fputs("cache\n", file);
  fclose(file);
  if (opened != filename) {
    if (ret < 0)
      unlink(opened);                       // SPURIOUS[toctou-check-use]
    else {
      char backup[4096];
      snprintf(backup, sizeof backup, "%s.old", filename);
      unlink(backup);
      link(filename, backup);               // no-warning
      rename(opened, filename);             // no-warning
    }
  }
  free(tmp);
  return 0;
}

/* libmount utils.c mnt_is_readonly(): access() failed with EACCES, so a
 * second probe asks whether the file system is read-only by setting only
 * the access time; its result decides nothing but the answer (cause 2). */
int is_read_only(const char *path) {
  if (access(path, W_OK) == 0)
    return 0;
  if (errno == EROFS)
    return 1;
  if (errno != EACCES)
    return 0;
  struct timespec times[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
  if (utimensat(AT_FDCWD, path, times, 0) == -1) // SPURIOUS[toctou-check-use]
    return errno == EROFS;
  return 0;
}
