/* nearest.h - how far a name typed by a user is from a known one, for
 * "did you mean" hints (rule ids on the command line, in .fsrace.json and
 * in suppression comments). */
#ifndef FSRACE_NEAREST_H
#define FSRACE_NEAREST_H
#include <stddef.h>

/* The fewest single-character insertions, deletions and substitutions
 * that turn `text` into something `pattern` matches, where '*' in the
 * pattern stands for any run of characters and '?' for any one (as in
 * fnmatch()). Without wildcards: the Levenshtein distance. */
size_t glob_distance(const char *pattern, const char *text);

/* The candidate nearest to `typed` (the first of equals), or NULL if there
 * are none. */
const char *nearest_of(const char *typed, const char *const *candidates, int n);

#endif
