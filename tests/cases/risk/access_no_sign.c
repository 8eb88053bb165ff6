/* util-linux flock.c:445, script.c:1061 (triage of 2026-12-03): access()
 * asks with the real ids, so access() then open() is a race only in a
 * set-user-ID program; a set-ID install is not visible in the code, and
 * nothing here (no setuid family, capset(), chown() to others) says the
 * program runs with rights its user lacks. Not shown at the default
 * level; setid_access.c is the set-user-ID twin, reported high. */
#include <fcntl.h>
#include <unistd.h>

int open_lockfile(const char *name) {
  if (access(name, R_OK | W_OK) != 0)
    return -1;
  return open(name, O_RDWR);               // no-warning
}

int run_shell(const char *shell) {
  if (access(shell, X_OK) == 0)
    return execl(shell, "sh", "-i", (char *)0);   // no-warning
  return -1;
}
