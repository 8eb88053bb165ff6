/* insecure-temp-name is off by default: nothing here is reported. */
#include <stdio.h>

char *name_for_a_caller(void) {
  return tmpnam(NULL);                                  // no-warning
}
