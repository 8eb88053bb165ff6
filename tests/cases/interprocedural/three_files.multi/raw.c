// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural, three files: the lowest use wrapper. */
#include <fcntl.h>
#include <unistd.h>

#include "fs.h"

int write_all(const char *p, const void *buf, size_t n) {
  int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);   // NOTE[toctou-check-use "save_text() uses its argument with open() here"]
  if (fd < 0)
    return -1;
  ssize_t w = write(fd, buf, n);
  close(fd);
  return w == (ssize_t)n ? 0 : -1;
}
