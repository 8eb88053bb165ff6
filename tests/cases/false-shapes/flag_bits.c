// ARGS: --min-risk low
/* Issue 10, cause 5 (procmail src/exopen.c unique(), mailfold.c:264): the
 * use runs under a bit test of a flags argument (`if (flags & doCHOWN)`),
 * and the call passes flags without that bit: the use does not happen at
 * that call. Bit tests correlate like other tests of the same value, in
 * a summary's selector and along one function's paths. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define doCHOWN 1
#define doFD 8
#define doLOCK 16

static int make_box(const char *full, uid_t uid, int flags) {
  if (flags & doCHOWN)
    chown(full, uid, (gid_t)-1);
  if (!(flags & doFD))
    return 0;
  return 1;
}

static int touch_box(const char *full, int flags) {
  if ((flags & doLOCK) == 0)
    return 0;
  return chmod(full, 0600);
}

int deliver(const char *box, uid_t uid) {
  struct stat st;
  if (lstat(box, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  make_box(box, uid, doFD);   // no-warning
  return touch_box(box, doFD);   // no-warning
}

/* along the function's own paths: a flags word set to constants */
int deliver_local(const char *box, uid_t uid, int fresh) {
  struct stat st;
  int flags = doFD;
  if (fresh)
    flags = doFD | doCHOWN;
  else if (lstat(box, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  if (flags & doCHOWN)
    return chown(box, uid, (gid_t)-1);   // no-warning
  return 0;
}

/* Real twins: the bit is passed, or the flags are not known. */
int deliver_chown(const char *box, uid_t uid) {
  struct stat st;
  if (lstat(box, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return make_box(box, uid, doFD | doCHOWN);   // WARNING[toctou-symlink-check]
}

int deliver_lock(const char *box, int flags) {
  struct stat st;
  if (lstat(box, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return touch_box(box, flags | doLOCK);   // WARNING[toctou-symlink-check]
}

int deliver_local_chown(const char *box, uid_t uid, int fresh) {
  struct stat st;
  int flags = doFD | doCHOWN;
  if (fresh)
    flags = doFD;
  else if (lstat(box, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  if (flags & doCHOWN)
    return chown(box, uid, (gid_t)-1);   // WARNING[toctou-symlink-check]
  return 0;
}
