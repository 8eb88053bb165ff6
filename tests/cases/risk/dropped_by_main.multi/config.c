// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Called by keysign.c's main(): read_config() and fix_mode() only after
 * its permanent drop; fix_mode_as_root() before it, fix_mode_twice()
 * before and after. */
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
    execl(shell, shell, "-c", cmd, (char *)NULL);   // WARNING[toctou-check-use risk=low because="after permanently_set_uid() in main() gave the rights up"]
    _exit(1);
  }
  return 0;
}

int read_config(const char *path) {
  return execute_in_shell(path);
}

int fix_mode(const char *path) {
  struct stat st;
  if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode))
    return -1;
  return chmod(path, 0644);   // WARNING[toctou-symlink-check risk=low because="after permanently_set_uid() in main() gave the rights up"]
}

/* the twin: main() calls it before the drop, as root */
int fix_mode_as_root(const char *path) {
  struct stat st;
  if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode))
    return -1;
  return chmod(path, 0644);   // WARNING[toctou-symlink-check risk=high]
}

/* the twin: called before the drop and after it */
int fix_mode_twice(const char *path) {
  struct stat st;
  if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode))
    return -1;
  return chmod(path, 0644);   // WARNING[toctou-symlink-check risk=high]
}
