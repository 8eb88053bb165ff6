// ARGS: --min-risk low
// CFLAGS: -O2 -D_FORTIFY_SOURCE=2
/* different_files.c built as distributions build (cups, sudo: -O2 with
 * _FORTIFY_SOURCE): snprintf() becomes __builtin___snprintf_chk(), and the
 * name made of dir/suffix is no longer recognised, so a check of root and a
 * use of root/data are paired again. Found by the triage of cups d19bccf
 * (scheduler/conf.c: six HIGH reports, cupsdCheckPermissions(ServerRoot, NULL)
 * then cupsdCheckPermissions(ServerRoot, "ppd")). */
/* Issue 10, cause 8: a helper that builds dir/suffix from two arguments
 * names different files for different suffixes: is_dir(root, NULL) checks
 * root, fix_mode(root, "data") changes root/data. The summary keeps which
 * argument completes the name; the same name twice is still a race. */
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *root, const char *sub) {
  char buf[PATH_MAX];
  const char *path = root;
  struct stat st;
  if (sub) {
    snprintf(buf, sizeof buf, "%s/%s", root, sub);
    path = buf;
  }
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);   // NOTE[toctou-check-use]
}

static int fix_mode(const char *root, const char *sub) {
  char buf[PATH_MAX];
  const char *path = root;
  if (sub) {
    snprintf(buf, sizeof buf, "%s/%s", root, sub);
    path = buf;
  }
  return chmod(path, 0700);                // NOTE[toctou-check-use]
}

/* a wrapper passes the part on */
static int fix_sub(const char *root, const char *sub) {
  return fix_mode(root, sub);
}

int root_then_data(const char *root) {
  if (!is_dir(root, NULL))
    return -1;
  return fix_mode(root, "data");           // no-warning
}

int root_then_root(const char *root) {
  if (!is_dir(root, NULL))                 // NOTE[toctou-check-use]
    return -1;
  return fix_mode(root, NULL);             // WARNING[toctou-check-use]
}

int data_then_data(const char *root) {
  if (!is_dir(root, "data"))               // NOTE[toctou-check-use]
    return -1;
  return fix_mode(root, "data");           // WARNING[toctou-check-use]
}

int data_then_logs(const char *root) {
  if (!is_dir(root, "data"))
    return -1;
  return fix_sub(root, "logs");            // no-warning
}

int logs_then_logs(const char *root) {
  if (!is_dir(root, "logs"))               // NOTE[toctou-check-use]
    return -1;
  return fix_sub(root, "logs");            // WARNING[toctou-check-use]
}

int stat_root_then_data(const char *root) {
  struct stat st;
  if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  return fix_mode(root, "data");           // no-warning
}

int stat_root_then_root(const char *root) {
  struct stat st;
  if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))   // NOTE[toctou-check-use]
    return -1;
  return fix_mode(root, NULL);             // WARNING[toctou-check-use]
}
