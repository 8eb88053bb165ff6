// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* readlink() whose target is compared with where the link should point is
 * an up-to-date test of a link the program keeps, not a test of whether
 * the name is a link (rsync's generator: quick_check_ok(FT_SYMLINK, ...)
 * keeps a link that already points right, else atomic_create() removes
 * the entry and makes the link anew). It lowers the risk, directly and
 * through a helper; a readlink() that tells whether the name is a link
 * raises it. The program runs as root (setuid(0)). */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int link_points_to(const char *fn, const char *want) {
  char lnk[4096];
  ssize_t len = readlink(fn, lnk, sizeof lnk - 1);
  if (len <= 0)
    return 0;
  lnk[len] = 0;
  return strcmp(lnk, want) == 0;
}

/* removes whatever is at the name, then makes the link */
static int remake_link(const char *fname, const char *target) {
  if (unlink(fname) != 0)
    return -1;
  return symlink(target, fname);
}

int sync_link(const char *fname, const char *target) {
  setuid(0);
  if (link_points_to(fname, target))
    return 0;
  return remake_link(fname, target);       // WARNING[toctou-symlink-check risk=low because="compared where the link points"]
}

int sync_link_inline(const char *fname, const char *target) {
  char lnk[4096];
  ssize_t len = readlink(fname, lnk, sizeof lnk - 1);
  if (len > 0) {
    lnk[len] = 0;
    if (!strcmp(lnk, target))
      return 0;
  }
  return unlink(fname);                    // WARNING[toctou-symlink-check risk=low because="compared where the link points"]
}

/* the twin: readlink() as a test of link-ness, then a use by name */
static int is_link(const char *fn) {
  char lnk[16];
  return readlink(fn, lnk, sizeof lnk) >= 0;
}

int drop_link(const char *fname) {
  if (!is_link(fname))
    return -1;
  return unlink(fname);                    // WARNING[toctou-symlink-check because="tested whether it is a link"]
}
