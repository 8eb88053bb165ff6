/* At the default level (medium and up) low-risk findings are left out and
 * counted; a real twin of each stays. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* an existence check before a use that does not create: low, not shown */
int pid_exists(void) {
  if (access("/var/run/app.pid", F_OK) != 0)
    return -1;
  return open("/var/run/app.pid", O_RDWR);   // no-warning
}

/* the real twin: the check tested the type, in /tmp */
int tmp_pid(void) {
  struct stat st;
  if (stat("/tmp/app.pid", &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  return open("/tmp/app.pid", O_RDWR);       // WARNING[toctou-check-use risk=high]
}

/* an unprivileged read of a name nobody else is shown to control: low */
int read_own(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);              // no-warning
  return -1;
}

/* a fixed name in a root-owned directory: low */
int etc_read(void) {
  struct stat st;
  if (stat("/etc/app.conf", &st) == 0 && st.st_uid == 0)
    return open("/etc/app.conf", O_WRONLY);   // no-warning
  return -1;
}
