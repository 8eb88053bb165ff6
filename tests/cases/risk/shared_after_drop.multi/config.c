// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* read_config() is called by keysign.c's main() only after its permanent
 * drop, and by ssh.c's main(), which shows no privilege (openssh's
 * readconf.c:555 in ssh and ssh-keysign): the keysign's signs (its
 * setresgid(), the restore test's setgid()) must not raise it, though ssh
 * runs it with its rights (so no drop lowers it either). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keysign.h"

static int execute_in_shell(const char *cmd) {
  const char *shell = getenv("SHELL");
  if (!shell)
    shell = "/bin/sh";
  if (access(shell, X_OK) == -1)
    return -1;
  if (fork() == 0) {
    execl(shell, shell, "-c", cmd, (char *)NULL);   // WARNING[toctou-check-use risk=low because="nothing shows it is"]
    _exit(1);
  }
  return 0;
}

int read_config(const char *path) {
  return execute_in_shell(path);
}

