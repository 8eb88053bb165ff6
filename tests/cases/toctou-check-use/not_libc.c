/* toctou-check-use: functions merely named like libc's are not libc's. */
#include <fcntl.h>

struct ops { int (*access)(const char *, int); int (*open)(const char *, int); };

static int access(const char *p, int mode) { (void)p; return mode; }

int own_access(const char *p) {
  if (access(p, 0) == 0)
    return open(p, O_RDONLY);                   // no-warning
  return -1;
}

int through_pointers(struct ops *o, const char *p) {
  if (o->access(p, 0) == 0)
    return o->open(p, O_RDONLY);                // no-warning
  return -1;
}
