// ARGS: --min-risk low
/* flock, in the same folder as hwclock: no sign of privilege either. The
 * access() of a file then opened for writing stays a medium race: were
 * the program installed set-user-ID, it would be one. */
#include <fcntl.h>
#include <unistd.h>

static int open_lockfile(const char *name) {
  if (access(name, R_OK | W_OK) != 0)
    return -1;
  return open(name, O_RDWR);   // WARNING[toctou-check-use risk=medium because="a race if the program is set-user-ID"]
}

int main(int argc, char **argv) {
  return argc > 1 ? open_lockfile(argv[1]) : 1;
}
