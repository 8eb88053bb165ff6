// CFLAGS: -D_GNU_SOURCE
// ARGS: --min-risk low
/* name-after-create when a helper of the program creates the file: the
 * helper adds O_CREAT|O_EXCL to the flags its caller passes, so the call
 * of the helper is the creation, and a change by name after it follows
 * whatever the name is by then (logrotate before c9da65b: the compressed
 * log made by createOutputFile() got its times set by name). */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void set_times(const char *filename, const struct stat *sb) {
  struct timespec ts[2] = {sb->st_atim, sb->st_mtim};
  utimensat(AT_FDCWD, filename, ts, 0);
}

static int create_output(const char *name, int flags, const struct stat *sb) {
  int fd = open(name, flags | O_CREAT | O_EXCL | O_NOFOLLOW, S_IRUSR | S_IWUSR);
  if (fd < 0)
    return -1;
  if (fchmod(fd, sb->st_mode & 0600)) {
    close(fd);
    return -1;
  }
  return fd;
}

/* The helper created it; the times are set by name. */
int compress_by_name(const char *name, const struct stat *sb) {
  int out = create_output(name, O_RDWR, sb);       // NOTE[name-after-create]
  if (out < 0)
    return 1;
  write(out, "x", 1);
  close(out);
  set_times(name, sb);                             // WARNING[name-after-create "after create_output() created it"]
  return 0;
}

/* The times are set on the descriptor. */
int compress_by_descriptor(const char *name, const struct stat *sb) {
  struct timespec ts[2] = {sb->st_atim, sb->st_mtim};
  int out = create_output(name, O_RDWR, sb);
  if (out < 0)
    return 1;
  write(out, "x", 1);
  futimens(out, ts);                               // no-warning
  return close(out);
}

/* A helper that only opens what exists creates nothing. */
static int open_existing(const char *name, int flags) {
  return open(name, flags | O_NOFOLLOW);
}

int reopen_then_chmod(const char *name) {
  int fd = open_existing(name, O_RDONLY);
  if (fd < 0)
    return 1;
  close(fd);
  return chmod(name, 0644);                        // no-warning
}

/* The flags are a parameter, but O_CREAT|O_EXCL are always added: the open
 * creates whatever `extra` is. */
int create_with_flags(const char *name, int extra) {
  int fd = open(name, extra | O_CREAT | O_EXCL | O_WRONLY, 0600);   // NOTE[name-after-create]
  if (fd < 0)
    return -1;
  close(fd);
  return chmod(name, 0644);                        // WARNING[name-after-create "after open() created it"]
}

/* Without O_CREAT among the fixed bits nothing is known to be created. */
int open_with_flags(const char *name, int extra) {
  int fd = open(name, extra | O_WRONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return chmod(name, 0644);                        // no-warning
}

/* Issue 10 (libfuse test_syscalls.c:1356): unlink(f), then a creation
 * three helpers down (create_testfile -> create_path_fd -> create_file ->
 * creat), then chmod(f). The change is after the program's own creation,
 * not after a removal that left the name to others. */
static int create_file(const char *path) {
  unlink(path);
  int fd = creat(path, 0644);
  if (fd == -1)
    return -1;
  return close(fd);
}

static int create_path_fd(const char *path) {
  if (create_file(path) == -1)
    return -1;
  return open(path, O_PATH);
}

static int create_testfile(const char *path) {
  int fd = create_path_fd(path);
  if (fd == -1)
    return -1;
  return close(fd);
}

int test_open_acc(const char *testfile, int mode) {
  unlink(testfile);
  if (create_testfile(testfile) == -1)             // NOTE[name-after-create "created here by create_testfile()"]
    return -1;
  return chmod(testfile, mode);                    // WARNING[name-after-create "after create_testfile() created it"]
}

/* the twin: removed, and nothing makes it again before the change */
static int probe_testfile(const char *path) {
  int fd = open(path, O_PATH);
  if (fd == -1)
    return -1;
  return close(fd);
}

int test_removed(const char *testfile, int mode) {
  unlink(testfile);                                // NOTE[name-after-create "removed here by unlink()"]
  if (probe_testfile(testfile) == -1)
    return -1;
  return chmod(testfile, mode);                    // WARNING[name-after-create "after unlink() removed it"]
}
