// ARGS: --min-risk low
/* sftp-server's handlers are called through a table: each is an entry of
 * its own, in a file without main(). Which cleanup_exit() its program
 * links is not known, but not sshd's: that is another program's main
 * file. */
#include <sys/stat.h>

#include "ssh.h"

int sftp_server_main(int request, const char *name);

static int process_setstat(const char *name) {
  struct stat st;
  if (stat(name, &st) != 0 || !S_ISREG(st.st_mode))
    { sshfatal("stat"); return -1; }
  return chmod(name, 0644);   // WARNING[toctou-check-use risk=medium because="tested the owner, mode or type"]
}

struct handler {
  int type;
  int (*handler)(const char *);
};
static const struct handler handlers[] = {{9, process_setstat}};

int sftp_server_main(int request, const char *name) {
  for (unsigned i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
    if (handlers[i].type == request)
      return handlers[i].handler(name);
  return -1;
}
