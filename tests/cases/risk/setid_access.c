// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A set-user-ID program: it gives its rights back to the real user
 * somewhere (setuid(getuid())), so its real and effective ids differ.
 * access() then asks about the real user while open() runs with the
 * program's rights: the textbook race (CWE-367). root_daemon.c is the
 * twin started as root. */
#include <fcntl.h>
#include <unistd.h>

int drop(void) {
  return setuid(getuid());
}

int read_for_user(const char *p) {
  if (access(p, R_OK) != 0)
    return -1;
  return open(p, O_RDONLY);                // WARNING[toctou-check-use risk=high because="tests the real user's rights, the use runs with the program's"]
}

/* eaccess() asks with the effective ids, the program's own: no gap */
int read_for_program(const char *p) {
  if (eaccess(p, R_OK) != 0)
    return -1;
  return open(p, O_RDONLY);                // WARNING[toctou-check-use risk=low because="eaccess() asks with the effective ids"]
}

/* faccessat() with AT_EACCESS likewise */
int write_for_program(const char *p) {
  if (faccessat(AT_FDCWD, p, W_OK, AT_EACCESS) != 0)
    return -1;
  return open(p, O_WRONLY);         // WARNING[toctou-check-use risk=low because="faccessat() asks with the effective ids"]
}
