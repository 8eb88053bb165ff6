// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* name-after-create (CERT FIO01-C): a file the program has just made, or
 * removed, is changed by name with no check in between; and the safe
 * forms, which change the new file through a descriptor. */
/* (Shown at every risk level: its utime() cases rank low, a times-only
 * change, risk/times_only.c.) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>
#include <utime.h>

/* The spool directory is made, then given away by name: the parent's
 * writer renames it and plants a link to /etc. */
void spool_dir(const char *dir, uid_t uid, gid_t gid) {
  mkdir(dir, 0700);                                   // NOTE[name-after-create "'dir' created here by mkdir()"]
  chown(dir, uid, gid);                               // WARNING[name-after-create "chown() of 'dir' after mkdir() created it"]
}

void fifo_mode(const char *fifo) {
  mkfifo(fifo, 0600);                                 // NOTE[name-after-create]
  chmod(fifo, 0620);                                  // WARNING[name-after-create "after mkfifo() created it"]
}

void node_owner(const char *node, uid_t uid) {
  if (mknod(node, S_IFIFO | 0600, 0) < 0)
    perror("mknod");
  lchown(node, uid, (gid_t)-1);                       // WARNING[name-after-create "lchown() of 'node' after mknod()"]
}

/* Created, closed, then fixed by name. */
void created_then_closed(const char *path, uid_t uid) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);   // NOTE[name-after-create]
  if (fd >= 0)
    close(fd);
  chown(path, uid, (gid_t)-1);                        // WARNING[name-after-create "after open() created it"]
}

void stream_then_utime(const char *path) {
  FILE *f = fopen(path, "w");                         // NOTE[name-after-create]
  if (f)
    fclose(f);
  utime(path, NULL);                                  // WARNING[name-after-create "utime() of 'path'"]
}

void link_owner(const char *target, const char *lnk, uid_t uid) {
  symlink(target, lnk);                               // NOTE[name-after-create]
  lchown(lnk, uid, (gid_t)-1);                        // WARNING[name-after-create "after symlink() created it"]
}

/* An AF_UNIX socket's name is made by bind(); chmod() by that name. */
int socket_mode(int s, const char *path) {
  struct sockaddr_un sa;
  memset(&sa, 0, sizeof sa);
  sa.sun_family = AF_UNIX;
  strncpy(sa.sun_path, path, sizeof sa.sun_path - 1);
  if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0) // NOTE[name-after-create "'sa.sun_path' created here by bind()"]
    return -1;
  return chmod(sa.sun_path, 0666);                    // WARNING[name-after-create "chmod() of 'sa.sun_path' after bind() created it"]
}

/* ... also by the name it was copied from, and through a pointer. */
int socket_owner(int s, struct sockaddr_un *addr, const char *path, uid_t uid) {
  snprintf(addr->sun_path, sizeof addr->sun_path, "%s", path);
  if (bind(s, (struct sockaddr *)addr, sizeof *addr) < 0)   // NOTE[name-after-create "'path' created here by bind()"]
    return -1;
  return chown(path, uid, (gid_t)-1);                 // WARNING[name-after-create "chown() of 'path' after bind() created it"]
}

/* The old socket is removed and a new one bound: the chmod() is about the
 * socket bind() made, not "whatever someone else made after the removal"
 * (screen socket.c:386, fcron fcrondyn_svr.c:136; name_after_create.c
 * socket_made_before()). */
int socket_rebind(int s, const char *path) {
  struct sockaddr_un sa = {.sun_family = AF_UNIX};
  strcpy(sa.sun_path, path);
  unlink(path);
  if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0) // NOTE[name-after-create "created here by bind()"]
    return -1;
  return chmod(path, 0660);                           // WARNING[name-after-create "chmod() of 'path' after bind() created it"]
}

/* The same with the name copied in by memcpy() with a computed length,
 * and a branch between the copy and bind() (postfix util/unix_listen.c:99,
 * unix_dgram_listen.c:89). */
int socket_rebind_memcpy(int s, const char *path) {
  struct sockaddr_un sa = {.sun_family = AF_UNIX};
  memcpy(sa.sun_path, path, strlen(path) + 1);
  if (unlink(path) < 0 && errno != ENOENT)
    return -1;
  if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0) // NOTE[name-after-create "created here by bind()"]
    return -1;
  return chmod(path, 0660);                           // WARNING[name-after-create "chmod() of 'path' after bind() created it"]
}

