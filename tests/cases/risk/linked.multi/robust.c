/* procmail's allocator: on failure, Terminate() (misc.c). */
#include <stdlib.h>

void Terminate(void);

void nomemerr(size_t len) {
  (void)len;
  Terminate();
}

void *trealloc(void *old, size_t len) {
  if ((old = realloc(old, len)))
    return old;
  nomemerr(len);
  return NULL;
}
