// ARGS: --min-risk low
/* Another program in the database, with its own main(): privilege is
 * then found per program, from the entries, not pooled. */
#include <unistd.h>

int main(void) {
  return unlink("/tmp/other.pid");
}
