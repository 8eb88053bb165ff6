// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, across files: the races, with the helpers of util.c. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int exists_then_write(const char *path) {
  if (file_exists(path))                        // NOTE[toctou-check-use "'path' checked here by file_exists()"]
    return write_file(path, "data\n");          // WARNING[toctou-check-use "write_file() of 'path' after file_exists() checked it"]
  return 0;
}

int regular_then_chmod(const char *path) {
  if (!is_regular(path))                        // NOTE[toctou-check-use "'path' checked here by is_regular()"]
    return -1;
  return chmod(path, 0600);                     // WARNING[toctou-check-use "chmod() of 'path' after is_regular() checked it"]
}

int access_then_write(const char *path) {
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use "'path' checked here by access()"]
    return -1;
  return write_file(path, "data\n");            // WARNING[toctou-check-use "write_file() of 'path' after access() checked it"]
}

FILE *exists_then_xfopen_w(const char *path) {
  if (file_exists(path))
    return NULL;
  return xfopen(path, "w");                     // WARNING[toctou-check-use "xfopen() of 'path' after file_exists()"]
}

FILE *exists_then_xfopen_wx(const char *path) {
  if (file_exists(path))
    return NULL;
  return xfopen(path, "wx");                    // no-warning
}

int logged_then_unlink(const char *path) {
  if (log_line(path) < 0)
    return -1;
  return unlink(path);                          // no-warning
}

int different_names(const char *a, const char *b) {
  if (!file_exists(a))
    return -1;
  return write_file(b, "x");                    // no-warning
}
