/* keyset.h - a small set of IR keys (strings owned elsewhere), kept in an
 * arena array: the sets of dataflow facts are a handful of keys (a result,
 * a buffer, a flag, a descriptor and its copies), so a linear scan wins. */
#ifndef FSRACE_KEYSET_H
#define FSRACE_KEYSET_H
#include <stdbool.h>

#include "arena.h"

typedef struct KeySet {
    const char **keys;
    int n, cap;
} KeySet;

bool keyset_has(const KeySet *s, const char *key);
bool keyset_add(Arena *a, KeySet *s, const char *key);   /* true if it grew */
void keyset_remove(KeySet *s, const char *key);

#endif
