/* formail's allocator: the same names as robust.c's, a different program. */
#include <stdlib.h>

void nlog(const char *a);

void *trealloc(void *old, size_t len) {
  if ((old = realloc(old, len)))
    return old;
  nlog("Out of memory\n");
  exit(1);
}
