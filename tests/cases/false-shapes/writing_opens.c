// ARGS: --min-risk low
/* Issue 10, cause 2: an open that writes or creates, and whose handle the
 * program then writes through, is the work itself, not a probe of the file.
 * Test programs rewrite their configuration this way (linux-pam's
 * tst-*-retval.c). Nor is an open whose handle is read for the contents
 * that are then written back. An open is a check when it opens to look:
 * its handle only tested and closed. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ASSERT_NE(a, b) do { if ((a) == (b)) abort(); } while (0)

/* linux-pam's tst-pam_echo-retval.c: write the service file, run, rewrite */
void rewrite_service(const char *service_file) {
  FILE *fp;
  ASSERT_NE(NULL, fp = fopen(service_file, "w"));
  fprintf(fp, "auth required pam_permit.so\n");
  fclose(fp);
  ASSERT_NE(NULL, fp = fopen(service_file, "w"));   // no-warning
  fprintf(fp, "auth required pam_deny.so\n");
  fclose(fp);
}

/* the same with descriptors: write, close, append */
void log_twice(const char *log) {
  int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    return;
  write(fd, "a\n", 2);
  close(fd);
  fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);   // no-warning
  if (fd >= 0)
    close(fd);
}

/* firejail's etc-cleanup: read the profile, write the result back */
void rewrite_profile(const char *fname) {
  char line[256], out[4096] = "";
  FILE *fp = fopen(fname, "r");
  if (!fp)
    return;
  while (fgets(line, sizeof line, fp))
    if (line[0] != '#')
      strncat(out, line, sizeof out - strlen(out) - 1);
  fclose(fp);
  fp = fopen(fname, "w");   // no-warning
  if (!fp)
    return;
  fputs(out, fp);
  fclose(fp);
}

/* the real twin: a read-only open that only looks (pam_conv_y.c), then a
 * creation where it found nothing */
FILE *open_conf(const char *filename) {
  FILE *conf = fopen(filename, "r");
  if (conf == NULL)
    return fopen(filename, "w");   // WARNING[toctou-check-use]
  fclose(conf);
  return fopen(filename, "a");     // WARNING[toctou-check-use]
}

/* a writing open only tested and closed is a probe (can I write it?) */
int probe_then_truncate(const char *p) {
  int fd = open(p, O_WRONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return open(p, O_WRONLY | O_TRUNC);   // WARNING[toctou-check-use]
}

/* where the writing open failed, what follows is decided by it: the
 * O_NOFOLLOW fallback by name */
int fallback_by_name(const char *p) {
  int fd = open(p, O_WRONLY | O_NOFOLLOW);
  if (fd < 0)
    return chmod(p, 0600);   // WARNING[toctou-check-use]
  write(fd, "x", 1);
  return close(fd);
}
