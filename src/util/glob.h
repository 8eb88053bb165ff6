/* glob.h - path patterns as in .gitignore: '*' and '?' and [...] within
 * one path component, '**' for any number of components (zero included),
 * a pattern without a '/' matching the last component at any depth, a
 * trailing '/' meaning "this directory and everything under it". */
#ifndef FSRACE_GLOB_H
#define FSRACE_GLOB_H
#include <stdbool.h>

/* Does pattern match the relative path `path` (components joined by '/',
 * no leading "./")? A directory pattern also matches every path under
 * that directory. */
bool glob_match(const char *pattern, const char *path);

#endif
