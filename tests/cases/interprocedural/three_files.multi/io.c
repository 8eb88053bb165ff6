// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, three files: the use wrappers; save_text() calls
 * write_all() of raw.c (a use wrapper calling one in another file). */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fs.h"

int save_text(const char *p, const char *text) {
  return write_all(p, text, strlen(text));
}

int remove_file(const char *p) {
  return unlink(p);                             // NOTE[toctou-check-use "remove_file() uses its argument with unlink() here"]
}

int open_with(const char *p, int flags) {
  return open(p, flags, 0600);
}
