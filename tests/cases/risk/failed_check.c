// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* A use reached only when the check FAILED (risk.c only_when_failed()):
 * at 3.1.16 at.c:310, `if (stat(atfile, &st) != 0) if (errno != ENOENT)
 * perr(...)`, and perr() unlinks the job file. The check learnt nothing
 * about the file the use acts on: low. The twins: the same use when the
 * check passed, and a use that creates the name after "it does not
 * exist" (issue 10 c1: the program believes it makes a new file). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define JOB "/tmp/app.job"


int on_failure(void) {
  struct stat st;
  if (stat(JOB, &st) != 0) {   // NOTE[toctou-check-use]
    if (errno != ENOENT)
      chmod(JOB, 0600);   // WARNING[toctou-check-use risk=low because="the use runs only when stat() failed"]
    return -1;
  }
  return st.st_uid == getuid();
}

int on_success(void) {
  struct stat st;
  if (stat(JOB, &st) != 0 || st.st_uid != getuid())   // NOTE[toctou-check-use]
    return -1;
  return chmod(JOB, 0600);   // WARNING[toctou-check-use risk=high]
}

int create_when_missing(void) {
  const char *job = getenv("APP_JOB");
  struct stat st;
  if (!job || (stat(job, &st) == 0 && S_ISREG(st.st_mode)))   // NOTE[toctou-check-use]
    return 0;
  return open(job, O_CREAT | O_WRONLY, 0600);   // WARNING[toctou-check-use risk=high]
}
