/* formail: no sign of privilege in what it links (see procmail.c), so
 * the same pair as procmail's open_rcfile() is medium (the use and the
 * check raise it), not high: no privilege reason. */
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <unistd.h>

void *trealloc(void *old, size_t len);
void loadbuf(const char *text, size_t len);

static int split_to(const char *name) {
  struct stat st;
  if (stat(name, &st) != 0 || st.st_uid != getuid())
    return -1;
  return open(name, O_RDWR);   // WARNING[toctou-check-use risk=medium because="stat() tested the owner"]
}

int main(int argc, char **argv) {
  char *buf = trealloc(NULL, 64);
  loadbuf("x", 1);
  return buf && argc > 1 ? split_to(argv[1]) : 1;
}
