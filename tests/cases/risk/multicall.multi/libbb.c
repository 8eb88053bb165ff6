// ARGS: --min-risk low
/* A library function both applets call: it runs in tar's privileged
 * process too, so it is ranked as privileged. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libbb.h"

int xopen_for_update(const char *name) {
  struct stat st;
  if (stat(name, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open(name, O_WRONLY);   // WARNING[toctou-check-use risk=high because="chown()s files to other users"]
}
