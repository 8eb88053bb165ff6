// ARGS: --min-risk low
/* A helper that opens a directory recurses into whatever the name leads
 * to only if it acts on the entries (analysis/walks.c
 * walks_act_on_entries(), read by risk.c walks_directory()): removes or
 * changes one, hands one to a callback (busybox iterate_on_dir(), under
 * chattr -R), or walks one in turn that way. A helper that only lists
 * the names (libfuse test_syscalls.c check_dir_contents(): readdir,
 * strcmp) or a recursion that only reads (grep -r, lsattr -R) reads. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* lists: compares each name with what it expects */
static int check_dir_contents(const char *path, const char **want) {
  DIR *d = opendir(path);
  struct dirent *e;
  int found = 0;
  if (!d)
    return -1;
  while ((e = readdir(d)))
    for (int i = 0; want[i]; i++)
      if (!strcmp(e->d_name, want[i]))
        found++;
  closedir(d);
  return found;
}

int list_checked(const char *path, const char **want) {
  struct stat st;
  if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return check_dir_contents(path, want);   // WARNING[toctou-symlink-check risk=low because="only reads"]
}

/* acts: each entry goes to a callback, which may change it */
static int iterate_on_dir(const char *dir, int (*func)(const char *, struct dirent *, void *),
                          void *priv) {
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d)
    return -1;
  while ((e = readdir(d)))
    func(dir, e, priv);
  closedir(d);
  return 0;
}

int set_flags(const char *dir, struct dirent *e, void *priv);

int chattr_tree(const char *name, void *priv) {
  struct stat st;
  if (lstat(name, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return iterate_on_dir(name, set_flags, priv);   // WARNING[toctou-symlink-check risk=medium because="recurses into its target"]
}

/* a recursion that only reads: opens each entry to read it, lists each
 * subdirectory the same way */
static int search_tree(const char *dir) {
  char path[4096];
  DIR *d = opendir(dir);
  struct dirent *e;
  int hits = 0;
  if (!d)
    return -1;
  while ((e = readdir(d))) {
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (e->d_type == DT_DIR) {
      hits += search_tree(path);
    } else {
      int fd = open(path, O_RDONLY);
      if (fd >= 0)
        hits++, close(fd);
    }
  }
  closedir(d);
  return hits;
}

int grep_tree(const char *name) {
  struct stat st;
  if (lstat(name, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return search_tree(name);   // WARNING[toctou-symlink-check risk=low because="only reads"]
}

/* a recursion that removes: each entry unlinked, each subdirectory
 * emptied the same way */
static int remove_tree(const char *dir) {
  char path[4096];
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d)
    return -1;
  while ((e = readdir(d))) {
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (e->d_type == DT_DIR)
      remove_tree(path);
    else
      unlink(path);
  }
  closedir(d);
  return rmdir(dir);
}

int rm_tree(const char *name) {
  struct stat st;
  if (lstat(name, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  return remove_tree(name);   // WARNING[toctou-symlink-check risk=medium because="recurses into its target"]
}

/* chattr -R (busybox chattr.c): the name a directory's entries are
 * changed through comes, below the top, from the listing itself: the
 * callback passes each entry's name back (risk_facts.c
 * note_listed_args()), so whoever writes a directory of the tree chooses
 * it. */
char *concat_path_file(const char *dir, const char *name);
static void change_attributes(const char *name);

static int chattr_dir_proc(const char *dir, struct dirent *de, void *priv) {
  char *path = concat_path_file(dir, de->d_name);
  (void)priv;
  change_attributes(path);
  return 0;
}

static void change_attributes(const char *name) {
  struct stat st;
  if (lstat(name, &st) != 0)               // NOTE[toctou-symlink-check]
    return;
  if (S_ISDIR(st.st_mode))
    iterate_on_dir(name, chattr_dir_proc, NULL);   // WARNING[toctou-symlink-check risk=high because="comes from a directory listing"]
}

int chattr_main(char **argv) {
  change_attributes(argv[1]);
  return 0;
}
