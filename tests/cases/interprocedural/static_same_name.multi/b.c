// CFLAGS: -D_GNU_SOURCE
/* interprocedural, static functions: here helper() only prints (no check)
 * and put() writes the file (a use). */
#include <stdio.h>
#include <unistd.h>

static int helper(const char *p) {
  return printf("%s\n", p) > 0;
}

static void put(const char *p) {
  FILE *f = fopen(p, "w");                      // NOTE[toctou-check-use "put() uses its argument with fopen() here"]
  if (f)
    fclose(f);
}

int b_helper_then_unlink(const char *path) {
  if (helper(path))
    return unlink(path);                        // no-warning
  return 0;
}

void b_access_then_put(const char *path) {
  if (access(path, W_OK) == 0)                  // NOTE[toctou-check-use "'path' checked here by access()"]
    put(path);                                  // WARNING[toctou-check-use "put() of 'path' after access() checked it"]
}
