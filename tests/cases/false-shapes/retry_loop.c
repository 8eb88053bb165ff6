// ARGS: --min-risk low
/* Issue 10, cause 6: a check that looks at what the use just did, in a
 * loop that runs the use again while the check is not satisfied. The
 * next run is a retry of a call already made with no check before it:
 * swapping the file before the check is no different from swapping it
 * before the first run (mutt_dotlock.c: link(unique, lock), then stat()
 * of the unique file for st_nlink == 2, the NFS recipe of open(2)). The
 * twins: the same calls with the check first in the loop, or before it. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int dotlock(const char *nfslockfile, const char *lockfile) {
  struct stat sb;
  int fd, tries = 0;

  unlink(nfslockfile);
  fd = open(nfslockfile, O_WRONLY | O_EXCL | O_CREAT, 0);
  if (fd < 0)
    return -1;
  close(fd);
  while (tries++ < 10) {
    link(nfslockfile, lockfile);           // no-warning
    if (stat(nfslockfile, &sb) != 0)
      return -1;
    if (sb.st_nlink == 2)
      break;
    sleep(1);
  }
  unlink(nfslockfile);
  return tries < 10 ? 0 : -1;
}

/* Set the mode, look whether it took, set it again if not. */
void settle_mode(const char *path, mode_t mode) {
  struct stat st;
  do {
    chmod(path, mode);                     // no-warning
  } while (stat(path, &st) == 0 && (st.st_mode & 07777) != mode);
}

/* Twins: the check runs first in each pass and decides the use. */
int dotlock_checked_first(const char *unique, const char *lockfile) {
  struct stat sb;
  for (int tries = 0; tries < 10; tries++) {
    if (stat(unique, &sb) != 0)            // NOTE[toctou-check-use]
      return -1;
    if (sb.st_nlink == 1)
      link(unique, lockfile);              // WARNING[toctou-check-use]
    sleep(1);
  }
  return 0;
}

void fix_mode_of_file(const char *path, mode_t mode) {
  struct stat st;
  for (int i = 0; i < 3; i++) {
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
      chmod(path, mode);                   // WARNING[toctou-symlink-check]
    sleep(1);
  }
}
