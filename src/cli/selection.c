/* selection.c - applying rule patterns; see selection.h. */
#include "selection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../rules/rules.h"
#include "options.h"

int selection_apply(const char *where, const char *pattern, bool on)
{
    if (rules_select(pattern, on) > 0)
        return 0;
    const char *nearest = rules_nearest(pattern);
    if (strpbrk(pattern, "*?["))
        fprintf(stderr, "fsrace: error: %s: '%s' matches no rule; did you mean '%s'?\n", where,
                pattern, nearest);
    else
        fprintf(stderr, "fsrace: error: %s: unknown rule '%s'; did you mean '%s'?\n", where,
                pattern, nearest);
    return EXIT_TROUBLE;
}

int selection_apply_list(const char *where, const char *list, bool on)
{
    char *copy = strdup(list), *save = NULL;
    int rc = copy ? 0 : EXIT_TROUBLE;
    for (char *p = copy ? strtok_r(copy, ",", &save) : NULL; p && !rc;
         p = strtok_r(NULL, ",", &save))
        rc = selection_apply(where, p, on);
    free(copy);
    return rc;
}
