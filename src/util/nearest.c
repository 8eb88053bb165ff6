/* nearest.c - edit distance with glob wildcards; see nearest.h. One row of
 * the dynamic-programming table at a time: d[j] is the cost of matching
 * the pattern so far against the first j characters of the text. */
#include "nearest.h"

#include <stdlib.h>
#include <string.h>

static size_t min2(size_t a, size_t b)
{
    return a < b ? a : b;
}

size_t glob_distance(const char *pattern, const char *text)
{
    size_t n = strlen(text);
    size_t *d = malloc((n + 1) * sizeof *d);
    if (!d)
        return (size_t)-1;
    for (size_t j = 0; j <= n; j++)
        d[j] = j;                       /* the text's first j characters are extra */
    for (const char *p = pattern; *p; p++) {
        size_t diagonal = d[0];         /* the previous row's d[j - 1] */
        if (*p != '*')
            d[0] += 1;                  /* a pattern character matched nothing */
        for (size_t j = 1; j <= n; j++) {
            size_t above = d[j], cost;
            if (*p == '*')              /* the star takes text[j - 1] too, or stops */
                cost = min2(above, d[j - 1]);
            else
                cost = min2(min2(above + 1, d[j - 1] + 1),
                            diagonal + (*p != '?' && *p != text[j - 1]));
            diagonal = above;
            d[j] = cost;
        }
    }
    size_t result = d[n];
    free(d);
    return result;
}

const char *nearest_of(const char *typed, const char *const *candidates, int n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < n; i++) {
        size_t d = glob_distance(typed, candidates[i]);
        if (d < best_d) {
            best = candidates[i];
            best_d = d;
        }
    }
    return best;
}
