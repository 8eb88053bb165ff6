// ARGS: --min-risk low
/* hwclock: nothing it reaches changes ids or hands files to others. Its
 * readability probe before a read asks with its own ids. */
#include <stdio.h>
#include <unistd.h>

static FILE *open_adjtime(const char *name) {
  if (access(name, R_OK) != 0)
    return NULL;
  return fopen(name, "r");   // WARNING[toctou-check-use risk=low because="a race if the program is set-user-ID"]
}

int main(int argc, char **argv) {
  return open_adjtime(argc > 1 ? argv[1] : "/etc/adjtime") == NULL;
}
