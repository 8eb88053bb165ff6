// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* What the use does to whatever the name reaches: utime() changes only
 * its times (debugfs dump.c: the restored file is created, its mode and
 * owner set through the descriptor, its times by name). Root running it
 * (it chown()s files to others) makes the twin that chmod()s by name
 * high; the times-only use ranks low. Through a helper it does not: the
 * helper's summary stands for one of its uses of the name, and another
 * may change more than the times (util-linux fsck.cramfs.c
 * change_file_status(): lchown(), chmod() with set-ID bits, utimes();
 * real, root extracting an image into a directory others can write). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/time.h>
#include <utime.h>

static void fix_perms(int fd, const char *name, uid_t uid, time_t when) {
  struct utimbuf ut = {when, when};
  fchmod(fd, 0644);
  fchown(fd, uid, uid);
  utime(name, &ut);
}

int restore(const char *out, uid_t uid, time_t when) {
  int fd = open(out, O_CREAT | O_WRONLY | O_TRUNC, 0666);   // NOTE[name-after-create]
  if (fd < 0)
    return -1;
  fix_perms(fd, out, uid, when);   // WARNING[name-after-create risk=high]
  return close(fd);
}

int restore_mode(const char *out, mode_t mode) {
  int fd = open(out, O_CREAT | O_WRONLY | O_TRUNC, 0666);   // NOTE[name-after-create]
  if (fd < 0 || close(fd) != 0)
    return -1;
  return chmod(out, mode);   // WARNING[name-after-create risk=high because="chmod() follows a link"]
}

int restore_direct(const char *out, uid_t uid, time_t when) {
  struct utimbuf ut = {when, when};
  int fd = open(out, O_CREAT | O_WRONLY | O_TRUNC, 0666);   // NOTE[name-after-create]
  if (fd < 0)
    return -1;
  (void)uid;
  close(fd);
  return utime(out, &ut);   // WARNING[name-after-create risk=low because="utime() changes only the times"]
}

static void change_file_status(const char *path, mode_t mode, uid_t uid) {
  struct timeval epoch[2] = {{0, 0}, {0, 0}};
  if (geteuid() == 0) {
    lchown(path, uid, uid);
    if ((S_ISUID | S_ISGID) & mode)
      chmod(path, mode);
  }
  utimes(path, epoch);
}

int extract(const char *path, mode_t mode, uid_t uid) {
  int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0666);   // NOTE[name-after-create]
  if (fd < 0 || close(fd) != 0)
    return -1;
  change_file_status(path, mode, uid);   // WARNING[name-after-create risk=high]
  return 0;
}
