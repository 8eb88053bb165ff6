// CFLAGS: -D_GNU_SOURCE
/* interprocedural, a chain across files: level 3 passes on to level 4. */
#include "chain.h"

int check3(const char *p) {
  return check4(p);
}

int use3(const char *p) {
  return use4(p);
}
