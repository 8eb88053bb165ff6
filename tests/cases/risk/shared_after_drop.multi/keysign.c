// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, Part 2 (privilege): ssh-keysign is set-user-ID root; main()
 * opens the host keys, then gives the rights up for good
 * (permanently_set_uid() of the real user). What it calls after that runs
 * with the user's own rights: the drop is no sign of privilege for it
 * (config.c). */
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "keysign.h"

int main(int argc, char **argv) {
  int key = open("/etc/ssh/ssh_host_key", O_RDONLY);
  if (argc < 2 || key < 0)
    return 1;
  struct passwd *pw = getpwuid(getuid());
  if (!pw)
    return 1;
  permanently_set_uid(pw);
  return read_config(argv[1]);
}
