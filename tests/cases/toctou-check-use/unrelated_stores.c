// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: a store through a pointer that cannot reach the name
 * does not change it (issue 11, A5). A store through a pointer changes only
 * storage whose address escaped, globals, or memory reachable from the
 * parameters: not the neighbours of a block just allocated. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tempfile { char *tfile; int fd; };

/* The shape of the real bug: an argv built in a fresh array between the
 * check of tf[i].tfile and its open. */
int send_files(struct tempfile *tf, int n, const char *prog) {
  for (int i = 0; i < n; i++) {
    if (access(tf[i].tfile, R_OK) != 0)         // NOTE[toctou-check-use]
      continue;
    char **args = reallocarray(NULL, 4, sizeof *args);
    if (!args)
      return -1;
    char **argp = args;
    *argp++ = (char *)prog;
    *argp++ = tf[i].tfile;
    *argp = NULL;
    tf[i].fd = open(tf[i].tfile, O_RDONLY);     // WARNING[toctou-check-use]
    free(args);
  }
  return 0;
}

/* A malloc'd buffer written through an index. */
int fresh_buffer(char *path) {
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  char *copy = malloc(64);
  if (!copy)
    return -1;
  copy[0] = '\0';
  *copy = 'x';
  free(copy);
  return unlink(path);                          // WARNING[toctou-check-use]
}

/* A local array's element through a pointer to it. */
int local_array(char *path) {
  int counts[4];
  int *c = counts;
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  *c = 1;
  c[1] = 2;
  return unlink(path);                          // WARNING[toctou-check-use]
}

/* Safe twin: the pointer was set to point into the name. */
int into_name(char *path) {
  char *p = path + 2;
  if (access(path, W_OK) != 0)
    return -1;
  *p = 'x';
  return unlink(path);                          // no-warning
}

/* Safe twin: a fresh block that receives the name's address can be used
 * to rewrite it. */
int escaped_into_fresh(char *path) {
  char **slot = malloc(sizeof *slot);
  if (!slot || access(path, W_OK) != 0)
    return -1;
  *slot = path;
  **slot = 'x';
  return unlink(path);                          // no-warning
}
