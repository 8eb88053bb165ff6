// ARGS: --min-risk low
/* Issue 10, what is evidence of privilege (lxc, triage of 2026-12-03):
 * lxc runs helpers in a new user namespace (userns_exec_full() clones
 * with CLONE_NEWUSER), where they become root of that namespace with
 * setgid(0); setuid(0). That is no sign that lxc-copy runs with rights
 * its user lacks (copy/), nor is a switch to root right after
 * unshare(CLONE_NEWUSER) (unshare/); the same setgid(0) outside a user
 * namespace still is (start/). */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

int userns_exec(int (*fn)(void *), void *data) {
  static char stack[65536];
  int pid = clone(fn, stack + sizeof stack, CLONE_NEWUSER | SIGCHLD, data);
  int status;
  if (pid < 0 || waitpid(pid, &status, 0) < 0)
    return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
