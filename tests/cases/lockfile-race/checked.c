// ARGS: --min-risk low
/* lockfile-race (a): a lock file checked with access()/stat(), then
 * created by a call the check decides, without O_EXCL. toctou-check-use
 * finds the same pairs; precedence.def keeps lockfile-race's finding, with
 * the check's note (worded alike, so it appears once). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int poll_then_create(const char *lock) {
  while (access(lock, F_OK) == 0)                       // NOTE[lockfile-race "'lock' checked here by access()"]
    sleep(1);
  return open(lock, O_CREAT | O_WRONLY, 0644);          // WARNING[lockfile-race "lock file 'lock' is created by open() after access() found it absent (polling in a loop)"]
}

int poll_then_create_excl(const char *lock) {
  while (access(lock, F_OK) == 0)
    sleep(1);
  return open(lock, O_CREAT | O_EXCL | O_WRONLY, 0644); // no-warning
}

int stat_then_create(void) {
  struct stat st;
  if (stat("/var/lock/app.lock", &st) == 0)             // NOTE[lockfile-race "checked here by"]
    return -1;
  return open("/var/lock/app.lock", O_CREAT | O_WRONLY, 0644);   // WARNING[lockfile-race "stat()"]
}

int retry_with_excl(void) {
  int fd;
  while ((fd = open("/var/lock/app.lock", O_CREAT | O_EXCL | O_WRONLY, 0644)) < 0)   // no-warning
    sleep(1);
  return fd;
}

/* Not named like a lock, but polled in a sleeping loop: the pattern. */
int poll_any_name(const char *marker) {
  while (access(marker, F_OK) == 0)                     // NOTE[lockfile-race "checked here by"]
    usleep(1000);
  return creat(marker, 0644);                           // WARNING[lockfile-race "creat()"]
}

/* Not a lock name and no polling: toctou-check-use's, not this rule's. */
int plain_check_then_create(const char *path) {
  if (access(path, F_OK) == 0)                          // NOTE[toctou-check-use]
    return -1;
  return open(path, O_CREAT | O_WRONLY, 0644);          // WARNING[toctou-check-use]
}

FILE *pid_file_as_lock(void) {
  if (access("/run/app.pid", F_OK) == 0)                // NOTE[lockfile-race "checked here by"]
    return NULL;
  return fopen("/run/app.pid", "w");                    // WARNING[lockfile-race "lock file \"/run/app.pid\" is created by fopen()"]
}

FILE *pid_file_as_lock_x(void) {
  if (access("/run/app.pid", F_OK) == 0)
    return NULL;
  return fopen("/run/app.pid", "wx");                   // no-warning
}

int lock_name_built(const char *dir) {
  char lock[256];
  snprintf(lock, sizeof lock, "%s/LCK..ttyS0", dir);
  if (access(lock, F_OK) == 0)                          // NOTE[lockfile-race "checked here by"]
    return -1;
  return open(lock, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // WARNING[lockfile-race]
}

/* The check is redundant but harmless: flock() is the lock. */
int check_then_flock(const char *lock) {
  if (access(lock, F_OK) != 0)                          // NOTE[toctou-check-use]
    return -1;
  int fd = open(lock, O_CREAT | O_RDWR, 0644);          // WARNING[toctou-check-use]
  if (fd >= 0 && flock(fd, LOCK_EX) != 0)
    return -1;
  return fd;
}
