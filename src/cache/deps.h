/* deps.h - what a unit's parse depended on besides its arguments: every
 * file it read, as (path, mtime to the nanosecond, size, inode), and the
 * names that must stay absent because a file there would now be included
 * instead: for each #include, the name it spelled in every directory it
 * may be searched in (search.h) but was not found in. An entry is reused
 * only while all of that holds (deps_unchanged). */
#ifndef FSRACE_DEPS_H
#define FSRACE_DEPS_H
#include <clang-c/Index.h>

#include "search.h"

typedef struct Dep {
    const char *path;       /* absolute */
    long long mtime_sec, mtime_nsec, size, ino;
} Dep;

typedef struct Deps {
    Dep *items;
    int n, cap;
    const char **absent;    /* absolute names that did not exist */
    int nabsent, cap_absent;
} Deps;

/* The dependencies of a parsed unit, as the files are now; base is the
 * directory its relative names are resolved against. */
void deps_collect(CXTranslationUnit tu, const SearchDirs *dirs, const char *base, Arena *a,
                  Deps *out);
bool deps_unchanged(const Deps *deps);

#endif
