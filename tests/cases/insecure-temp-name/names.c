// ARGS: --min-risk low
// ARGS: --enable insecure-temp-name
/* insecure-temp-name (off by default): a tmpnam()/tempnam()/mktemp() name
 * that no call in the function creates a file by. A name the function
 * creates is insecure-temp-file's to judge (O_EXCL or not), so it is not
 * reported here. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

char *name_for_a_caller(void) {
  return tmpnam(NULL);                                  // WARNING[insecure-temp-name "tmpnam() makes a name that no call in this function creates"]
}

int created_here_exclusively(void) {
  char *name = tmpnam(NULL);                            // no-warning
  return open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
}

int handed_to_a_shell(void) {
  char cmd[512];
  char *name = tmpnam(NULL);                            // WARNING[insecure-temp-name]
  snprintf(cmd, sizeof cmd, "sort data > %s", name);
  return system(cmd);
}

int made_into_a_fifo(void) {
  char *name = tmpnam(NULL);                            // no-warning
  return mkfifo(name, 0600);
}

/* Created here without O_EXCL: insecure-temp-file reports the open, with
 * a note on the maker; this rule stays quiet. */
int created_here_carelessly(void) {
  char tmpl[] = "/tmp/appXXXXXX";
  char *name = mktemp(tmpl);                            // NOTE[insecure-temp-file]
  return open(name, O_WRONLY | O_CREAT, 0600);          // WARNING[insecure-temp-file]
}

int mkstemp_needs_no_name_rule(void) {
  char tmpl[] = "/tmp/appXXXXXX";
  return mkstemp(tmpl);                                 // no-warning
}

/* Only read and removed here: someone else created it. */
int read_then_unlinked(void) {
  char *name = tempnam(NULL, "job");                    // WARNING[insecure-temp-name "tempnam()"]
  FILE *f = fopen(name, "r");
  if (f)
    fclose(f);
  unlink(name);
  free(name);
  return 0;
}

int mkdir_by_the_name(void) {
  char *name = tmpnam(NULL);                            // no-warning
  return mkdir(name, 0700);
}

void result_ignored(void) {
  char buf[L_tmpnam];
  tmpnam(buf);                                          // WARNING[insecure-temp-name]
}
