// ARGS: --min-risk low
/* flock, in the same folder as hwclock: no sign of privilege either. The
 * access() of a file then opened for writing would be a race were the
 * program installed set-user-ID, but nothing in the code says it is
 * (util-linux flock.c:445, script.c:1061 in the triage): it is low, not
 * shown by default. setid_access.c is the set-user-ID twin, high. */
#include <fcntl.h>
#include <unistd.h>

static int open_lockfile(const char *name) {
  if (access(name, R_OK | W_OK) != 0)
    return -1;
  return open(name, O_RDWR);   // WARNING[toctou-check-use risk=low because="a race if the program is set-user-ID"]
}

int main(int argc, char **argv) {
  return argc > 1 ? open_lockfile(argv[1]) : 1;
}
