// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: the program's own functions, function-pointer fields and
 * variables that merely share a libc name are not checks. (No <sys/stat.h>
 * here: this file defines its own stat().) */
#include <fcntl.h>
#include <unistd.h>

struct info { unsigned mode; unsigned uid; };
struct entry { struct info stat; const char *path; int open; };
struct fs_ops {
  int (*stat)(const char *, struct info *);
  int (*unlink)(const char *);
};

/* A static function with a body, named stat: it reads a cache, not the
 * file system. */
static int stat(const char *p, struct info *out) {
  out->mode = (unsigned)p[0];
  out->uid = 0;
  return 0;
}

int own_stat(const char *p) {
  struct info in;
  if (stat(p, &in) != 0 || in.uid != 0)
    return -1;
  return unlink(p);                             // no-warning
}

/* A stat function pointer in an operations table. */
int ops_stat(struct fs_ops *ops, const char *p) {
  struct info in;
  if (ops->stat(p, &in) != 0)
    return -1;
  return open(p, O_WRONLY);                     // no-warning
}

/* A function pointer named unlink as the use, after a real access(). */
int ops_unlink(struct fs_ops *ops, const char *p) {
  if (access(p, W_OK) != 0)
    return -1;
  return ops->unlink(p);                        // no-warning
}

/* A struct member named stat (and one named open) is data, not a call. */
int member_named_stat(struct entry *e) {
  if ((e->stat.mode & 0170000) != 0100000 || e->open)
    return -1;
  return open(e->path, O_WRONLY);               // no-warning
}

/* A local variable named access. */
int variable_named_access(const char *p, int (*perm)(const char *)) {
  int access = perm(p);
  if (access)
    return unlink(p);                           // no-warning
  return -1;
}
