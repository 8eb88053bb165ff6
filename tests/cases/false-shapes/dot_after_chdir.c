// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* Issue 10, cause 6: "." after chdir(). "." names the process's own
 * working directory: no other process can make it name another
 * directory, so checks of "." and uses of "." cannot race with each other
 * (libfuse's fusermount: chdir(mnt), lstat("."), access("."), then
 * open(".", O_PATH) and fstat() of the descriptor).
 *
 * The twin: the same checks and uses by the directory's name. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int pin_cwd(const char *dir) {
  struct stat st;
  if (chdir(dir) == -1)
    return -1;
  if (lstat(".", &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  if (access(".", W_OK) == -1)
    return -1;
  return open(".", O_RDONLY | O_DIRECTORY);   // no-warning
}

int pin_by_name(const char *dir) {
  struct stat st;
  if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
    return -1;
  if (access(dir, W_OK) == -1)
    return -1;
  return open(dir, O_RDONLY | O_DIRECTORY);   // WARNING[toctou-symlink-check]
}
