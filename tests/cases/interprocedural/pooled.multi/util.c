// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, across files: the helpers. Their summaries are pooled
 * and used in main.c. Nothing is reported here. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;                     // NOTE[toctou-check-use "file_exists() checks its argument with stat() here"]
}

int is_regular(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)                        // NOTE[toctou-check-use "is_regular() checks its argument with stat() here"]
    return 0;
  return S_ISREG(st.st_mode);
}

int write_file(const char *p, const char *data) {
  FILE *f = fopen(p, "w");                      // NOTE[toctou-check-use "write_file() uses its argument with fopen() here"]
  if (!f)
    return -1;
  fputs(data, f);
  return fclose(f);
}

FILE *xfopen(const char *p, const char *mode) {
  FILE *f = fopen(p, mode);                     // NOTE[toctou-check-use "xfopen() uses its argument with fopen() here"]
  if (!f)
    exit(1);
  return f;
}

/* names no file */
int log_line(const char *msg) {
  return fprintf(stderr, "%s\n", msg);
}
