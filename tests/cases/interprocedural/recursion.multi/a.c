// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, recursion across files: the a side. */
#include <unistd.h>

#include "walk.h"

/* a check at the bottom, recursion through b.c */
int probe_a(const char *p, int depth) {
  if (depth <= 0)
    return access(p, W_OK) == 0;                // NOTE[toctou-check-use "probe_b() checks its argument with access() here"]
  return probe_b(p, depth - 1);
}

/* a use at the bottom, recursion through b.c */
int purge_a(const char *p, int depth) {
  if (depth <= 0)
    return unlink(p);                           // NOTE[toctou-check-use "purge_b() uses its argument with unlink() here"]
  return purge_b(p, depth - 1);
}

/* recursion that never touches a file */
int visit_a(const char *p, int depth) {
  if (depth <= 0)
    return p[0] == '/';
  return visit_b(p + 1, depth - 1);
}
