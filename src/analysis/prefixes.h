/* prefixes.h - names under a checked directory:
 *
 *     lstat(dir, &st) ... S_ISDIR(st.st_mode)       <- check of the directory
 *     snprintf(path, n, "%s/data", dir);
 *     open(path, O_CREAT | O_EXCL | O_NOFOLLOW);    <- use of a name under it
 *
 * The use resolves dir again: O_NOFOLLOW and O_EXCL protect only the last
 * component, so a directory swapped for a link after the check sends the
 * creation elsewhere. */
#ifndef FSRACE_PREFIXES_H
#define FSRACE_PREFIXES_H
#include "sites.h"

/* The catalogued (or summarised) uses after `check`, reachable from it,
 * whose path is built as "<dir>/..." from the checked name `dir`
 * (snprintf/asprintf "%s/...", strcpy + strcat "/...", or a literal
 * "/a/b/c" under a literal "/a/b"), with `dir` not stored to anywhere
 * after the check; in an array from the arena. */
/* Is `path`, at (block, index), a name under `dir` in the sense above? */
bool prefix_path_below(Arena *a, const Function *fn, int block, int index,
                       const Operand *path, const char *dir);
Site *prefix_uses(Arena *a, const Function *fn, const int *idom, const Site *check,
                  const char *dir, int *n);

#endif
