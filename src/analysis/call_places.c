/* call_places.c - a function's calls hashed by place; see call_places.h. */
#include "call_places.h"

#include <string.h>

#include "../util/strmap.h"

typedef struct Place {
    int block, index;
    int next;                   /* the next call in the same bucket, -1: none */
} Place;

struct CallPlaces {
    const Function *fn;
    Place *places;
    int *head;                  /* per bucket: the first call, -1: none */
    unsigned mask;
};

static unsigned place_hash(SrcLoc loc)
{
    unsigned h = strmap_hash(loc.file ? loc.file : "");
    h = (h ^ loc.line) * 16777619u;
    return (h ^ loc.col) * 16777619u;
}

static bool same_loc(SrcLoc a, SrcLoc b)
{
    return a.line == b.line && a.col == b.col && a.file && b.file && !strcmp(a.file, b.file);
}

CallPlaces *call_places(Arena *a, const Function *fn)
{
    CallPlaces *cp = ARENA_NEW(a, CallPlaces);
    int n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++)
            n += fn->blocks[b]->ins[i].kind == INS_CALL;
    unsigned cap = 16;
    while (cap < 2u * (unsigned)n)
        cap *= 2;
    cp->fn = fn;
    cp->mask = cap - 1;
    cp->places = ARENA_ARRAY(a, Place, n);
    cp->head = ARENA_ARRAY(a, int, cap);
    memset(cp->head, -1, sizeof(int) * cap);
    int k = n;   /* from the last call back, each put first: chains in program order */
    for (int b = fn->nblocks - 1; b >= 0; b--)
        for (int i = fn->blocks[b]->nins - 1; i >= 0; i--) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_CALL)
                continue;
            unsigned h = place_hash(ins->loc) & cp->mask;
            cp->places[--k] = (Place){b, i, cp->head[h]};
            cp->head[h] = k;
        }
    return cp;
}

bool call_places_next(const CallPlaces *cp, SrcLoc loc, int *cursor, int *block, int *index)
{
    int k = *cursor < 0 ? cp->head[place_hash(loc) & cp->mask] : cp->places[*cursor].next;
    for (; k >= 0; k = cp->places[k].next) {
        const Place *p = &cp->places[k];
        if (same_loc(cp->fn->blocks[p->block]->ins[p->index].loc, loc)) {
            *cursor = k;
            *block = p->block;
            *index = p->index;
            return true;
        }
    }
    return false;
}
