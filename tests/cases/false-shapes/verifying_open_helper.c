// ARGS: --min-risk low
/* Issue 10, cause 6 (postfix global/mail_trigger.c:87 through util/safe_open.c):
 * a helper that opens by name and then verifies what it opened (lstat()
 * of the name, open(), fstat() of the descriptor, st_dev/st_ino compared,
 * in either order) is the safe idiom: for its callers it is a safe open,
 * not "open() follows a link and writes". */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int safe_open_old(const char *path, int flags, struct stat *st) {
  struct stat lst;
  int fd;
  if (lstat(path, &lst) < 0 || S_ISLNK(lst.st_mode))
    return -1;
  if ((fd = open(path, flags & ~(O_CREAT | O_EXCL))) < 0)
    return -1;
  if (fstat(fd, st) < 0 || st->st_dev != lst.st_dev || st->st_ino != lst.st_ino) {
    close(fd);
    return -1;
  }
  return fd;
}

/* open first, then lstat() of the name and the comparison */
static int open_verified(const char *path, int flags) {
  struct stat fst, lst;
  int fd = open(path, flags);
  if (fd < 0)
    return -1;
  if (fstat(fd, &fst) < 0 || lstat(path, &lst) < 0 || fst.st_ino != lst.st_ino ||
      fst.st_dev != lst.st_dev) {
    close(fd);
    return -1;
  }
  return fd;
}

int trigger(const char *path) {
  struct stat st;
  int fd;
  if (stat(path, &st) < 0 || !S_ISFIFO(st.st_mode))
    return -1;
  fd = safe_open_old(path, O_WRONLY | O_NONBLOCK, &st);   // no-warning
  if (fd < 0)
    return -1;
  write(fd, "W", 1);
  return close(fd);
}

int trigger2(const char *path) {
  struct stat st;
  int fd;
  if (stat(path, &st) < 0 || !S_ISFIFO(st.st_mode))
    return -1;
  fd = open_verified(path, O_WRONLY | O_NONBLOCK);   // no-warning
  if (fd < 0)
    return -1;
  write(fd, "W", 1);
  return close(fd);
}

/* Through wrappers (postfix: vstream_fopen() keeps the descriptor in the
 * stream it returns; fstat is #defined to warn_fstat()). */
typedef struct stream { int fd; } STREAM;
static STREAM streams[8];

static STREAM *stream_open(const char *path, int flags) {
  int fd = open(path, flags);
  if (fd < 0)
    return 0;
  streams[fd & 7].fd = fd;
  return &streams[fd & 7];
}

static int warn_fstat(int fd, struct stat *st) { return fstat(fd, st); }

static STREAM *safe_stream(const char *path, int flags, struct stat *fst) {
  struct stat lst;
  STREAM *fp;
  if ((fp = stream_open(path, flags)) == 0)
    return 0;
  if (warn_fstat(fp->fd, fst) < 0 || lstat(path, &lst) < 0 || S_ISLNK(lst.st_mode) ||
      fst->st_dev != lst.st_dev || fst->st_ino != lst.st_ino)
    return 0;
  return fp;
}

int trigger_stream(const char *path) {
  struct stat st;
  STREAM *fp;
  if (stat(path, &st) < 0 || !S_ISFIFO(st.st_mode))
    return -1;
  fp = safe_stream(path, O_WRONLY | O_NONBLOCK, &st);   // no-warning
  return fp ? (int)write(fp->fd, "W", 1) : -1;
}

/* Real twin: the helper fstat()s the descriptor but compares nothing with
 * what the name led to. */
static int open_sized(const char *path, int flags, struct stat *st) {
  int fd = open(path, flags);
  if (fd < 0)
    return -1;
  if (fstat(fd, st) < 0 || st->st_size == 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int trigger3(const char *path) {
  struct stat st;
  int fd;
  if (stat(path, &st) < 0 || !S_ISFIFO(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  fd = open_sized(path, O_WRONLY | O_NONBLOCK, &st);   // WARNING[toctou-check-use]
  if (fd < 0)
    return -1;
  write(fd, "W", 1);
  return close(fd);
}

int drop(void) { return seteuid(getuid()); }
