// ARGS: --min-risk low
/* Issue 10, cause 4: helpers and calls that act, taken for checks.
 *  - a helper that opens and returns the descriptor for the work;
 *  - link(file, lock) that failed (someone holds the lock), then open(lock)
 *    to read the holder's pid (shadow's lib/commonio.c:141);
 *  - unlink() on an error path of the file the function itself made with
 *    mkstemp() (cronie's crontab.c). */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int open_for_update(const char *p) {
  int fd = open(p, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  return fd;
}

int update_twice(const char *tmp) {
  int fd2 = open_for_update(tmp);
  if (fd2 < 0)
    return -1;
  write(fd2, "x", 1);
  close(fd2);
  int fd3 = open(tmp, O_WRONLY | O_TRUNC);   // no-warning
  if (fd3 >= 0)
    close(fd3);
  return 0;
}

/* shadow's do_lock_file(): the lock is taken; read who holds it */
int holder_pid(const char *file, const char *lock) {
  char buf[32];
  if (link(file, lock) == 0) {   // WARNING[lockfile-race]
    unlink(file);
    return 0;
  }
  int fd = open(lock, O_RDWR);   // no-warning
  if (fd < 0)
    return -1;
  ssize_t len = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (len <= 0)
    return -1;
  buf[len] = 0;
  return atoi(buf);
}

/* the real twin: after a failed link(), the name is emptied by name */
int clobber_holder(const char *file, const char *lock) {
  if (link(file, lock) == 0)   // WARNING[lockfile-race]
    return 0;
  return open(lock, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use]
}

/* cronie's crontab -e: its own temporary, removed on the error path */
int edit(char *tmpl) {
  struct stat st;
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return -1;
  close(fd);
  if (lstat(tmpl, &st) < 0 || !S_ISREG(st.st_mode)) {
    unlink(tmpl);   // no-warning
    return -1;
  }
  return 0;
}

/* the real twin: a name the function did not make */
int remove_checked(const char *name) {
  struct stat st;
  if (lstat(name, &st) == 0 && S_ISREG(st.st_mode))
    return unlink(name);   // WARNING[toctou-symlink-check]
  return -1;
}
