// ARGS: --min-risk low
/* lockfile-race (b): a lock file created without O_EXCL at all, its
 * descriptor neither locked with flock()/fcntl()/lockf() nor handed out of
 * the function; the descriptor-lock forms next to it are the right way. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int take_lock(void) {
  int fd = open("/var/lock/app.lock", O_CREAT | O_WRONLY | O_TRUNC, 0644);   // WARNING[lockfile-race "without O_EXCL, so it succeeds when the file exists"]
  if (fd < 0)
    return -1;
  dprintf(fd, "%d\n", getpid());
  close(fd);
  return 0;
}

int take_lock_excl(void) {
  int fd = open("/var/lock/app.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);    // no-warning
  if (fd < 0)
    return -1;
  dprintf(fd, "%d\n", getpid());
  close(fd);
  return 0;
}

int lock_file_from_a_field(struct { const char *lock_path; } *cfg) {
  FILE *f = fopen(cfg->lock_path, "w");                 // WARNING[lockfile-race "'cfg->lock_path'"]
  if (!f)
    return -1;
  fprintf(f, "%d\n", getpid());
  return fclose(f);
}

int anchor_for_flock(void) {
  int fd = open("/var/lock/app.lock", O_CREAT | O_RDWR, 0644);   // no-warning
  if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0)
    return -1;
  return fd;
}

int creat_lock(const char *dir) {
  char lock[256];
  snprintf(lock, sizeof lock, "%s/spool.lck", dir);
  int fd = creat(lock, 0644);                           // WARNING[lockfile-race "creat()"]
  if (fd >= 0)
    close(fd);
  return fd >= 0;
}

int anchor_for_fcntl(void) {
  int fd = open("/run/app.lock", O_CREAT | O_RDWR, 0600);   // no-warning
  if (fd < 0)
    return -1;
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
  if (fcntl(fd, F_SETLK, &fl) != 0)
    return -1;
  return fd;
}

FILE *anchor_for_lockf_on_stream(void) {
  FILE *f = fopen("/run/app.lock", "a");                // no-warning
  if (f && lockf(fileno(f), F_TLOCK, 0) != 0)
    return NULL;
  return f;
}

/* The descriptor is returned: the caller may lock it (not known here). */
int open_lock_for_caller(const char *lockfile) {
  return open(lockfile, O_CREAT | O_RDWR, 0644);        // no-warning
}

/* Not a lock name: nothing to say about locking. */
int ordinary_file(void) {
  int fd = open("/var/lib/app/state", O_CREAT | O_WRONLY, 0644);   // no-warning
  if (fd >= 0)
    close(fd);
  return fd >= 0;
}

/* "block" and "clock" are not "lock". */
int block_device_map(void) {
  int fd = open("/var/lib/app/blocks.map", O_CREAT | O_WRONLY, 0644);   // no-warning
  if (fd >= 0)
    close(fd);
  return fd >= 0;
}

/* A pid file merely written (no check, no O_EXCL) is not taken as a lock. */
int write_pid_file(void) {
  FILE *f = fopen("/run/app.pid", "w");                 // no-warning
  if (!f)
    return -1;
  fprintf(f, "%d\n", getpid());
  return fclose(f);
}

/* In /tmp: reported once, here, not also by insecure-temp-file. */
int lock_in_tmp(void) {
  int fd = open("/tmp/app.lock", O_CREAT | O_WRONLY, 0644);   // WARNING[lockfile-race]
  if (fd >= 0)
    close(fd);
  return fd >= 0;
}

/* In /tmp and flock()ed: the lock is right, the creation is still
 * insecure-temp-file's (a link planted there is followed). */
int flock_anchor_in_tmp(void) {
  int fd = open("/tmp/app.lock", O_CREAT | O_RDWR, 0644);   // WARNING[insecure-temp-file]
  if (fd >= 0)
    flock(fd, LOCK_EX);
  return fd;
}
