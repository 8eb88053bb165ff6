// ARGS: --min-risk low
/* ssh-keygen: a tool with a main() of its own, so it cannot be linked
 * with sshd.c: its sshfatal() reaches cleanup.c's hook, not sshd's. */
#include <sys/stat.h>

#include "ssh.h"

static int protect(const char *key) {
  struct stat st;
  if (stat(key, &st) != 0 || !S_ISREG(st.st_mode))
    { sshfatal("stat"); return -1; }
  return chmod(key, 0600);   // WARNING[toctou-check-use risk=medium because="tested the owner, mode or type"]
}

int main(int argc, char **argv) {
  return argc > 1 ? protect(argv[1]) : 0;
}
