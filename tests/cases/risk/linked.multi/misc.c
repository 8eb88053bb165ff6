/* procmail's: Terminate() takes its group back to release its locks. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static gid_t sgid;

void nlog(const char *a) { fputs(a, stderr); }

void Terminate(void) {
  if (setegid(sgid))
    nlog("cannot take the group back\n");
  exit(1);
}
