/* origin_scan.c - remembered definitions per key and block; see
 * origin_scan.h. */
#include "origin_scan.h"

#include "../util/keymap.h"

/* Instructions [lo, hi) of the block were examined for the key; defs are
 * the definitions among them, from the last to the first. */
typedef struct Stretch {
    long long id;               /* key id * number of blocks + block */
    int lo, hi;
    ScanDef *defs;
    int n, cap;
} Stretch;

struct OriginScan {
    Arena *a;
    const Function *fn;
    ScanDefines defines;
    KeyMap keys;
    int *slots;                 /* open addressing: stretch index + 1, 0 empty */
    int nslots;
    Stretch *stretches;
    int n, cap;
};

OriginScan *origin_scan_new(Arena *a, const Function *fn, ScanDefines defines)
{
    OriginScan *s = ARENA_ARRAY(a, OriginScan, 1);
    *s = (OriginScan){.a = a, .fn = fn, .defines = defines};
    return s;
}

static unsigned slot_of(long long id, int nslots)
{
    unsigned long long h = (unsigned long long)id * 0x9E3779B97F4A7C15ull;
    return (unsigned)(h >> 32) & (unsigned)(nslots - 1);
}

static void rehash(OriginScan *s)
{
    s->nslots = s->nslots ? s->nslots * 2 : 64;
    s->slots = ARENA_ARRAY(s->a, int, s->nslots);
    for (int k = 0; k < s->n; k++) {
        unsigned i = slot_of(s->stretches[k].id, s->nslots);
        while (s->slots[i])
            i = (i + 1) & (unsigned)(s->nslots - 1);
        s->slots[i] = k + 1;
    }
}

/* The stretch of (key, b), new and empty at `from` if there is none. */
static Stretch *stretch_of(OriginScan *s, const char *key, int b, int from)
{
    long long id = (long long)keymap_intern(s->a, &s->keys, key) * s->fn->nblocks + b;
    if ((s->n + 1) * 2 > s->nslots)
        rehash(s);
    unsigned i = slot_of(id, s->nslots);
    for (; s->slots[i]; i = (i + 1) & (unsigned)(s->nslots - 1))
        if (s->stretches[s->slots[i] - 1].id == id)
            return &s->stretches[s->slots[i] - 1];
    Stretch fresh = {id, from, from, NULL, 0, 0};
    ARENA_PUSH(s->a, s->stretches, s->n, s->cap, fresh);
    s->slots[i] = s->n;
    return &s->stretches[s->n - 1];
}

/* The first definition at or above `floor`, walking back from `from`
 * (exclusive) to `stop` (inclusive, >= floor); index -1: none. */
static ScanDef walk_back(const OriginScan *s, const Block *blk, int from, int stop,
                         const char *key)
{
    for (int i = from - 1; i >= stop; i--) {
        int writer = -1;
        int k = s->defines(&blk->ins[i], key, &writer);
        if (k)
            return (ScanDef){i, k, writer};
    }
    return (ScanDef){-1, 0, -1};
}

bool origin_scan_last(OriginScan *s, int b, int from, int floor, const char *key, ScanDef *d)
{
    const Block *blk = s->fn->blocks[b];
    Stretch *st = stretch_of(s, key, b, from);
    if (from < st->lo) {   /* below what was examined: walk it as it is */
        *d = walk_back(s, blk, from, floor, key);
        return d->index >= 0;
    }
    if (from > st->hi) {   /* above what was examined: walk down to it */
        int stop = st->hi > floor ? st->hi : floor;
        *d = walk_back(s, blk, from, stop, key);
        if (d->index >= 0)
            return true;
        if (stop > st->hi)
            return false;   /* nothing down to the floor */
        st->hi = from;      /* nothing in [hi, from): the stretch grows */
    }
    int lo = 0, hi = st->n;   /* the first remembered definition below `from` */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (st->defs[mid].index < from)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo < st->n) {
        *d = st->defs[lo];
        return d->index >= floor;
    }
    if (st->lo <= floor)
        return false;       /* [floor, from) was examined: nothing there */
    *d = walk_back(s, blk, st->lo, floor, key);
    if (d->index < 0) {
        st->lo = floor;
        return false;
    }
    ARENA_PUSH(s->a, st->defs, st->n, st->cap, *d);   /* below every other one */
    st->lo = d->index;
    return true;
}
