#include <fcntl.h>
#include <unistd.h>
/* fsrace-ignore-function[toctou-check-use]: our own 0700 directory */
int f(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);   // fsrace-ignore[toctou-check-use]: reason
  // fsrace-ignore[toctou-check-use, name-after-open]: the next line
  open(p, 0);
  open(p, 0);  // NOLINT(fsrace-toctou-check-use)
  // NOLINTNEXTLINE(fsrace-*)
  open(p, 0);
  open("a // fsrace-ignore[*]: not a comment", 0); /* fsrace-ignore[*]: in a block */
  open(p, 0); // fsrace-ignore[no-such-rule]: unknown
  return '"'; // fsrace-ignore[]:
}
