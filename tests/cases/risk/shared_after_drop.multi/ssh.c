// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* openssh's ssh: another program linking the same configuration reader,
 * with no sign of privilege. Nothing is reported here. */
#include "keysign.h"

int main(int argc, char **argv) {
  return argc > 1 ? read_config(argv[1]) : 0;
}
