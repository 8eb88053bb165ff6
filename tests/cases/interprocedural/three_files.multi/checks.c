// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, three files: the check wrappers. */
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"

int can_write(const char *p) {
  return access(p, W_OK) == 0;                  // NOTE[toctou-check-use "can_write() checks its argument with access() here"]
}

int is_symlink(const char *p) {
  struct stat st;
  return lstat(p, &st) == 0 && S_ISLNK(st.st_mode);   // NOTE[toctou-symlink-check "is_symlink() checks its argument with lstat() here"]
}

/* a check wrapper calling a check wrapper of this file */
int writable_file(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use "writable_file() checks its argument with stat() here"]
    return 0;
  return can_write(p);
}
