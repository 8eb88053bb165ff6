// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, static functions: helper() and put() are static here and
 * in b.c with other bodies, and helper() is also an exported function of
 * c.c. A static function is its file's own: here helper() is a check and
 * put() is nothing. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int helper(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;                     // NOTE[toctou-check-use "helper() checks its argument with stat() here"]
}

static void put(const char *p) {
  printf("%s\n", p);
}

int a_helper_then_unlink(const char *path) {
  if (helper(path))                             // NOTE[toctou-check-use "'path' checked here by helper()"]
    return unlink(path);                        // WARNING[toctou-check-use "unlink() of 'path' after helper() checked it"]
  return 0;
}

void a_access_then_put(const char *path) {
  if (access(path, W_OK) == 0)
    put(path);                                  // no-warning
}
