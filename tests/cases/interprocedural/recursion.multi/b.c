// CFLAGS: -D_GNU_SOURCE
/* interprocedural, recursion across files: the b side. */
#include "walk.h"

int probe_b(const char *p, int depth) {
  return probe_a(p, depth);
}

int purge_b(const char *p, int depth) {
  return purge_a(p, depth);
}

int visit_b(const char *p, int depth) {
  return visit_a(p, depth);
}
