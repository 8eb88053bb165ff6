// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: an existence-only check (access(F_OK), or stat() whose
 * result alone is tested) followed by a read-only use belongs to the rule
 * toctou-exists-read, which is off by default: without
 * --enable toctou-exists-read none of these is reported. The write use and
 * the consulted stat buffer at the end stay toctou-check-use. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int exists_then_open_rdonly(const char *p) {
  if (access(p, F_OK) != 0)
    return -1;
  return open(p, O_RDONLY);                     // no-warning
}

FILE *exists_then_fopen_r(const char *p) {
  if (access(p, F_OK) == 0)
    return fopen(p, "r");                       // no-warning
  return NULL;
}

DIR *stat_result_then_opendir(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)
    return NULL;
  return opendir(p);                            // no-warning
}

int lstat_result_then_chdir(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0)
    return chdir(p);                            // no-warning
  return -1;
}

/* Same existence check, but the use writes: toctou-check-use. */
int exists_then_open_write(const char *p) {
  if (access(p, F_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(p, O_WRONLY);                     // WARNING[toctou-check-use]
}

/* stat() whose buffer is consulted, then a read-only open:
 * toctou-check-use. */
int stat_isreg_then_open_rdonly(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(p, O_RDONLY);                     // WARNING[toctou-check-use]
}
