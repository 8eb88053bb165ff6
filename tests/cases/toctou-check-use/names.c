// ARGS: --min-risk low
/* toctou-check-use: which expressions name the same file. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCKFILE "/var/lock/app.lock"

struct config { const char *path; const char *backup; };

int literal(void) {
  if (access("/etc/app.conf", R_OK) != 0)       // NOTE[toctou-check-use]
    return -1;
  return open("/etc/app.conf", O_RDONLY);       // WARNING[toctou-check-use "'\"/etc/app.conf\"'"]
}

int different_literals(void) {
  if (access("/etc/a.conf", R_OK) != 0)
    return -1;
  return open("/etc/b.conf", O_RDONLY);         // no-warning
}

int macro_constant(void) {
  if (access(LOCKFILE, F_OK) == 0)              // NOTE[lockfile-race]
    return -1;
  return creat(LOCKFILE, 0644);                 // WARNING[lockfile-race]
}

int field(struct config *c) {
  struct stat st;
  if (stat(c->path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return open(c->path, O_RDONLY);               // WARNING[toctou-check-use]
}

int other_field(struct config *c) {
  if (access(c->path, R_OK) != 0)
    return -1;
  return open(c->backup, O_RDONLY);             // no-warning
}

int field_overwritten(struct config *c, const char *p) {
  if (access(c->path, R_OK) != 0)
    return -1;
  c->path = p;
  return open(c->path, O_RDONLY);               // no-warning
}

int buffer_refilled(const char *a, const char *b) {
  char buf[256];
  strcpy(buf, a);
  if (access(buf, R_OK) != 0)
    return -1;
  strcpy(buf, b);
  return open(buf, O_RDONLY);                   // no-warning
}

int buffer_kept(const char *a) {
  char buf[256];
  strcpy(buf, a);
  if (access(buf, R_OK) != 0)                   // NOTE[toctou-check-use]
    return -1;
  return open(buf, O_RDONLY);                   // WARNING[toctou-check-use]
}

int proc_self_fd(void) {
  if (access("/proc/self/fd/3", R_OK) != 0)
    return -1;
  return open("/proc/self/fd/3", O_RDONLY);     // no-warning
}

int copy_of_name(const char *p) {
  const char *q = p;
  if (access(p, R_OK) != 0)                     // NOTE[toctou-check-use]
    return -1;
  return open(q, O_RDONLY);                     // WARNING[toctou-check-use]
}

int shadowed(const char *p) {
  if (access(p, R_OK) != 0)
    return -1;
  {
    const char *p = "/other";
    return open(p, O_RDONLY);                   // no-warning
  }
}
