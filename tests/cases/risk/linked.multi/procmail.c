// ARGS: --min-risk low
/* Issue 10, privilege per program (procmail's formail, triage of
 * 2026-12-03): procmail, formail and lockfile are built from one folder
 * with no link step in the database. procmail links robust.c and misc.c,
 * whose Terminate() changes the group ids; formail links ecommon.c and
 * formisc.c instead, which define the same names (trealloc(), nlog()), so
 * the two cannot be linked together: formail's call of trealloc() does
 * not reach robust.c, nor misc.c's Terminate(). */
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <unistd.h>

void *trealloc(void *old, size_t len);

static int open_rcfile(const char *rc) {
  struct stat st;
  if (stat(rc, &st) != 0 || st.st_uid != getuid())
    return -1;
  return open(rc, O_RDWR);   // WARNING[toctou-check-use risk=high because="calls setegid()"]
}

int main(int argc, char **argv) {
  char *buf = trealloc(NULL, 64);
  return buf && argc > 1 ? open_rcfile(argv[1]) : 1;
}
