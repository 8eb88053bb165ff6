// ARGS: --min-risk low
/* lockfile-race (c): link(unique, lock) trusting link()'s return value;
 * the recipe of open(2) (stat the unique file, st_nlink == 2) is right. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int link_lock_trusting_result(const char *unique) {
  if (link(unique, "/var/lock/app.lock") == 0)          // WARNING[lockfile-race "trusts link()'s return value"]
    return 0;
  unlink(unique);
  return -1;
}

int link_lock_recipe(const char *unique) {
  struct stat st;
  link(unique, "/var/lock/app.lock");                   // no-warning
  int held = stat(unique, &st) == 0 && st.st_nlink == 2;
  unlink(unique);
  return held ? 0 : -1;
}

int link_lock_ignoring_result(const char *lockfile) {
  char unique[256];
  snprintf(unique, sizeof unique, "%s.%d", lockfile, getpid());
  int fd = open(unique, O_CREAT | O_EXCL | O_WRONLY, 0644);
  if (fd < 0)
    return -1;
  close(fd);
  link(unique, lockfile);                               // WARNING[lockfile-race "'unique'"]
  unlink(unique);
  return 0;
}

int link_lock_recipe_fstat(const char *lockfile, const char *unique) {
  int fd = open(unique, O_CREAT | O_EXCL | O_WRONLY, 0644);
  struct stat st;
  if (fd < 0)
    return -1;
  link(unique, lockfile);                               // no-warning
  int held = fstat(fd, &st) == 0 && st.st_nlink == 2;
  close(fd);
  unlink(unique);
  return held ? 0 : -1;
}

/* link() for something else than a lock: not this rule's. */
int install_without_clobber(const char *tmp, const char *dest) {
  if (link(tmp, dest) != 0)                             // no-warning
    return -1;
  return unlink(tmp);
}

/* Known gap: stat() runs only when link() succeeded, so a failing link()
 * is still trusted; not yet told apart from the recipe. */
int link_lock_stat_on_success_only(const char *unique) {
  struct stat st;
  if (link(unique, "/var/lock/app.lock") != 0)          // MISSING[lockfile-race]
    return -1;
  return stat(unique, &st) == 0 && st.st_nlink == 2 ? 0 : -1;
}
