/* strmap.c - string -> int hash map; see strmap.h. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

unsigned strmap_hash(const char *s)
{
    unsigned h = 2166136261u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static StrMapSlot *find(const StrMap *m, const char *key)
{
    unsigned mask = (unsigned)m->cap - 1;
    for (unsigned i = strmap_hash(key) & mask;; i = (i + 1) & mask)
        if (!m->slots[i].key || !strcmp(m->slots[i].key, key))
            return &m->slots[i];
}

bool strmap_get(const StrMap *m, const char *key, int *value)
{
    if (!m->cap)
        return false;
    StrMapSlot *s = find(m, key);
    if (s->key && value)
        *value = s->value;
    return s->key != NULL;
}

static void grow(StrMap *m)
{
    StrMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->slots = calloc((size_t)m->cap, sizeof(StrMapSlot));
    if (!m->slots)
        abort();
    for (int i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *find(m, old.slots[i].key) = old.slots[i];
    free(old.slots);
}

void strmap_put(StrMap *m, const char *key, int value)
{
    if ((m->n + 1) * 2 > m->cap)
        grow(m);
    StrMapSlot *s = find(m, key);
    if (!s->key) {
        s->key = strdup(key);
        if (!s->key)
            abort();
        m->n++;
    }
    s->value = value;
}

void strmap_free(StrMap *m)
{
    for (int i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}
