// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, recursion across files: the summaries of mutually
 * recursive functions in a.c and b.c settle, and are used here. */
#include <sys/stat.h>
#include <unistd.h>

#include "walk.h"

int probe_b_then_purge_b(const char *path) {
  if (!probe_b(path, 8))                        // NOTE[toctou-check-use "'path' checked here by probe_b()"]
    return -1;
  return purge_b(path, 8);                      // WARNING[toctou-check-use "purge_b() of 'path' after probe_b() checked it"]
}

int probe_a_then_chmod(const char *path) {
  if (!probe_a(path, 2))
    return -1;
  return chmod(path, 0600);                     // WARNING[toctou-check-use "chmod() of 'path' after probe_a() checked it"]
}

int visit_then_purge(const char *path) {
  if (!visit_b(path, 3))
    return -1;
  return purge_a(path, 0);                      // no-warning
}
