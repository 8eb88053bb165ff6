// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, static functions: main.c sees only the exported helper()
 * of c.c (a use), neither static one. */
#include <sys/stat.h>
#include <unistd.h>

int helper(const char *p);

int main_access_then_helper(const char *path) {
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use "'path' checked here by access()"]
    return -1;
  return helper(path);                          // WARNING[toctou-check-use "helper() of 'path' after access() checked it"]
}

/* helper() is no check here: the exported one returns unlink()'s status,
 * which is a use, not a check of the name */
int main_helper_then_chmod(const char *path) {
  if (helper(path) != 0)
    return -1;
  return chmod(path, 0600);                     // no-warning
}
