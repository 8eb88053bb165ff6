// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
#include <stdlib.h>
#include <unistd.h>

#include "ids.h"

int main(int argc, char **argv) {
  uid_t owner = (uid_t)atoi(argv[1]);
  walk_queue_as_root("/tmp/incoming");
  set_ugid(owner, owner);
  walk_queue("/tmp/queue");
  walk_queue_as_root("/tmp/deferred");
  return argc;
}
