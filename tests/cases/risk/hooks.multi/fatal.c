// ARGS: --min-risk low
/* Issue 10, privilege per program: the library's fatal() ends in
 * cleanup_exit(), which each program links its own of (sshd's cleans up
 * sessions as root; the tools link cleanup.c's). Nothing is reported here. */
#include "ssh.h"

void sshfatal(const char *why) {
  (void)why;
  cleanup_exit(255);
}
