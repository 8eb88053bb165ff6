// ARGS: --min-risk low
/* Issue 10, cause 4: helpers and calls that act, taken for checks.
 *  - a helper that opens and returns the descriptor for the work;
 *  - link(file, lock) that failed (someone holds the lock), then open(lock)
 *    to read the holder's pid (shadow's lib/commonio.c:141);
 *  - a failed rename() (EXDEV: copy instead), a helper that renames;
 *  - unlink() on an error path of the file the function itself made with
 *    mkstemp() (cronie's crontab.c);
 *  - a helper that opens a file to read its content (busybox ifplugd's
 *    read_pid()), or reads a link to copy it (busybox copy_file()): the
 *    reading is the work, not a look at the file;
 *  - a helper that checks a name and then works on it (busybox copy_file()
 *    lstat()s its source, then copies it): the check is for its own work. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* busybox mv: rename() failed across file systems; copy instead */
int move(const char *from, const char *to) {
  if (rename(from, to) == 0)
    return 0;
  if (errno != EXDEV)
    return -1;
  int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // no-warning
  if (out < 0)
    return -1;
  close(out);
  return unlink(from);
}

/* rsync's robust_unlink(): remove, or move a busy file aside; it acts on
 * its argument, it checks nothing */
static int robust_unlink(const char *fn) {
  char tmp[4096];
  if (unlink(fn) == 0 || errno != ETXTBSY)
    return errno == ENOENT ? 0 : -1;
  snprintf(tmp, sizeof tmp, "%s.~tmp~", fn);
  return rename(fn, tmp);
}

int replace(const char *dest) {
  if (robust_unlink(dest) != 0)
    return -1;
  return open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // no-warning
}

