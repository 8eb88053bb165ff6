// ARGS: --min-risk low
/* The default hook the tools link. */
#include <unistd.h>

#include "ssh.h"

void cleanup_exit(int status) {
  _exit(status);
}
