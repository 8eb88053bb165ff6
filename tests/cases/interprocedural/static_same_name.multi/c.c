// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, static functions: the exported helper(), a use (it
 * removes its argument), called from main.c. */
#include <unistd.h>

int helper(const char *p);

int helper(const char *p) {
  return unlink(p);                             // NOTE[toctou-check-use "helper() uses its argument with unlink() here"]
}
