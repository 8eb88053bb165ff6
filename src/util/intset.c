/* intset.c - a set of non-negative ints; see intset.h. */
#include "intset.h"

static unsigned slot_of(int v, int cap)
{
    return ((unsigned)v * 2654435761u) % (unsigned)cap;
}

bool intset_add(Arena *a, IntSet *s, int v)
{
    if (2 * (s->n + 1) > s->cap) {
        int cap = s->cap ? 2 * s->cap : 64;
        IntSet bigger = {ARENA_ARRAY(a, int, cap), cap, 0};
        for (int i = 0; i < s->cap; i++)
            if (s->slots[i])
                intset_add(a, &bigger, s->slots[i] - 1);
        *s = bigger;
    }
    for (int i = (int)slot_of(v, s->cap);; i = (i + 1) % s->cap) {
        if (s->slots[i] == v + 1)
            return false;
        if (!s->slots[i]) {
            s->slots[i] = v + 1;
            s->n++;
            return true;
        }
    }
}

bool intset_has(const IntSet *s, int v)
{
    if (!s->cap)
        return false;
    for (int i = (int)slot_of(v, s->cap); s->slots[i]; i = (i + 1) % s->cap)
        if (s->slots[i] == v + 1)
            return true;
    return false;
}
