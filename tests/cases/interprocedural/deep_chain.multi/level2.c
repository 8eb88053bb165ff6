// CFLAGS: -D_GNU_SOURCE
/* interprocedural, a chain across files: level 2 passes on to level 3. */
#include "chain.h"

int check2(const char *p) {
  return check3(p);
}

int use2(const char *p) {
  return use3(p);
}
