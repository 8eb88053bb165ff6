/* busybox (triage of 2026-12-03): a program that chown()s files to other
 * users runs as root, but nothing says it is set-user-ID: its real and
 * effective ids are the same, so access() and open() ask the kernel with
 * the same rights and there is no privilege gap between them.
 * (busybox's man and httpd applets; the chown() is tar's.) At the default
 * level such a pair must not be shown; root_daemon.c shows why (every
 * level), setid_access.c the set-user-ID twin that is high. */
#include <fcntl.h>
#include <unistd.h>

int extract_owner(const char *name, uid_t uid, gid_t gid) {
  return chown(name, uid, gid);            /* evidence of root, not of set-ID */
}

int show_page(const char *page) {
  if (access(page, R_OK) != 0)
    return -1;
  return open(page, O_RDONLY);             // no-warning
}
