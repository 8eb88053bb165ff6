/* selection.h - which rules run: "enable" and "disable" in .fsrace.json,
 * then --enable and --disable on the command line, in order. Each entry is
 * a rule id or a glob over ids ("toctou-*"); "all" is every rule. */
#ifndef FSRACE_SELECTION_H
#define FSRACE_SELECTION_H
#include <stdbool.h>

/* Turn the rules a pattern matches on or off. A pattern that matches no
 * rule is an error: one line on stderr, "fsrace: error: WHERE: ...",
 * naming the nearest rule id, and 2. */
int selection_apply(const char *where, const char *pattern, bool on);

/* A comma-separated list of patterns (--enable a,b). */
int selection_apply_list(const char *where, const char *list, bool on);

#endif
