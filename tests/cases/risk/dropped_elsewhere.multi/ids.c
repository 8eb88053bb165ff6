// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Cause 7 of issue 10: the program's own functions that change its ids,
 * in a file of their own (cronie's misc.c). Nothing is reported here. */
#include <sys/fsuid.h>
#include <sys/types.h>
#include <unistd.h>

#include "ids.h"

static uid_t saved_euid;

/* gives the rights up: after it, the program acts as its user */
int swap_uids(void) {
  saved_euid = geteuid();
  return seteuid(getuid()) ? -1 : 0;
}

/* takes them back */
int swap_uids_back(void) {
  return seteuid(saved_euid) ? -1 : 0;
}

/* a permanent drop of the file-system id only */
void fs_as_user(void) {
  setfsuid(getuid());
}
