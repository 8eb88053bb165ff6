// ARGS: --min-risk low
/* Issue 10, cause 3: a lock file is told by whole parts of its name
 * ("x.lock", "x.lck", "LCK..x", "lockfile", a file in a lock/ directory),
 * never by a substring: linux-pam's tst-pam_faillock-retval.c writes its
 * test configuration "tst-pam_faillock-retval.conf", which is no lock. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

/* "faillock", "block", "clock", "unlocked" contain "lock" but are not one */
int write_config(void) {
  FILE *fp = fopen("tst-pam_faillock-retval.conf", "w");   // no-warning
  if (!fp)
    return -1;
  fprintf(fp, "deny = 2\n");
  return fclose(fp);
}

int write_image(void) {
  int fd = open("/srv/images/block.img", O_CREAT | O_WRONLY, 0644);   // no-warning
  if (fd < 0)
    return -1;
  write(fd, "x", 1);
  return close(fd);
}

int save_state(const char *faillock_state) {
  FILE *fp = fopen(faillock_state, "w");   // no-warning
  if (!fp)
    return -1;
  fprintf(fp, "0\n");
  return fclose(fp);
}

int record_unlocked(void) {
  FILE *fp = fopen("/var/lib/app/unlocked-users", "w");   // no-warning
  if (!fp)
    return -1;
  fprintf(fp, "root\n");
  return fclose(fp);
}

/* the real twins: whole parts name a lock, created without O_EXCL */
int take_lock(void) {
  FILE *fp = fopen("/var/lib/app/faillock.lock", "w");   // WARNING[lockfile-race]
  if (!fp)
    return -1;
  fprintf(fp, "%d\n", getpid());
  return fclose(fp);
}

int take_tty_lock(void) {
  int fd = open("/var/spool/uucp/LCK..ttyS0", O_CREAT | O_WRONLY, 0644);   // WARNING[lockfile-race]
  if (fd < 0)
    return -1;
  dprintf(fd, "%10d\n", getpid());
  return close(fd);
}

int take_lck(void) {
  int fd = open("/srv/db/data.lck", O_CREAT | O_WRONLY, 0644);   // WARNING[lockfile-race]
  if (fd < 0)
    return -1;
  dprintf(fd, "%d\n", getpid());
  return close(fd);
}

/* a file in a directory of locks */
int take_subsys(void) {
  int fd = open("/run/lock/subsys/app", O_CREAT | O_WRONLY, 0644);   // WARNING[lockfile-race]
  if (fd < 0)
    return -1;
  dprintf(fd, "%d\n", getpid());
  return close(fd);
}

/* a variable named for a lock, by whole parts of the identifier */
int take_named(const char *lockPath, const char *faillock_conf) {
  FILE *fp = fopen(lockPath, "w");   // WARNING[lockfile-race]
  if (!fp)
    return -1;
  fprintf(fp, "%d\n", getpid());
  fclose(fp);
  fp = fopen(faillock_conf, "w");   // no-warning
  if (!fp)
    return -1;
  fprintf(fp, "deny = 2\n");
  return fclose(fp);
}
