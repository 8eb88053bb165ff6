// ARGS: --min-risk low
#include <grp.h>
#include <sys/types.h>

#include "app.h"

void enter_group_of(const char *user) {
  initgroups(user, 1);
}