/* the real twin: the name a successful rename() made, opened again */
int reopen_moved(const char *tmp, const char *dest) {
  if (rename(tmp, dest) != 0)
    return -1;
  return open(dest, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use]
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

/* util-linux rename: the copy into the file just created failed; remove it
 * (the creating open itself is the race) */
int copy_into(int src_fd, const char *newname) {
  struct stat sb;
  char buf[512];
  if (lstat(newname, &sb) == 0)                     /* -n: keep what exists */
    return -1;
  int fd = open(newname, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // WARNING[toctou-symlink-check]
  if (fd < 0)
    return -1;
  ssize_t n = read(src_fd, buf, sizeof buf);
  if (n < 0 || write(fd, buf, (size_t)n) != n) {
    close(fd);
    unlink(newname);   // no-warning
    return -1;
  }
  return close(fd);
}

/* the real twin: a name the function did not make */
int remove_checked(const char *name) {
  struct stat st;
  if (lstat(name, &st) == 0 && S_ISREG(st.st_mode))
    return unlink(name);   // WARNING[toctou-symlink-check]
  return -1;
}

/* busybox ifplugd: read the pid the file holds (the helper's open is read
 * for its content, the work), then write our own pid file */
static int read_pid(const char *pidfile) {
  char buf[32];
  int fd = open(pidfile, O_RDONLY);
  if (fd < 0)
    return 0;
  ssize_t len = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (len <= 0)
    return 0;
  buf[len] = 0;
  return atoi(buf);
}

static void write_pidfile(const char *pidfile) {
  int fd = open(pidfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    write(fd, "1\n", 2);
    close(fd);
  }
}

int start_daemon(const char *pidfile) {
  if (read_pid(pidfile) > 1)   /* a pid: someone runs */
    return -1;
  write_pidfile(pidfile);   // no-warning
  return 0;
}

/* the real twin: a helper that only opens to look (its handle closed
 * untouched), then the file created without O_EXCL */
static int can_open(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return 0;
  close(fd);
  return 1;
}

int start_once(const char *pidfile) {
  if (can_open(pidfile))
    return -1;
  write_pidfile(pidfile);   // WARNING[toctou-check-use]
  return 0;
}

/* busybox mv across file systems: copy_file() reads the link to make the
 * same link at dest (the readlink() is the copy's work, not a look at
 * what the name is), then the original is removed */
static int copy_link(const char *source, const char *dest) {
  char target[4096];
  ssize_t n = readlink(source, target, sizeof target - 1);
  if (n < 0)
    return -1;
  target[n] = 0;
  return symlink(target, dest);
}

int move_link(const char *from, const char *to) {
  if (rename(from, to) == 0)
    return 0;
  if (errno != EXDEV)
    return -1;
  if (copy_link(from, to) != 0)
    return -1;
  return unlink(from);   // no-warning
}

/* the real twin: a helper whose readlink() tells whether it is a link */
static int is_link(const char *p) {
  char target[4096];
  return readlink(p, target, sizeof target) >= 0;
}

int protect(const char *p) {
  if (is_link(p))
    return -1;
  return chmod(p, 0600);   // WARNING[toctou-symlink-check]
}

/* cups cupsdReadConfiguration(): read the file for its settings, then look
 * at it by name; what the helper tests after its work is its own business,
 * not a check its caller relies on (the caller reads it again on reload) */
static int read_conf(const char *conf) {
  char line[256];
  struct stat st;
  FILE *fp = fopen(conf, "r");
  if (!fp)
    return 0;
  while (fgets(line, sizeof line, fp)) {
  }
  fclose(fp);
  if (lstat(conf, &st) != 0 || S_ISLNK(st.st_mode))
    return 0;
  return 1;
}

int reload(const char *conf) {
  if (!read_conf(conf))
    return -1;
  return read_conf(conf);   // no-warning
}

/* busybox mv.c:173: copy_file(src, dest) >= 0 && remove_file(src) >= 0.
 * copy_file() lstat()s its source to choose how to copy it, then copies
 * it: that check is for its own work (reported inside if racy); the
 * status says the copy was made, and decides nothing about the removal. */
static int copy_file(const char *source, const char *dest) {
  struct stat st;
  char buf[512];
  if (lstat(source, &st) < 0)
    return -1;
  if (S_ISLNK(st.st_mode))
    return -1;
  int in = open(source, O_RDONLY);          // WARNING[toctou-symlink-check]
  if (in < 0)
    return -1;
  int out = open(dest, O_WRONLY | O_CREAT | O_EXCL, 0600);
  ssize_t n;
  while ((n = read(in, buf, sizeof buf)) > 0)
    write(out, buf, (size_t)n);
  close(in);
  return close(out);
}

int move_across(const char *src, const char *dest) {
  if (copy_file(src, dest) >= 0 && unlink(src) >= 0)   // no-warning
    return 0;
  return 1;
}

/* the real twin: a helper that only looks (its status is what it saw) */
static int plain_file(const char *source) {
  struct stat st;
  return lstat(source, &st) == 0 && S_ISREG(st.st_mode);
}

int move_checked(const char *src) {
  if (plain_file(src) && chmod(src, 0600) >= 0)   // WARNING[toctou-symlink-check]
    return 0;
  return 1;
}

/* procmail's rlink(): link(old, new), then lstat() both to see whether the
 * link was made after all; dirfile(): stat() the delivered file for its
 * inode number, which names the link it then makes (mailfold.c:273, 297
 * -> 324). What a helper tests after, or to do, its own link is no check
 * its caller relies on. */
static int rlink(const char *old, const char *newn) {
  struct stat sto, stn;
  if (link(old, newn)) {
    if (lstat(old, &sto) || lstat(newn, &stn) || sto.st_ino != stn.st_ino ||
        S_ISLNK(sto.st_mode))
      return -1;
  }
  return 0;
}

/* dirfile(): link the message into the folder, then open the new link */
int deliver_link(const char *msg, const char *box) {
  if (rlink(msg, box))
    return -1;
  return open(box, O_WRONLY | O_APPEND);   // no-warning
}

static int link_by_inode(const char *msg, char *dir, int linkonly) {
  struct stat st;
  if (linkonly) {
    stat(msg, &st);
    snprintf(dir + strlen(dir), 32, "/%lu", (unsigned long)st.st_ino);
  }
  if (rlink(msg, dir))
    return -1;
  return 0;
}

int deliver_twice(const char *msg, char *box, char *other) {
  if (rlink(msg, box))
    return -1;
  if (link_by_inode(msg, other, 1))   // no-warning
    return -1;
  return link_by_inode(msg, other, 0);   // no-warning
}

/* the twin: what a helper tests after removing the name tells its caller
 * that the name is free, and the caller's creation relies on it */
static int clear_name(const char *p) {
  struct stat st;
  unlink(p);
  if (lstat(p, &st) == 0)
    return -1;
  return 0;
}

int recreate(const char *p) {
  if (clear_name(p))
    return -1;
  return open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // WARNING[toctou-symlink-check "after clear_name() checked it"]
}
