/* path.h - file names as text, without asking the file system (no
 * symbolic link is resolved): what the reports show and the cache keys. */
#ifndef FSRACE_PATH_H
#define FSRACE_PATH_H
#include "arena.h"

/* "/dir/./a/../b.c" -> "/dir/b.c", for absolute paths. */
char *path_normalize(Arena *a, const char *path);
/* name made absolute against the directory base (if relative), normalized. */
char *path_absolute(Arena *a, const char *base, const char *name);
/* The last component: "a/b/c.c" -> "c.c", "cc" -> "cc". */
const char *path_last(const char *path);

#endif
