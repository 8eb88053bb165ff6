// CFLAGS: -D_GNU_SOURCE
/* interprocedural, a chain across files: level 4 passes on to level 5. */
#include "chain.h"

int check4(const char *p) {
  return check5(p);
}

int use4(const char *p) {
  return use5(p);
}
