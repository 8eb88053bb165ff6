// ARGS: --min-risk low
/* What the check tested does not speak for a name the program made anew
 * between the check and the use (risk.c made_after_check()): busybox tar
 * (data_extract_all.c) lstat()s dst_name only to compare its mtime, then
 * mkdir()s or mknod()s it and chown()s, chmod()s it by name as root. The
 * up-to-date test would lower the pair; the creation is what matters. */
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int extract(const char *dst, int newer, time_t mtime, mode_t mode, uid_t u, gid_t g) {
  struct stat sb;
  if (newer && lstat(dst, &sb) == 0 && sb.st_mtime >= mtime)   // NOTE[toctou-symlink-check]
    return 0;
  if (mkdir(dst, mode) != 0)
    return -1;
  chown(dst, u, g);                        // WARNING[toctou-symlink-check risk=high because="mkdir() made the name anew after the check"]
  return chmod(dst, mode);                 // WARNING[toctou-symlink-check risk=high because="mkdir() made the name anew after the check"]
}

/* the twin without the creation: the same up-to-date test lowers it */
int restamp(const char *dst, time_t mtime, mode_t mode, uid_t u, gid_t g) {
  struct stat sb;
  if (lstat(dst, &sb) == 0 && sb.st_mtime >= mtime)   // NOTE[toctou-symlink-check]
    return 0;
  chown(dst, u, g);                        // WARNING[toctou-symlink-check risk=medium because="tested only size or times"]
  return chmod(dst, mode);                 // WARNING[toctou-symlink-check risk=medium because="tested only size or times"]
}
