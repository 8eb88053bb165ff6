/* Functions and calls that come from macro expansions are analysed, and
 * located at the expansion site. */
#include <unistd.h>
#include <fcntl.h>

#define DEFINE_OPENER(name) \
  int name(const char *p) { if (access(p, R_OK) == 0) return open(p, O_RDONLY); return -1; }
#define ACCESS(p) access(p, F_OK)

DEFINE_OPENER(opener)

int via_macro(const char *p) {
  if (ACCESS(p) != 0)
    return -1;
  return 0;
}
