// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* What main() calls only after a switch for good to one user that is not
 * root (postsuper: set_ugid(var_owner_uid, var_owner_gid) before its
 * queue walks) runs with that user's rights: a swap in the queue gains
 * nothing that user could not do. The twin is also called before the
 * switch: it runs as root there, and stays high. */
#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ids.h"

void walk_queue(const char *path) {
  struct dirent *de;
  struct stat st;
  char name[4096];
  DIR *d = opendir(path);
  while (d && (de = readdir(d))) {
    snprintf(name, sizeof name, "%s/%s", path, de->d_name);
    if (lstat(name, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
      continue;
    chmod(name, 0600);   // WARNING[toctou-symlink-check risk=low because="after set_ugid() in main() gave the rights up"]
  }
}

void walk_queue_as_root(const char *path) {
  struct dirent *de;
  struct stat st;
  char name[4096];
  DIR *d = opendir(path);
  while (d && (de = readdir(d))) {
    snprintf(name, sizeof name, "%s/%s", path, de->d_name);
    if (lstat(name, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-symlink-check]
      continue;
    chmod(name, 0600);   // WARNING[toctou-symlink-check risk=high]
  }
}
