// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, a chain across files: the libc calls at the bottom. */
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"

int check5(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;                     // NOTE[toctou-check-use "check4() checks its argument with stat() here"]
}

int use5(const char *p) {
  return unlink(p);                             // NOTE[toctou-check-use "use4() uses its argument with unlink() here"]
}
