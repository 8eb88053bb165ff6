// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, a chain across files: level 1 passes on to level 2. */
#include "chain.h"

int check1(const char *p) {
  return check2(p);
}

int use1(const char *p) {
  return use2(p);
}
