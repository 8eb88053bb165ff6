// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* postfix's set_ugid() and set_eugid() (util/set_ugid.c, set_eugid.c): a
 * root program switches to one user, for good with setuid(), or for a
 * while with seteuid(). Nothing is reported here. */
#include <grp.h>
#include <stdlib.h>
#include <unistd.h>

#include "ids.h"

void set_ugid(uid_t uid, gid_t gid) {
  if (setgid(gid) < 0 || setgroups(1, &gid) < 0 || setuid(uid) < 0)
    exit(1);
}

void set_eugid(uid_t euid, gid_t egid) {
  if (seteuid(0) < 0 || setegid(egid) < 0 || seteuid(euid) < 0)
    exit(1);
}
