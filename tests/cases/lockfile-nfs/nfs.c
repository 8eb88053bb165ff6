// ARGS: --min-risk low
// ARGS: --enable lockfile-nfs
/* lockfile-nfs (off by default, a note): O_CREAT|O_EXCL lock files, which
 * NFSv2 does not create atomically. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int excl_lock(void) {
  return open("/var/lock/app.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);   // WARNING[lockfile-nfs "not atomic on NFSv2"]
}

int fcntl_lock(int fd) {
  struct flock fl = {.l_type = F_WRLCK};
  return fcntl(fd, F_SETLKW, &fl);                      // no-warning
}

FILE *excl_fopen_lock(const char *lockfile) {
  return fopen(lockfile, "wx");                         // WARNING[lockfile-nfs "'lockfile'"]
}

int flock_anchor(void) {
  int fd = open("/var/lock/app.lock", O_CREAT | O_RDWR, 0644);   // no-warning
  if (fd >= 0)
    flock(fd, LOCK_EX);
  return fd;
}

int excl_pid_file(void) {
  return open("/run/app.pid", O_CREAT | O_EXCL | O_WRONLY, 0644);   // WARNING[lockfile-nfs]
}

int link_recipe(const char *unique) {
  struct stat st;
  link(unique, "/var/lock/app.lock");                   // no-warning
  return stat(unique, &st) == 0 && st.st_nlink == 2 ? 0 : -1;
}

int excl_ordinary_file(void) {
  return open("/var/lib/app/state", O_CREAT | O_EXCL | O_WRONLY, 0644);   // no-warning
}
