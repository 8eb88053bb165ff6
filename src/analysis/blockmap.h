/* blockmap.h - a sparse map from block ids to small integers, for searches
 * that touch few blocks of a large function: memory in proportion to the
 * blocks touched, not to the function's size. Open addressing in an arena;
 * values are >= 0, lookups of absent ids give -1. */
#ifndef FSRACE_BLOCKMAP_H
#define FSRACE_BLOCKMAP_H
#include "../util/arena.h"

typedef struct BlockMap {
    Arena *a;
    int *keys, *vals;   /* keys[i] == -1: free slot */
    int cap, n;
} BlockMap;

static inline void blockmap_init(BlockMap *m, Arena *a)
{
    *m = (BlockMap){a, NULL, NULL, 0, 0};
}

static inline int blockmap_get(const BlockMap *m, int key)
{
    if (!m->cap)
        return -1;
    for (unsigned i = (unsigned)key * 2654435761u & (unsigned)(m->cap - 1);;
         i = (i + 1) & (unsigned)(m->cap - 1)) {
        if (m->keys[i] == key)
            return m->vals[i];
        if (m->keys[i] == -1)
            return -1;
    }
}

static inline void blockmap_put(BlockMap *m, int key, int val);

static inline void blockmap_grow(BlockMap *m)
{
    BlockMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 32;
    m->n = 0;
    m->keys = ARENA_ARRAY(m->a, int, m->cap);
    m->vals = ARENA_ARRAY(m->a, int, m->cap);
    for (int i = 0; i < m->cap; i++)
        m->keys[i] = -1;
    for (int i = 0; i < old.cap; i++)
        if (old.keys[i] != -1)
            blockmap_put(m, old.keys[i], old.vals[i]);
}

static inline void blockmap_put(BlockMap *m, int key, int val)
{
    if ((m->n + 1) * 2 > m->cap)
        blockmap_grow(m);
    for (unsigned i = (unsigned)key * 2654435761u & (unsigned)(m->cap - 1);;
         i = (i + 1) & (unsigned)(m->cap - 1)) {
        if (m->keys[i] == key) {
            m->vals[i] = val;
            return;
        }
        if (m->keys[i] == -1) {
            m->keys[i] = key;
            m->vals[i] = val;
            m->n++;
            return;
        }
    }
}

#endif
