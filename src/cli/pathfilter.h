/* pathfilter.h - which files to analyse: --include/--exclude GLOB on the
 * command line (relative to the current directory) and "include" /
 * "exclude" in .fsrace.json (relative to the folder holding it). A file is
 * analysed when no include pattern is given or one matches, and no
 * exclude pattern matches. Patterns are as in .gitignore (util/glob.h):
 * one with a '/' is relative to its folder ("../" and "./" allowed), one
 * without ("*_test.c", "third_party") matches a file or folder name at
 * any depth below it, and the file's own name when it lies elsewhere. */
#ifndef FSRACE_PATHFILTER_H
#define FSRACE_PATHFILTER_H
#include <stdbool.h>

#include "../util/arena.h"

typedef struct PathPattern {
    const char *base;       /* absolute folder the pattern is relative to */
    const char *glob;
    bool include;           /* include, else exclude */
} PathPattern;

typedef struct PathFilter {
    PathPattern *items;
    int n, cap;
    bool any_include;
} PathFilter;

void pathfilter_add(PathFilter *f, Arena *a, const char *base, const char *glob, bool include);
/* Is the file at the absolute path `path` to be analysed? */
bool pathfilter_allows(const PathFilter *f, const char *path);

#endif
