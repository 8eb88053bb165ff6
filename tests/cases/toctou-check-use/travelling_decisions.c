// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: decisions that travel (issue 11, B11). What works: a
 * check's result kept in a variable or a struct field and tested later in
 * the same function. Known gaps, marked MISSING with the reason: */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct job { const char *path; int writable; };

/* Works: the result stored in a struct flag, tested later. */
int flag_in_struct(struct job *j) {
  j->writable = access(j->path, W_OK) == 0;     // NOTE[toctou-check-use]
  if (!j->writable)
    return -1;
  return open(j->path, O_WRONLY);               // WARNING[toctou-check-use]
}

/* Gap: the result leaves through an out-parameter and the caller tests
 * it. Summaries record a check whose outcome is returned, not one stored
 * through a pointer argument. */
static void probe(const char *p, int *ok) {
  *ok = access(p, W_OK) == 0;
}
int out_parameter(const char *p) {
  int ok;
  probe(p, &ok);
  if (!ok)
    return -1;
  return open(p, O_WRONLY);                     // MISSING[toctou-check-use]
}

/* Gap: the check chosen at the call through a function pointer. Calls
 * through pointers have no catalogue entry; the possible targets of a
 * conditional are not enumerated. */
int chosen_check(const char *p, int follow) {
  struct stat st;
  if ((follow ? stat : lstat)(p, &st) != 0 || st.st_uid != 0)
    return -1;
  return chown(p, 1000, 1000);                  // MISSING[toctou-check-use]
}

/* Gap: a loop picks an index by a check, the use names c[pick]. The name
 * set follows c[i], not c[pick]: nothing records that pick == i when the
 * loop breaks. */
FILE *first_readable(const char **c, int n) {
  int pick = -1;
  for (int i = 0; i < n; i++)
    if (access(c[i], R_OK) == 0) {
      pick = i;
      break;
    }
  if (pick < 0)
    return NULL;
  return fopen(c[pick], "r+");                  // MISSING[toctou-check-use]
}
