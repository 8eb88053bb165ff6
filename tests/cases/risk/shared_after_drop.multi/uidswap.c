// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* openssh's uidswap.c: a permanent switch to one user, and a test that
 * the old group cannot be taken back (fatal if it can). Nothing is
 * reported here. */
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "keysign.h"

void permanently_set_uid(struct passwd *pw) {
  gid_t old_gid = getegid();
  if (setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == -1)
    abort();
  if (setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == -1)
    abort();
  if (old_gid != pw->pw_gid && (setgid(old_gid) != -1 || setegid(old_gid) != -1))
    abort();   /* was able to restore the old gid */
}
