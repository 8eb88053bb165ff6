// ARGS: --min-risk low
// CFLAGS: -O2 -D_FORTIFY_SOURCE=2
/* Built as distributions build, snprintf()/sprintf() are glibc's checking
 * variants (__builtin___snprintf_chk(buf, n, flag, size, fmt, ...)): the
 * name they make must still be known, for the directory it lives in and
 * for the buffer being rewritten with another name. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int tmp_entry(const char *name) {
  char buf[256];
  struct stat st;
  snprintf(buf, sizeof buf, "/tmp/%s", name);
  if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return chmod(buf, 0700);   // WARNING[toctou-check-use risk=high because="in a directory every user can write"]
}

int etc_entry(const char *name) {
  char buf[256];
  struct stat st;
  sprintf(buf, "/etc/%s", name);
  if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return chmod(buf, 0700);   // WARNING[toctou-check-use risk=low because="under /etc/, which only root can write"]
}

/* The buffer is filled with another name before the use. */
int other_entry(const char *dir) {
  char buf[256];
  struct stat st;
  snprintf(buf, sizeof buf, "%s/a", dir);
  if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  strcpy(buf, dir);
  strcat(buf, "/b");
  return chmod(buf, 0700);   // no-warning
}

