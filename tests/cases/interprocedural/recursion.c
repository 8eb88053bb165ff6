// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* interprocedural: recursion. Summaries of mutually recursive helpers and
 * of a recursive directory walker reach a fixed point; the results are the
 * same as without the recursion. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- mutually recursive check wrappers ---- */

static int exists_b(const char *p, int depth);

static int exists_a(const char *p, int depth) {
  if (depth > 0)
    return exists_b(p, depth - 1);
  struct stat st;
  return stat(p, &st) == 0;                     // NOTE[toctou-check-use "exists_a() checks its argument with stat() here"]
}

static int exists_b(const char *p, int depth) {
  return exists_a(p, depth - 1);
}

int recursive_check_then_unlink(const char *path) {
  if (exists_a(path, 3))                        // NOTE[toctou-check-use "'path' checked here by exists_a()"]
    return unlink(path);                        // WARNING[toctou-check-use "unlink() of 'path' after exists_a() checked it"]
  return 0;
}

int other_entry_then_chmod(const char *path) {
  if (!exists_b(path, 2))
    return -1;
  return chmod(path, 0644);                     // WARNING[toctou-check-use "chmod() of 'path' after exists_b() checked it"]
}

/* ---- mutually recursive use wrappers ---- */

static int remove_b(const char *p, int n);

static int remove_a(const char *p, int n) {
  if (n == 0)
    return unlink(p);                           // NOTE[toctou-check-use "remove_b() uses its argument with unlink() here"]
  return remove_b(p, n - 1);
}

static int remove_b(const char *p, int n) {
  return remove_a(p, n);
}

int access_then_recursive_remove(const char *path) {
  if (access(path, W_OK) != 0)
    return -1;
  return remove_b(path, 5);                     // WARNING[toctou-check-use "remove_b() of 'path' after access()"]
}

/* ---- a recursive function that is neither: it never touches a name ---- */

static int count_slashes(const char *p) {
  if (!*p)
    return 0;
  return (*p == '/') + count_slashes(p + 1);
}

int slashes_then_unlink(const char *path) {
  if (count_slashes(path) > 3)
    return -1;
  return unlink(path);                          // no-warning
}

/* ---- a recursive directory walker (rm -r by name: races inside too) ---- */

static int remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0)                    // NOTE[toctou-symlink-check]
    return -1;
  if (!S_ISDIR(st.st_mode))
    return unlink(path);                        // WARNING[toctou-symlink-check "unlink() of 'path' after lstat()"]
  DIR *d = opendir(path);                       // WARNING[toctou-symlink-check "opendir() of 'path' after lstat()"]
  if (!d)
    return -1;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    char child[PATH_MAX];
    snprintf(child, sizeof child, "%s/%s", path, e->d_name);
    /* issue 11 item 12: path swapped for a link after the lstat() sends
     * the removal of path/name elsewhere */
    remove_tree(child);                         // WARNING[toctou-symlink-check "under 'path'"]
  }
  closedir(d);
  return rmdir(path);                           // WARNING[toctou-symlink-check "rmdir() of 'path' after lstat()"]
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The walker is a use of its argument (and a link check, whose outcome it
 * returns): after is_dir(), reported under the name of the walker. */
int dir_then_remove_tree(const char *path) {
  if (!is_dir(path))                            // NOTE[toctou-check-use "'path' checked here by is_dir()"]
    return -1;
  return remove_tree(path);                     // WARNING[toctou-check-use "remove_tree() of 'path' after is_dir() checked it"]
}

/* The walker's status, then a use. The walker's lstat() is its own check,
 * for the removal it does (issue 10 cause 4): no check of the caller's.
 * What is left is a removal, then a creation without O_EXCL: a link
 * planted in between is followed. name-after-create knows that after
 * unlink() by libc, not yet after a helper that removes. */
int remove_tree_then_recreate(const char *path) {
  if (remove_tree(path) != 0)
    return -1;
  return open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);   // MISSING[name-after-create]
}

/* A walker that only lists, through a callback: its opendir() is a use of
 * its argument (as opendir() after a stat() S_ISDIR test is); the callback
 * is a pointer and adds nothing. */
typedef void (*visit_fn)(const char *);

static void walk(const char *dir, visit_fn visit, int depth) {
  DIR *d = opendir(dir);                        // NOTE[toctou-check-use "walk() uses its argument with opendir() here"]
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    char child[PATH_MAX];
    if (e->d_name[0] == '.')
      continue;
    snprintf(child, sizeof child, "%s/%s", dir, e->d_name);
    visit(child);
    if (depth > 0 && e->d_type == DT_DIR)
      walk(child, visit, depth - 1);
  }
  closedir(d);
}

static void print_name(const char *p) {
  puts(p);
}

void list_if_dir(const char *path) {
  if (is_dir(path))                             // NOTE[toctou-check-use]
    walk(path, print_name, 4);                  // WARNING[toctou-check-use "walk() of 'path' after is_dir() checked it"]
}

/* A recursive mkdir -p: mkdir fails when the name exists, so it is no use
 * of the name after a check. */
static int mkdir_p(const char *path) {
  char parent[PATH_MAX];
  snprintf(parent, sizeof parent, "%s", path);
  char *slash = strrchr(parent, '/');
  if (slash && slash != parent) {
    *slash = '\0';
    mkdir_p(parent);
  }
  if (mkdir(path, 0755) != 0 && !is_dir(path))
    return -1;
  return 0;
}

int ensure_dir(const char *path) {
  if (is_dir(path))
    return 0;
  return mkdir_p(path);                         // no-warning
}
