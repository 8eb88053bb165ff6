// ARGS: --min-risk low
/* Issue 10, cause 4 (postfix global/mail_stream.c:615, postsuper.c:562): a
 * helper that does the work (rename()) and, when it fails, looks at the
 * names (stat(), to see through a spurious NFS error) is called again
 * after the cause of the failure was dealt with (the missing parent
 * directories made). The retry does the same work on the same names: the
 * first call is the work, not a check of the second. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int mkdirs_for(const char *path);

static int sane_rename(const char *from, const char *to) {
  struct stat st;
  int saved_errno;
  if (rename(from, to) >= 0)
    return 0;
  saved_errno = errno;
  if (stat(from, &st) < 0 && stat(to, &st) >= 0)
    return 0;
  errno = saved_errno;
  return -1;
}

int postrename(const char *old, const char *new) {
  int ret;
  if ((ret = sane_rename(old, new)) < 0) {
    if (errno != ENOENT || mkdirs_for(new) < 0 || (ret = sane_rename(old, new)) < 0)   // no-warning
      perror(new);
  }
  return ret;
}

/* Real twin: after the helper's look at the name, another operation on it. */
int postrename_or_fix(const char *old, const char *new) {
  if (sane_rename(old, new) < 0) {   // NOTE[toctou-check-use]
    chmod(old, 0600);   // WARNING[toctou-check-use]
    return -1;
  }
  return 0;
}
