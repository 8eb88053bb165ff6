// ARGS: --min-risk low
/* tar extracts as root: it hands files to their owners (chown() to
 * another user), through a handler it names, not calls. */
#include <fcntl.h>
#include <unistd.h>

#include "libbb.h"

struct handle {
  int (*action)(struct handle *, const char *);
  uid_t uid;
  gid_t gid;
};

static int extract(struct handle *h, const char *name) {
  int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    return -1;
  close(fd);
  return chown(name, h->uid, h->gid);   // WARNING[name-after-create risk=high because="chown()s files to other users"]
}

int tar_main(int argc, char **argv) {
  struct handle h = {extract, 1000, 1000};
  if (argc < 2)
    return 1;
  xopen_for_update(argv[1]);
  return h.action(&h, argv[1]);
}
