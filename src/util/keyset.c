/* keyset.c - a small set of keys; see keyset.h. */
#include "keyset.h"

#include <string.h>

bool keyset_has(const KeySet *s, const char *key)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->keys[i], key))
            return true;
    return false;
}

bool keyset_add(Arena *a, KeySet *s, const char *key)
{
    if (keyset_has(s, key))
        return false;
    ARENA_PUSH(a, s->keys, s->n, s->cap, key);
    return true;
}

void keyset_remove(KeySet *s, const char *key)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->keys[i], key)) {
            s->keys[i] = s->keys[--s->n];
            return;
        }
}
