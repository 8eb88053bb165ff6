// ARGS: --min-risk low
/* Issue 10, privilege per program: util-linux builds login, hwclock,
 * flock... from one compile database, with helpers in lib/. This helper
 * changes ids to read a user's file; only the programs that call it
 * (login) show privilege. Nothing is reported here. */
#include <stdio.h>
#include <unistd.h>

int get_hushlogin_status(uid_t uid, gid_t gid, const char *file) {
  uid_t ruid = getuid();
  gid_t egid = getegid();
  if (setregid(-1, gid) || setreuid(0, uid))
    return -1;
  FILE *f = fopen(file, "r");
  if (setreuid(0, ruid) || setregid(-1, egid))
    return -1;
  if (f)
    fclose(f);
  return f != NULL;
}
