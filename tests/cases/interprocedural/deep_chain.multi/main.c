// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, a chain across files: each level of check1() and
 * use1() is in a file of its own (level1.c ... level5.c); the summaries
 * must travel up five files. */
#include <unistd.h>

#include "chain.h"

/* one file away */
int depth1(const char *path) {
  if (!check5(path))
    return -1;
  return use5(path);                            // WARNING[toctou-check-use "use5() of 'path' after check5() checked it"]
}

/* two files away */
int depth2(const char *path) {
  if (!check4(path))                            // NOTE[toctou-check-use "'path' checked here by check4()"]
    return -1;
  return use4(path);                            // WARNING[toctou-check-use "use4() of 'path' after check4() checked it"]
}

/* three files away */
int depth3(const char *path) {
  if (!check3(path))
    return -1;
  return use3(path);                            // WARNING[toctou-check-use "use3() of 'path' after check3() checked it"]
}

/* four files away */
int depth4(const char *path) {
  if (!check2(path))
    return -1;
  return use2(path);                            // WARNING[toctou-check-use "use2() of 'path' after check2() checked it"]
}

/* five files away */
int depth5(const char *path) {
  if (!check1(path))
    return -1;
  return use1(path);                            // WARNING[toctou-check-use]
}

/* five files away, the check against a libc use */
int depth5_check_only(const char *path) {
  if (!check1(path))
    return -1;
  return unlink(path);                          // WARNING[toctou-check-use]
}

/* five files away, a libc check against the use */
int depth5_use_only(const char *path) {
  if (access(path, W_OK) != 0)
    return -1;
  return use1(path);                            // WARNING[toctou-check-use]
}
