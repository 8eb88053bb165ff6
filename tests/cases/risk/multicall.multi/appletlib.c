// ARGS: --min-risk low
/* Issue 10, privilege per program: a multi-call binary (busybox) runs
 * one applet per process, chosen through a table. Only what an applet
 * that shows privilege reaches runs privileged: tar's chown() makes tar
 * a root program, not man. The dispatcher itself gives set-user-ID
 * rights up before an applet that does not need them runs (busybox's
 * check_suid()); nothing is reported here. */
#include <string.h>
#include <unistd.h>

#include "libbb.h"

static int (*const applet_main[])(int, char **) = {tar_main, man_main};
static const char *const applet_names[] = {"tar", "man"};

static void check_suid(int applet) {
  if (applet == 0)
    return;
  if (setgid(getgid()) || setuid(getuid()))
    _exit(1);
}

int main(int argc, char **argv) {
  for (int i = 0; i < 2; i++)
    if (!strcmp(argv[0], applet_names[i])) {
      check_suid(i);
      return applet_main[i](argc, argv);
    }
  return 127;
}
