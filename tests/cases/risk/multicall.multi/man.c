// ARGS: --min-risk low
/* man runs with the rights of whoever runs it: access() and open() ask
 * with the same ids. The chown() of tar, in the same binary, says nothing
 * about it. */
#include <fcntl.h>
#include <unistd.h>

#include "libbb.h"

static int show(const char *page) {
  if (access(page, R_OK) != 0)
    return -1;
  return open(page, O_RDONLY);   // WARNING[toctou-check-use risk=low because="a race if the program is set-user-ID"]
}

int man_main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  xopen_for_update(argv[1]);
  return show(argv[1]);
}
