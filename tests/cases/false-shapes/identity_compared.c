// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10 c6: open, fstat() of the descriptor, lstat() of the name and a
 * st_dev/st_ino comparison, in any order, is the safe idiom (CERT
 * POS35-C): the lstat() by name asks whether the name still is the open
 * file. at 3.1.16 atd.c:299 fstat()s a dup() of fileno(stream); a
 * descriptor's dup() is the same open file (analysis/revalidate.c). The
 * twin compares nothing: its lstat() by name is reported, with the fix. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int run_file(const char *filename) {
  struct stat buf, lbuf;
  FILE *stream = fopen(filename, "r");
  if (stream == NULL)
    return -1;
  int fd_in = dup(fileno(stream));
  if (fd_in < 0 || fstat(fd_in, &buf) == -1)
    exit(1);
  if (lstat(filename, &lbuf) == -1)   // no-warning
    exit(1);
  if (S_ISLNK(lbuf.st_mode))
    exit(1);
  if (lbuf.st_dev != buf.st_dev || lbuf.st_ino != buf.st_ino)
    exit(1);
  fclose(stream);
  return fd_in;
}

int run_file_unchecked(const char *filename) {
  struct stat buf, lbuf;
  FILE *stream = fopen(filename, "r");   // NOTE[name-after-open]
  if (stream == NULL)
    return -1;
  int fd_in = dup(fileno(stream));
  if (fd_in < 0 || fstat(fd_in, &buf) == -1)
    exit(1);
  if (lstat(filename, &lbuf) == -1)   // WARNING[name-after-open "fstat() on fileno(stream)"]
    exit(1);
  if (S_ISLNK(lbuf.st_mode) || buf.st_size == 0)
    exit(1);
  fclose(stream);
  return fd_in;
}
