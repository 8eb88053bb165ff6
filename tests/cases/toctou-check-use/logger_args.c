// ARGS: --min-risk low
// CFLAGS: -D_GNU_SOURCE
/* toctou-check-use: a name passed to a logger between the check and the
 * use is read, not written (issue 11, A1). Arguments in a variadic position
 * and every argument of a function declared with a printf `format`
 * attribute are only read; scanf-like functions still write theirs. */
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdlib.h>

/* Program loggers, declared as real programs declare them. */
void debug(const char *fmt, ...);
void einfo(char *fmt, ...) __attribute__((format(printf, 1, 2)));
void say(char *fmt, ...) __attribute__((format(printf, 1, 2)));
void logv(int level, char *fmt, ...);

/* debug() between access() and execlp(): the helper is still checked. */
int run_helper(char *helper) {
  if (access(helper, X_OK) != 0)                // NOTE[toctou-check-use]
    return -1;
  debug("starting %s", helper);
  return execlp(helper, helper, (char *)NULL);  // WARNING[toctou-check-use]
}

/* einfo() between lstat() and chmod(): the path is still the checked one. */
int fix_mode(char *path) {
  struct stat st;
  if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode))   // NOTE[toctou-symlink-check]
    return -1;
  einfo("fixing %s", path);
  return chmod(path, 0644);                     // WARNING[toctou-symlink-check]
}

/* A printf-like function reads its format argument too, even a non-const
 * one (a name passed as the format). */
int fix_owner(char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || st.st_uid != 0)   // NOTE[toctou-check-use]
    return -1;
  say(path);
  return chown(path, 0, 0);                     // WARNING[toctou-check-use]
}

/* A variadic logger with a non-const level and format. */
int remove_old(char *path) {
  if (access(path, W_OK) != 0)                  // NOTE[toctou-check-use]
    return -1;
  logv(3, "removing %s", path);
  return unlink(path);                          // WARNING[toctou-check-use]
}

/* Safe twin: sscanf() writes its variadic arguments: the name is replaced
 * before the use, which names another file. */
int reread(char *path, const char *line) {
  if (access(path, R_OK) != 0)
    return -1;
  sscanf(line, "%s", path);
  return unlink(path);                          // no-warning
}

/* Safe twin: a program function that is neither variadic nor a formatter
 * may rewrite its non-const argument. */
void normalise(char *path);
int normalised(char *path) {
  if (access(path, W_OK) != 0)
    return -1;
  normalise(path);
  return unlink(path);                          // no-warning
}

/* Safe twin: asprintf() is printf-like from its format on, but writes the
 * pointer before it: each turn of the loop names a new file, and the stat()
 * is not a by-name use of the stream opened in the turn before (firejail's
 * firecfg). */
void convert_all(const char *dir, char **names, int n) {
  struct stat sb;
  for (int i = 0; i < n; i++) {
    char *outname;
    if (asprintf(&outname, "%s/%s", dir, names[i]) == -1)
      exit(1);
    if (stat(outname, &sb) == 0) {              // NOTE[toctou-check-use]
      free(outname);
      continue;
    }
    FILE *out = fopen(outname, "w");            // WARNING[toctou-check-use]
    free(outname);
    if (!out)
      continue;
    fputs("# converted\n", out);
    fclose(out);
  }
}
