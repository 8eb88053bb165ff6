/* nameset.c - the set of storage holding a name (names.h), hashed once it
 * is large: a name copied along a chain (q1 = p; q2 = q1; ...) makes sets
 * of thousands of keys, and every instruction asks whether it writes or
 * reads one of them. Small sets stay plain arrays.
 *
 * The index maps each key to its place in keys[] and chains the places by
 * the key's variable (root), with the places of keys that have an index
 * ([i]) on their own list. Adding keeps it; removing a key or clearing the
 * set drops it, and it is rebuilt when next needed (a removal costs what a
 * scan of the set did before). */
#include "names.h"

#include <string.h>

#include "../util/keymap.h"

enum { INDEX_FROM = 16 };   /* keys before a set is hashed */

struct NameSetIndex {
    Arena *a;
    bool valid;
    KeyMap exact;            /* key -> its place (ids are places) */
    KeyMap roots;            /* variables -> root id */
    int *next;               /* by place: next place with the same root, -1 */
    int *head, *tail;        /* by root id: first and last place */
    int cap, cap_roots;      /* room in next; in head/tail */
    int *brackets;           /* places of keys with '[', ascending */
    int nbrackets, cap_brackets;
    int *cand, ncand, cap_cand;   /* nameset_overlap_places' work */
};

static int root_id(NameSetIndex *x, const char *key)
{
    while (*key == '*')   /* "*p" writes through p: it overlaps "p" (ir.c) */
        key++;
    int n;
    const char *root = ir_key_root(key, &n);
    return keymap_intern_n(x->a, &x->roots, root, (size_t)n);
}

static void index_key(NameSetIndex *x, const char *key, int place)
{
    keymap_intern(x->a, &x->exact, key);
    int r = root_id(x, key);
    if (r >= x->cap_roots) {
        int cap = x->cap_roots, n = x->cap_roots;
        x->head = arena_grow(x->a, x->head, sizeof *x->head, n, &cap);
        cap = x->cap_roots;
        x->tail = arena_grow(x->a, x->tail, sizeof *x->tail, n, &cap);
        for (int k = n; k < cap; k++)
            x->head[k] = x->tail[k] = -1;
        x->cap_roots = cap;
    }
    if (place >= x->cap) {
        int cap = x->cap;
        x->next = arena_grow(x->a, x->next, sizeof *x->next, place, &cap);
        x->cap = cap;
    }
    x->next[place] = -1;
    if (x->tail[r] >= 0)
        x->next[x->tail[r]] = place;
    else
        x->head[r] = place;
    x->tail[r] = place;
    if (strchr(key, '['))
        ARENA_PUSH(x->a, x->brackets, x->nbrackets, x->cap_brackets, place);
}

/* The set's index, built now if the set is large and has none. */
static NameSetIndex *index_of(NameSet *s, Arena *a)
{
    NameSetIndex *x = s->idx;
    if (x && x->valid)
        return x;
    if (s->n < INDEX_FROM || (!x && !a))
        return NULL;
    if (!x) {
        x = s->idx = ARENA_NEW(a, NameSetIndex);
        x->a = a;
    }
    *x = (NameSetIndex){.a = x->a, .valid = true};
    for (int i = 0; i < s->n; i++)
        index_key(x, s->keys[i], i);
    return x;
}

bool nameset_has(const NameSet *s, const char *key)
{
    NameSetIndex *x = index_of((NameSet *)s, NULL);
    if (x)
        return keymap_find(&x->exact, key) >= 0;
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->keys[i], key))
            return true;
    return false;
}

bool nameset_add(Arena *a, NameSet *s, const char *key)
{
    if (nameset_has(s, key))
        return false;
    ARENA_PUSH(a, s->keys, s->n, s->cap, key);
    NameSetIndex *x = s->idx && s->idx->valid ? s->idx : NULL;
    if (x)
        index_key(x, key, s->n - 1);
    else
        index_of(s, a);
    return true;
}

void nameset_remove_at(NameSet *s, int i)
{
    s->keys[i] = s->keys[--s->n];
    if (s->idx)
        s->idx->valid = false;
}

void nameset_clear(NameSet *s)
{
    s->n = 0;
    if (s->idx)
        s->idx->valid = false;
}

int nameset_first_of_root(const NameSet *s, const char *key)
{
    NameSetIndex *x = index_of((NameSet *)s, NULL);
    if (!x)
        return s->n ? 0 : -1;
    while (*key == '*')
        key++;
    int n;
    const char *root = ir_key_root(key, &n);
    int r = keymap_find_n(&x->roots, root, (size_t)n);
    return r < 0 ? -1 : x->head[r];
}

int nameset_next_of_root(const NameSet *s, int place)
{
    NameSetIndex *x = index_of((NameSet *)s, NULL);
    if (!x)
        return place + 1 < s->n ? place + 1 : -1;
    return x->next[place];
}

int nameset_bracket_places(const NameSet *s, const int **places)
{
    NameSetIndex *x = index_of((NameSet *)s, NULL);
    if (!x)
        return -1;
    *places = x->brackets;
    return x->nbrackets;
}

int nameset_overlap_places(const NameSet *s, const char *key, const int **places)
{
    NameSetIndex *x = index_of((NameSet *)s, NULL);
    if (!x)
        return -1;
    x->ncand = 0;
    for (int p = nameset_first_of_root(s, key); p >= 0; p = x->next[p])
        ARENA_PUSH(x->a, x->cand, x->ncand, x->cap_cand, p);
    /* the root's places and the bracketed ones, both ascending: merged
     * after them, descending, without repeats */
    int k = x->ncand - 1, b = x->nbrackets - 1, start = x->ncand;
    while (k >= 0 || b >= 0) {
        int p;
        if (b < 0 || (k >= 0 && x->cand[k] > x->brackets[b]))
            p = x->cand[k--];
        else if (k < 0 || x->cand[k] < x->brackets[b])
            p = x->brackets[b--];
        else
            p = (k--, x->brackets[b--]);
        ARENA_PUSH(x->a, x->cand, x->ncand, x->cap_cand, p);
    }
    *places = x->cand + start;
    return x->ncand - start;
}
