// ARGS: --min-risk low
/* Issue 10, cause 8 (procmail src/mailfold.c:264): the helper is given the
 * buffer and a pointer into it (unique(buf2, chp2, ...), chp2 = buf2 + n);
 * it writes a fresh name there before it works on it, so what it does is
 * not done to the name the caller had removed in the loop's last round. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fresh_name(char *full, char *p, int serial) {
  sprintf(p, "%d.%d", (int)getpid(), serial);
  return chmod(full, 0600);
}

int deliver(char *buf, const char *final) {
  char *tail = buf + strlen(buf);
  for (int tries = 0; tries < 3; tries++) {
    if (fresh_name(buf, tail, tries) < 0)   // no-warning
      return -1;
    if (link(buf, final) == 0) {
      unlink(buf);
      return 0;
    }
    unlink(buf);
  }
  return -1;
}

/* Real twin: the helper works on the name it is given. */
static int set_mode(char *full, int serial) {
  return chmod(full, 0600 | (serial & 1));
}

int deliver_same(char *buf, const char *final) {
  for (int tries = 0; tries < 3; tries++) {
    if (set_mode(buf, tries) < 0)   // WARNING[name-after-create "after unlink() removed it"]
      return -1;
    if (link(buf, final) == 0)
      return 0;
    unlink(buf);   // NOTE[name-after-create]
  }
  return -1;
}

/* Real twin (screen window.c:928): the other pointer is another element of
 * an array of names, not a pointer into this one. */
static int open_tty(char *line, char *opt) {
  (void)opt;
  return open(line, O_RDWR | O_NOCTTY);
}

int open_device(char **args) {
  char *arg = args[0];
  if (access(arg, R_OK | W_OK) == -1)   // NOTE[toctou-check-use]
    return -1;
  return open_tty(arg, args[1]);   // WARNING[toctou-check-use]
}
