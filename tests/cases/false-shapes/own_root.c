// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10: names no other process can replace, by name while open.
 * util-linux switch_root keeps the old root open to delete its contents
 * later, moves the new root onto "/" and enters it: "/" then names the
 * new root on purpose (fchdir() to the old root's descriptor would go
 * back). Only the program itself changes what "/" or "/proc/self/..."
 * names, so name-after-open has nothing to say there.
 *
 * The twin: the same shape on a name in a directory others can write. */
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

void remove_old_root(int fd);

int switch_into(const char *newroot) {
  int cfd = open("/", O_RDONLY | O_DIRECTORY);
  if (cfd < 0)
    return -1;
  if (mount(newroot, "/", NULL, MS_MOVE, NULL) < 0)
    return -1;
  if (chroot(".") || chdir("/"))          // no-warning
    return -1;
  remove_old_root(cfd);
  return 0;
}

int status_size(void) {
  struct stat st;
  int fd = open("/proc/self/status", O_RDONLY);
  if (fd < 0)
    return -1;
  stat("/proc/self/status", &st);         // no-warning
  close(fd);
  return (int)st.st_size;
}

int enter_spool(void) {
  int fd = open("/var/tmp/spool", O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  if (chdir("/var/tmp/spool"))            // WARNING[name-after-open]
    return -1;
  remove_old_root(fd);
  return 0;
}
