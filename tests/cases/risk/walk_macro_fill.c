/* A walk that removes its entries is a walk that acts, also when the
 * entry's path is formatted by a macro with a test of its own (lxc's
 * strnprintf(): snprintf(), then `if (ret >= size) ret = -EIO`), whose
 * join hides the fill from the look-back (lxc utils.c:132 _recursive_rmdir
 * was "opendir() only reads the file"). */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define strnprintf(buf, buf_size, ...)                                   \
  ({                                                                     \
    int r_;                                                              \
    r_ = snprintf(buf, buf_size, ##__VA_ARGS__);                         \
    if (r_ < 0 || (size_t)r_ >= (size_t)(buf_size))                      \
      r_ = -5;                                                           \
    r_;                                                                  \
  })

static int remove_tree(const char *dirname)
{
  struct dirent *de;
  char pathname[PATH_MAX];
  struct stat st;
  int failed = 0;
  DIR *dir = opendir(dirname);
  if (!dir)
    return -1;
  while ((de = readdir(dir))) {
    if (strnprintf(pathname, sizeof(pathname), "%s/%s", dirname, de->d_name) < 0)
      continue;
    if (lstat(pathname, &st))
      continue;
    if (S_ISDIR(st.st_mode))
      failed |= remove_tree(pathname);   // WARNING[toctou-symlink-check risk=high because="recurses"]
    else if (unlink(pathname) < 0)   // WARNING[toctou-symlink-check risk=medium because="does not follow"]
      failed = 1;
  }
  closedir(dir);
  return failed ? -1 : rmdir(dirname);
}

/* The twin that only lists what it walks: a read. */
static int list_tree(const char *dirname)
{
  struct dirent *de;
  char pathname[PATH_MAX];
  struct stat st;
  DIR *dir = opendir(dirname);
  if (!dir)
    return -1;
  while ((de = readdir(dir))) {
    if (strnprintf(pathname, sizeof(pathname), "%s/%s", dirname, de->d_name) < 0)
      continue;
    if (lstat(pathname, &st))
      continue;
    if (S_ISDIR(st.st_mode))
      list_tree(pathname);   // WARNING[toctou-symlink-check risk=medium because="only reads"]
    else
      puts(pathname);
  }
  closedir(dir);
  return 0;
}

int main(int argc, char **argv)
{
  return argc > 2 ? remove_tree(argv[1]) : list_tree(argv[1]);
}
