// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: the safe forms of the intraprocedural rule still apply
 * through wrappers: names of kernel file systems, descriptor operations,
 * *at() calls relative to a directory descriptor, POS35-C revalidation in
 * the caller. And where a wrapper is fed AT_FDCWD, it acts by name. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATE_FILE "/var/lib/app/state"

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

static int write_file(const char *p, const char *data) {
  FILE *f = fopen(p, "w");
  if (!f)
    return -1;
  fputs(data, f);
  return fclose(f);
}

static int open_rw(const char *p) {
  return open(p, O_RDWR);
}

/* descriptor-only helpers: no pointer parameter names a file */
static int fd_is_regular(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

static int fd_set_mode(int fd, mode_t m) {
  return fchmod(fd, m);
}

/* *at() helpers relative to their directory descriptor */
static int exists_at(int dirfd, const char *name) {
  struct stat st;
  return fstatat(dirfd, name, &st, 0) == 0;
}

static int remove_at(int dirfd, const char *name) {
  return unlinkat(dirfd, name, 0);
}

/* kernel file systems: no other process can plant a file there */
int proc_tunable(void) {
  if (!file_exists("/proc/sys/net/ipv4/ip_forward"))
    return -1;
  return write_file("/proc/sys/net/ipv4/ip_forward", "1\n");   // no-warning
}

int sys_led(void) {
  if (!file_exists("/sys/class/leds/input0::capslock/brightness"))
    return -1;
  return write_file("/sys/class/leds/input0::capslock/brightness", "1\n");   // no-warning
}

/* /dev/shm is shared with every user: reported */
int shm_file(void) {
  if (file_exists("/dev/shm/app.lock"))         // NOTE[toctou-check-use "'\"/dev/shm/app.lock\"' checked here by file_exists()"]
    return -1;
  return write_file("/dev/shm/app.lock", "1\n");   // WARNING[toctou-check-use "write_file() of '\"/dev/shm/app.lock\"'"]
}

/* the same literal through a macro: the same name */
int state_file(const char *data) {
  if (!file_exists(STATE_FILE))
    return -1;
  return write_file(STATE_FILE, data);          // WARNING[toctou-check-use "write_file() of '\"/var/lib/app/state\"' after file_exists()"]
}

/* open once, then only the descriptor */
int open_then_descriptor_ops(const char *path) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return -1;
  if (!fd_is_regular(fd)) {
    close(fd);
    return -1;
  }
  int r = fd_set_mode(fd, 0600);                // no-warning
  close(fd);
  return r;
}

/* relative to a directory descriptor the program holds */
int at_relative(int dirfd, const char *name) {
  if (!exists_at(dirfd, name))
    return -1;
  return remove_at(dirfd, name);                // no-warning
}

/* the same helpers fed AT_FDCWD: lookups by name from the current
 * directory, as fstatat(AT_FDCWD, ...) then unlinkat(AT_FDCWD, ...) are */
int at_fdcwd(const char *name) {
  if (!exists_at(AT_FDCWD, name))
    return -1;
  return remove_at(AT_FDCWD, name);             // MISSING[toctou-check-use] (a dirfd passed as a parameter leaves the helpers without effects)
}

int at_fdcwd_use_only(const char *name) {
  if (!file_exists(name))
    return -1;
  return remove_at(AT_FDCWD, name);             // MISSING[toctou-check-use] (the same, for the use helper alone)
}

/* POS35-C in the caller: lstat, open through a wrapper, fstat and compare */
int revalidated_after_wrapper_open(const char *path) {
  struct stat before, after;
  if (lstat(path, &before) != 0 || !S_ISREG(before.st_mode))
    return -1;
  int fd = open_rw(path);                       // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &after) != 0 || before.st_ino != after.st_ino || before.st_dev != after.st_dev) {
    close(fd);
    return -1;
  }
  return fd;
}

/* the same without the comparison */
int not_revalidated(const char *path) {
  struct stat before;
  if (lstat(path, &before) != 0 || !S_ISREG(before.st_mode))
    return -1;
  return open_rw(path);                         // WARNING[toctou-symlink-check "open_rw() of 'path' after lstat()"]
}
