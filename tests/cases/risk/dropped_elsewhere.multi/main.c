// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Cause 7 of issue 10: access() then open() after the program gave its
 * rights up (seteuid(getuid()), setfsuid(), a project macro) runs both
 * with the user's own rights: no privilege race, at most a low finding,
 * also when the function that drops is defined in another file (cronie's
 * crontab.c calls swap_uids() of misc.c). Taken back before the use
 * (swap_uids_back()), the race is the privileged one again. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ids.h"

/* a project's macro around the drop */
#define DROP_PRIVS() do { if (seteuid(getuid()) != 0) abort(); } while (0)

int become_root(void) {
  return setgid(0);                        /* the sign of privilege */
}

/* crontab.c:896: lstat() as root, then the drop, then fopen() */
FILE *install(const char *tmp) {
  struct stat st;
  if (lstat(tmp, &st) < 0 || !S_ISREG(st.st_mode))
    return NULL;
  if (swap_uids() < 0)
    return NULL;
  FILE *f = fopen(tmp, "r+");              // WARNING[toctou-symlink-check risk=low because="after swap_uids() gave the rights up"]
  if (swap_uids_back() < 0)
    exit(1);
  return f;
}

/* the twin: the rights are back before the use */
FILE *install_as_root(const char *tmp) {
  if (swap_uids() < 0)
    return NULL;
  if (swap_uids_back() < 0)
    exit(1);
  struct stat st;
  if (lstat(tmp, &st) < 0 || !S_ISREG(st.st_mode))
    return NULL;
  return fopen(tmp, "r+");                 // WARNING[toctou-symlink-check risk=high]
}

int read_with_macro(const char *p) {
  DROP_PRIVS();
  if (access(p, R_OK) != 0)
    return -1;
  return open(p, O_RDONLY);                // WARNING[toctou-check-use risk=low because="after seteuid() gave the rights up"]
}

int write_as_fs_user(const char *p) {
  fs_as_user();
  if (access(p, W_OK) != 0)
    return -1;
  return open(p, O_WRONLY);                // WARNING[toctou-check-use risk=low because="after fs_as_user() gave the rights up"]
}

/* a path through the drop alone joins one where the rights are back
 * (cronie's crontab.c:795, a `fatal:` label): not every path runs as the
 * user */
int clean_up(const char *tmp, int failed) {
  struct stat st;
  if (swap_uids() < 0)
    return -1;
  if (failed)
    goto out;
  if (swap_uids_back() < 0)
    return -1;
  if (lstat(tmp, &st) < 0 || !S_ISREG(st.st_mode))
    return -1;
  if (st.st_size != 0)
    return 0;
out:
  return chmod(tmp, 0600);                 // WARNING[toctou-symlink-check risk=high]
}

/* the textbook set-user-ID race: nothing was given up */
int write_for_user(const char *p) {
  if (access(p, W_OK) != 0)
    return -1;
  return open(p, O_WRONLY);                // WARNING[toctou-check-use risk=high]
}