/* A copy of part of the name with a computed length is another name. */
int socket_prefix_memcpy(int s, const char *path, size_t dirlen) {
  struct sockaddr_un sa = {.sun_family = AF_UNIX};
  memcpy(sa.sun_path, path, dirlen + 1);
  if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0)
    return -1;
  memcpy(sa.sun_path, path, strlen(path) + 1);
  return chmod(sa.sun_path, 0660);                    // no-warning
}

/* Removed, then changed by name: whatever is there now is someone else's. */
void removed_then_chmod(const char *path) {
  unlink(path);                                       // NOTE[name-after-create]
  chmod(path, 0600);                                  // WARNING[name-after-create "after unlink() removed it"]
}

/* ---- safe forms ---------------------------------------------------- */

/* The descriptor the creation returned. */
int created_then_fchown(const char *path, uid_t uid) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return -1;
  fchown(fd, uid, (gid_t)-1);                         // no-warning
  fchmod(fd, 0640);                                   // no-warning
  return close(fd);
}

/* The mode set at creation, through umask. */
int umask_not_chmod(const char *dir) {
  mode_t old = umask(077);
  int r = mkdir(dir, 0700);                           // no-warning
  umask(old);
  return r;
}

/* Relative to a directory descriptor, without following a link. */
int at_nofollow(int dfd, const char *name, uid_t uid) {
  if (mkdirat(dfd, name, 0700) < 0)
    return -1;
  return fchownat(dfd, name, uid, (gid_t)-1, AT_SYMLINK_NOFOLLOW);   // no-warning
}

/* mkdir, then back in with O_DIRECTORY|O_NOFOLLOW, fstat and fchown: the
 * descriptor is the directory made, whatever the name is now. */
int dir_by_descriptor(const char *dir, uid_t uid) {
  struct stat st;
  if (mkdir(dir, 0700) != 0)
    return -1;
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);   // no-warning
  if (fd < 0)
    return -1;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    fchown(fd, uid, (gid_t)-1);                       // no-warning
  return close(fd);
}

/* The socket's descriptor: fchmod() before bind() sets the mode of the
 * name bind() makes on Linux only, so the portable fix is the umask. */
int socket_umask(int s, const char *path) {
  struct sockaddr_un sa = {.sun_family = AF_UNIX};
  strncpy(sa.sun_path, path, sizeof sa.sun_path - 1);
  mode_t old = umask(0117);
  int r = bind(s, (struct sockaddr *)&sa, sizeof sa); // no-warning
  umask(old);
  return r;
}

/* Kernel-owned names: nobody else can swap them. */
void kernel_name(void) {
  mkdir("/sys/fs/cgroup/app", 0755);
  chown("/sys/fs/cgroup/app", 0, 0);                  // no-warning
}

/* Another name than the one made. */
void other_name(const char *made, const char *other) {
  mkdir(made, 0700);
  chmod(other, 0700);                                 // no-warning
}

/* A creation inside the program's own function (make_dir(d) wrapping
 * mkdir): its summary carries the creation (temp-files.c has more). */
static int make_dir(const char *d) { return mkdir(d, 0700); }
void wrapped_mkdir(const char *d, uid_t uid) {
  make_dir(d);                                        // NOTE[name-after-create "created here by make_dir()"]
  chown(d, uid, (gid_t)-1);                           // WARNING[name-after-create]
}

/* ---- known gaps ---------------------------------------------------- */

static void set_socket_name(struct sockaddr_un *sa, const char *path) {
  sa->sun_family = AF_UNIX;
  strncpy(sa->sun_path, path, sizeof sa->sun_path - 1);
}

/* The name was copied in by the program's own helper: 'path' is not
 * known to be the socket's name (a summary says only what a function
 * does to names by libc calls, not what it copies where). */
int socket_helper(int s, const char *path) {
  struct sockaddr_un sa;
  set_socket_name(&sa, path);
  if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0)
    return -1;
  return chmod(path, 0666);                           // MISSING[name-after-create]
}
