// ARGS: --min-risk low
/* Privilege raises the risk; a use after the rights were given up lowers
 * it decisively: both calls then run with the same rights. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int become_root(void) {
  return setuid(0);                        /* the sign of privilege */
}

int read_for_user(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);              // WARNING[toctou-check-use risk=high because="calls setuid()"]
  return -1;
}

int read_as_user(const char *p) {
  if (setuid(getuid()) != 0)
    return -1;
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);              // WARNING[toctou-check-use risk=low because="after setuid() gave the rights up"]
  return -1;
}

static int drop(void) {
  return seteuid(getuid());
}

int write_as_user(const char *p) {
  if (drop() != 0)
    return -1;
  if (access(p, W_OK) == 0)
    return open(p, O_WRONLY);              // WARNING[toctou-check-use risk=low because="after drop() gave the rights up"]
  return -1;
}

/* existence only, then a creating use: the program believes it makes a new
 * file, so the check matters (advice: O_EXCL) */
FILE *create_for_user(const char *p) {
  if (access(p, F_OK) == 0)
    return NULL;
  return fopen(p, "w");                    // WARNING[toctou-check-use risk=high "O_EXCL"]
}

/* existence only, then a use that does not create: decides nothing */
int open_for_user(const char *p) {
  if (access(p, F_OK) != 0)
    return -1;
  return open(p, O_RDWR);                  // WARNING[toctou-check-use risk=low because="only asked whether the name exists"]
}
