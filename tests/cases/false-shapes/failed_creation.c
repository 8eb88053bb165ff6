// ARGS: --min-risk low
/* Issue 10, cause 9: a creation that failed made nothing. rsync's
 * receiver opens with O_CREAT and, only when that fails with EACCES,
 * works on the existing name (receiver.c, open_readonly_inplace());
 * its do_mknod() returns when mknod() succeeds and goes on to other ways
 * only when it failed (syscall.c). A change by name reached only through
 * the failure of the creating call is no name-after-create. The twins:
 * the same change on the success path, a test made before the creation,
 * and a program function whose result means something else (1 for made). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int do_open(const char *p, int flags, mode_t mode) {
  return open(p, flags, mode);
}

int open_for_update(const char *name) {
  int fd = do_open(name, O_WRONLY | O_CREAT, 0600);
  if (fd == -1 && errno == EACCES) {
    if (chmod(name, 0600) < 0)             // no-warning
      return -1;
    fd = open(name, O_WRONLY);
  }
  return fd;
}

int make_node(const char *pathname, mode_t mode, dev_t dev) {
  if (mknod(pathname, mode, dev) == 0)
    return 0;
  return chmod(pathname, mode);            // no-warning
}

int make_node_or_fix(const char *pathname, mode_t mode, dev_t dev) {
  if (mknod(pathname, mode, dev) < 0 && errno == EEXIST)
    return chmod(pathname, mode);          // no-warning
  return 0;
}

int make_fifo_checked(const char *pathname) {
  int r = mkfifo(pathname, 0600);
  if (r != 0)
    return chown(pathname, 0, 0);          // no-warning
  return 0;
}

/* Twins: the change on the path where the creation succeeded. */
int open_new(const char *name) {
  int fd = do_open(name, O_WRONLY | O_CREAT, 0600);
  if (fd >= 0)
    chmod(name, 0644);                     // WARNING[name-after-create "after do_open() created it"]
  return fd;
}

int make_node_then_fix(const char *pathname, mode_t mode, dev_t dev) {
  if (mknod(pathname, mode, dev) != 0)
    return -1;
  return chmod(pathname, mode);            // WARNING[name-after-create "after mknod() created it"]
}

/* A test of the same variable before the creation is about something else. */
int reopen_created(const char *name, int fd) {
  if (fd < 0) {
    fd = open(name, O_WRONLY | O_CREAT, 0600);
    chmod(name, 0600);                     // WARNING[name-after-create]
  }
  return fd;
}

/* A program function's status: here 1 when it made the node. */
static int node_made(const char *pathname, mode_t mode) {
  return mknod(pathname, mode, 0) == 0;
}

int make_and_fix(const char *pathname, mode_t mode) {
  if (node_made(pathname, mode))
    return chmod(pathname, mode);          // WARNING[name-after-create]
  return 0;
}

/* rsync receiver.c: the creating open is one of two branches, the test of
 * the failure after they join. */
extern int secure_open(const char *p, int flags, mode_t mode);

int open_either(const char *name, int secure) {
  int fd;
  if (secure)
    fd = secure_open(name, O_WRONLY | O_CREAT, 0600);
  else
    fd = do_open(name, O_WRONLY | O_CREAT, 0600);
  if (fd == -1 && errno == EACCES)
    chmod(name, 0600);                     // no-warning
  return fd;
}

/* mkdtemp() returns the name, NULL when it made nothing. */
int fix_temp_dir(char *tmpl, uid_t uid) {
  if (mkdtemp(tmpl) == NULL)
    return chown(tmpl, uid, uid);          // no-warning
  return chown(tmpl, uid, uid);            // WARNING[name-after-create "after mkdtemp() created it"]
}
