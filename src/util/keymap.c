/* keymap.c - dense ids for keys by hashing; see keymap.h. */
#include "keymap.h"

#include <string.h>

static unsigned hash_n(const char *s, size_t n)
{
    unsigned h = 2166136261u;   /* FNV-1a, as strmap_hash */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int find_hashed(const KeyMap *m, const char *key, size_t len, unsigned h)
{
    if (!m->nslots)
        return -1;
    unsigned mask = (unsigned)m->nslots - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        int id = m->slots[i] - 1;
        if (id < 0)
            return -1;
        if (m->hashes[id] == h && m->lens[id] == len && !memcmp(m->keys[id], key, len))
            return id;
    }
}

int keymap_find_n(const KeyMap *m, const char *key, size_t len)
{
    return find_hashed(m, key, len, hash_n(key, len));
}

int keymap_find(const KeyMap *m, const char *key)
{
    return keymap_find_n(m, key, strlen(key));
}

static void place(KeyMap *m, int id)
{
    unsigned mask = (unsigned)m->nslots - 1, i = m->hashes[id] & mask;
    while (m->slots[i])
        i = (i + 1) & mask;
    m->slots[i] = id + 1;
}

/* Keep the table at most half full: rehash into twice the slots. */
static void grow_slots(Arena *a, KeyMap *m)
{
    m->nslots = m->nslots ? m->nslots * 2 : 16;
    m->slots = ARENA_ARRAY(a, int, m->nslots);
    for (int id = 0; id < m->n; id++)
        place(m, id);
}

int keymap_intern_n(Arena *a, KeyMap *m, const char *key, size_t len)
{
    unsigned h = hash_n(key, len);
    int id = find_hashed(m, key, len, h);
    if (id >= 0)
        return id;
    if (m->n == m->cap) {
        int cap = m->cap;
        m->keys = arena_grow(a, m->keys, sizeof *m->keys, m->n, &cap);
        cap = m->cap;
        m->lens = arena_grow(a, m->lens, sizeof *m->lens, m->n, &cap);
        cap = m->cap;
        m->hashes = arena_grow(a, m->hashes, sizeof *m->hashes, m->n, &cap);
        m->cap = cap;
    }
    id = m->n++;
    m->keys[id] = key;
    m->lens[id] = len;
    m->hashes[id] = h;
    if (2 * m->n > m->nslots)
        grow_slots(a, m);
    else
        place(m, id);
    return id;
}

int keymap_intern(Arena *a, KeyMap *m, const char *key)
{
    return keymap_intern_n(a, m, key, strlen(key));
}
