// ARGS: --min-risk low
/* Where a name comes from a directory listing (issue 10, Part 2): decided by
 * the record a field belongs to (struct dirent, FTSENT), not by the member's
 * name, and kept through a copy into a path buffer and a parameter that a
 * recursive walker passes such a buffer. No sign of privilege: root runs
 * these tools by hand over trees other users write. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ntfs-3g unix_io.c:143: the project's own struct calls its device name
 * d_name; it is the user's argument, not a listing entry (no raise). */
struct device { char *d_name; void *d_private; };

int dev_open(struct device *dev, int flags) {
  struct stat sb;
  if (stat(dev->d_name, &sb))
    return -1;
  if (!S_ISBLK(sb.st_mode) && (flags & O_RDWR) == O_RDWR)
    flags |= O_EXCL;
  return open(dev->d_name, flags);   // WARNING[toctou-check-use risk=medium because="stat() tested the owner, mode or type"]
}

/* Its twin: the same pair on readdir()'s entry is raised. */
int entry_open(struct dirent *de, int flags) {
  struct stat sb;
  if (stat(de->d_name, &sb))
    return -1;
  if (!S_ISBLK(sb.st_mode))
    return -1;
  return open(de->d_name, flags);   // WARNING[toctou-check-use risk=high because="directory listing"]
}

/* e2fsprogs symlinks.c:302: the entry is strcpy()'d into a pointer into the
 * path buffer (name = path + len); lstat(path) says "directory", then the
 * walk opens the name again, following a link planted in between, and
 * deletes the dangling links it finds there: high, since the walk acts on
 * the entries (unlink() of the buffer it fills from the listing). */
static void dirwalk(char *path, int pathlen) {
  struct stat st;
  struct dirent *dp;
  DIR *dfd = opendir(path);
  char *name;
  if (!dfd)
    return;
  name = path + pathlen;
  *name++ = '/';
  while ((dp = readdir(dfd)) != NULL) {
    strcpy(name, dp->d_name);
    if (lstat(path, &st) == -1)
      continue;
    if (S_ISLNK(st.st_mode) && access(path, F_OK) == -1)
      unlink(path);   // WARNING[toctou-symlink-check risk=medium because="directory listing"]
    else if (S_ISDIR(st.st_mode))
      dirwalk(path, (int)strlen(path));   // WARNING[toctou-symlink-check risk=high because="directory listing"]
  }
  closedir(dfd);
}

/* e2fsprogs chattr.c:284: the entry is formatted into a buffer passed to
 * change(), which lstat()s its parameter and recurses into it. */
static int change(const char *name);

static int each_entry(const char *dir_name) {
  DIR *dir = opendir(dir_name);
  struct dirent *de;
  char path[4096];
  if (!dir)
    return -1;
  while ((de = readdir(dir))) {
    snprintf(path, sizeof path, "%s/%s", dir_name, de->d_name);
    change(path);
  }
  closedir(dir);
  return 0;
}

static int change(const char *name) {
  struct stat st;
  if (lstat(name, &st) == -1 || S_ISLNK(st.st_mode))
    return -1;
  chmod(name, st.st_mode & ~07022u);   // WARNING[toctou-symlink-check risk=high because="directory listing"]
  if (S_ISDIR(st.st_mode))
    return each_entry(name);   // WARNING[toctou-symlink-check risk=high because="directory listing"]
  return 0;
}

/* The same walker started on the user's own argument: the parameter holds
 * a listed name only on the recursive calls, which is the walk's point. */
int main(int argc, char **argv) {
  static char path[4096];
  for (int i = 1; i < argc; i++)
    change(argv[i]);
  if (argc > 1 && strlen(argv[1]) < sizeof path - 256) {
    strcpy(path, argv[1]);
    dirwalk(path, (int)strlen(path));
  }
  return 0;
}
