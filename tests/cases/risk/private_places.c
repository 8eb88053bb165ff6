// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Names nobody else can write (risk.c private_place()): under a directory
 * the program made with mkdtemp() (nobody could make it first; libfuse
 * test_signals.c, snap-confine's scratch directory) or with mkdir(dir,
 * 0700) (risk_facts.c note_private_dir()): lowered, not "/tmp is writable
 * by every user". The twin in a shared directory stays high. (Names under
 * /proc and /sys are no check-then-use at all: rules/checkuse.c.) */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int in_mkdtemp(void) {
  char tmpl[] = "/tmp/app_XXXXXX";
  char path[256];
  struct stat st;
  char *d = mkdtemp(tmpl);
  if (!d)
    return -1;
  snprintf(path, sizeof path, "%s/file", d);
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(path, O_WRONLY);             // WARNING[toctou-check-use risk=low because="private directory the program made with mkdtemp()"]
}

int in_private_dir(void) {
  char path[256];
  struct stat st;
  if (mkdir("/tmp/app-priv", 0700) != 0)
    return -1;
  snprintf(path, sizeof path, "/tmp/app-priv/%d", getpid());
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(path, O_WRONLY);             // WARNING[toctou-check-use risk=low because="which the program made with mode 0700"]
}

int in_shared_dir(void) {
  char path[256];
  struct stat st;
  snprintf(path, sizeof path, "/tmp/app-shared/%d", getpid());
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(path, O_WRONLY);             // WARNING[toctou-check-use risk=high because="every user can write"]
}
