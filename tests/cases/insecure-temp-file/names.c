// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* insecure-temp-file: a name from tmpnam(), tempnam() or mktemp() created
 * without O_EXCL, and the safe forms next to each. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int tmpnam_then_open(void) {
  char *name = tmpnam(NULL);                            // NOTE[insecure-temp-file "tmpnam()"]
  return open(name, O_RDWR | O_CREAT, 0600);            // WARNING[insecure-temp-file "'name', named by tmpnam(), without O_EXCL"]
}

int tmpnam_then_open_excl(void) {
  char *name = tmpnam(NULL);                            // no-warning
  return open(name, O_RDWR | O_CREAT | O_EXCL, 0600);   // no-warning
}

int mktemp_buffer_then_open(void) {
  char tmpl[] = "/tmp/appXXXXXX";
  mktemp(tmpl);                                         // NOTE[insecure-temp-file "mktemp()"]
  return open(tmpl, O_WRONLY | O_CREAT | O_TRUNC, 0600); // WARNING[insecure-temp-file "use mkstemp()"]
}

int mkstemp_instead(void) {
  char tmpl[] = "/tmp/appXXXXXX";
  return mkstemp(tmpl);                                 // no-warning
}

FILE *tempnam_then_fopen(void) {
  char *name = tempnam("/var/tmp", "app");              // NOTE[insecure-temp-file]
  FILE *f = fopen(name, "w");                           // WARNING[insecure-temp-file "fopen() creates 'name', named by tempnam()"]
  free(name);
  return f;
}

FILE *tempnam_then_fopen_x(void) {
  char *name = tempnam(NULL, "app");
  FILE *f = fopen(name, "wx");                          // no-warning
  free(name);
  return f;
}

FILE *tmpnam_buffer_append(void) {
  char buf[L_tmpnam];
  tmpnam(buf);                                          // NOTE[insecure-temp-file]
  return fopen(buf, "a+");                              // WARNING[insecure-temp-file]
}

FILE *tmpfile_instead(void) {
  return tmpfile();                                     // no-warning
}

int tmpnam_r_then_creat(void) {
  char buf[L_tmpnam];
  if (!tmpnam_r(buf))                                   // NOTE[insecure-temp-file]
    return -1;
  return creat(buf, 0600);                              // WARNING[insecure-temp-file "creat()"]
}

int o_tmpfile_instead(void) {
  return open("/tmp", O_TMPFILE | O_RDWR, 0600);        // no-warning
}

FILE *tmpnam_then_freopen(void) {
  char *name = tmpnam(NULL);                            // NOTE[insecure-temp-file]
  return freopen(name, "w", stdout);                    // WARNING[insecure-temp-file "freopen()"]
}

/* Opening without O_CREAT creates nothing: whatever created the file is
 * where the race is (insecure-temp-name, off by default, tells). */
int tmpnam_then_open_existing(void) {
  char *name = tmpnam(NULL);
  return open(name, O_RDONLY);                          // no-warning
}

FILE *nested_call(void) {
  return fopen(tmpnam(NULL), "w");                      // WARNING[insecure-temp-file "fopen() creates a file, named by tmpnam()"] NOTE[insecure-temp-file]
}

int mkfifo_fails_if_it_exists(void) {
  char *name = tmpnam(NULL);
  return mkfifo(name, 0600);                            // no-warning
}

FILE *derived_name(void) {
  char path[L_tmpnam + 8];
  snprintf(path, sizeof path, "%s.txt", tmpnam(NULL));  // NOTE[insecure-temp-file]
  return fopen(path, "w");                              // WARNING[insecure-temp-file]
}

int excl_and_nofollow(void) {
  char tmpl[] = "appXXXXXX";
  char *name = mktemp(tmpl);
  return open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);   // no-warning
}

int copied_pointer(void) {
  char *name = tmpnam(NULL);                            // NOTE[insecure-temp-file]
  char *q = name;
  printf("using %s\n", q);
  return open(q, O_WRONLY | O_CREAT, 0600);             // WARNING[insecure-temp-file "'q'"]
}

int flags_unknown(int flags) {
  char *name = tmpnam(NULL);
  return open(name, flags, 0600);                       // no-warning
}

int openat_cwd(void) {
  char *name = tmpnam(NULL);                            // NOTE[insecure-temp-file]
  return openat(AT_FDCWD, name, O_WRONLY | O_CREAT, 0600); // WARNING[insecure-temp-file "openat()"]
}

int openat_private_dir(int dirfd) {
  char *name = tmpnam(NULL);
  return openat(dirfd, name, O_WRONLY | O_CREAT, 0600); // no-warning
}

int reassigned_before_open(const char *safe) {
  char *name = tmpnam(NULL);
  name = (char *)safe;
  return open(name, O_WRONLY | O_CREAT, 0600);          // no-warning
}

/* Known gap: a creation inside the program's own wrapper is not followed. */
static int create_file(const char *p) {
  return open(p, O_WRONLY | O_CREAT, 0600);             // no-warning
}

int through_a_wrapper(void) {
  return create_file(tmpnam(NULL));                     // MISSING[insecure-temp-file]
}
