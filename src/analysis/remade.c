/* remade.c - names created again between a check and a use; see remade.h. */
#include "remade.h"

#include "creation.h"
#include "../util/keymap.h"

typedef struct SiteList {
    Site *sites;
    int n, cap;
} SiteList;

struct Remade {
    const Function *fn;
    KeyMap keys;            /* path key -> index in lists */
    SiteList *lists;
    int nlists, cap;
};

static bool makes_its_name(const Site *s)
{
    Creation c = creation_of(s->ins, s->func);
    return s->func->group == G_CREATE || c == CREATE_YES || c == CREATE_EXCL;
}

Remade *remade_index(Arena *a, const Function *fn)
{
    Remade *x = ARENA_ARRAY(a, Remade, 1);
    x->fn = fn;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            const FileFunc *f = ins->kind == INS_CALL ? site_func(ins) : NULL;
            const Operand *p = f ? site_path(ins, f, 0) : NULL;
            Site s = {b, i, ins, f, p};
            if (!p || !p->key || !makes_its_name(&s))
                continue;
            int id = keymap_intern(a, &x->keys, p->key);
            if (id == x->nlists) {
                SiteList none = {0};
                ARENA_PUSH(a, x->lists, x->nlists, x->cap, none);
            }
            SiteList *l = &x->lists[id];
            ARENA_PUSH(a, l->sites, l->n, l->cap, s);
        }
    return x;
}

/* Does control flow from instruction (b1, i1) to (b2, i2)? */
static bool flows_to(Arena *a, const Function *fn, int b1, int i1, int b2, int i2)
{
    if (b1 == b2 && i1 < i2)
        return true;
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *stack = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    stack[n++] = b1;
    while (n) {
        const Block *blk = fn->blocks[stack[--n]];
        for (int k = 0; k < blk->nsucc; k++) {
            int t = blk->succ[k];
            if (t == b2)
                return true;
            if (!seen[t]) {
                seen[t] = true;
                stack[n++] = t;
            }
        }
    }
    return false;
}

bool remade_between(Arena *a, const Remade *x, const Site *check, const Site *use, Site *made)
{
    const char *key = use->path->key;
    int id = key ? keymap_find(&x->keys, key) : -1;
    if (id < 0)
        return false;
    const SiteList *l = &x->lists[id];
    for (int k = 0; k < l->n; k++) {
        const Site *s = &l->sites[k];
        if (s->ins == use->ins || s->ins == check->ins)
            continue;
        if (flows_to(a, x->fn, check->block, check->index, s->block, s->index) &&
            flows_to(a, x->fn, s->block, s->index, use->block, use->index)) {
            *made = *s;
            return true;
        }
    }
    return false;
}
