// ARGS: --min-risk low
/* Privilege per program when the file with main() cannot produce a
 * finding itself: the pre-filter does not parse it, but its calls still
 * join the program's call graph (read lexically, prefilter.c), so save()
 * runs in the program that calls initgroups(). */
#include "app.h"

int main(void) {
  enter_group_of("daemon");
  return save_state();
}
