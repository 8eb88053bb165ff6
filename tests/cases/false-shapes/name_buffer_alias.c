// ARGS: --min-risk low
/* Issue 10 (busybox libbb/procps.c): a pointer into the name's buffer,
 * set on a path that does not lead straight to the check (both arms of an
 * if), and a write through it between the check and the use: the buffer
 * then holds another name (/srv/PID/ is checked, /srv/PID/stat used). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int scan(unsigned pid, unsigned tid, int task) {
  char filename[64];
  char *tail;
  struct stat sb;
  if (task)
    tail = filename + sprintf(filename, "/srv/%u/task/%u/", pid, tid);
  else
    tail = filename + sprintf(filename, "/srv/%u/", pid);
  if (stat(filename, &sb) || sb.st_uid != 0)
    return -1;
  strcpy(tail, "stat");
  return chmod(filename, 0600);            // no-warning
}

int scan_store(unsigned pid, int task) {
  char filename[64];
  char *end;
  struct stat sb;
  if (task)
    end = filename + sprintf(filename, "/srv/%u/task", pid);
  else
    end = filename + sprintf(filename, "/srv/%u", pid);
  if (stat(filename, &sb) || sb.st_uid != 0)
    return -1;
  *end = '\0';
  return chmod(filename, 0600);            // no-warning
}

/* Real twin: the name is completed before the check. */
int scan_complete(unsigned pid, unsigned tid, int task) {
  char filename[64];
  char *tail;
  struct stat sb;
  if (task)
    tail = filename + sprintf(filename, "/srv/%u/task/%u/", pid, tid);
  else
    tail = filename + sprintf(filename, "/srv/%u/", pid);
  strcpy(tail, "stat");
  if (stat(filename, &sb) || sb.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  return chmod(filename, 0600);            // WARNING[toctou-check-use]
}

/* Real twin: the pointer into the buffer is only read. */
int scan_read(unsigned pid, int task) {
  char filename[64];
  char *tail;
  struct stat sb;
  if (task)
    tail = filename + sprintf(filename, "/srv/%u/task/", pid);
  else
    tail = filename + sprintf(filename, "/srv/%u/", pid);
  if (stat(filename, &sb) || sb.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  if (!strcmp(tail, "x"))
    return -1;
  return chmod(filename, 0600);            // WARNING[toctou-check-use]
}
