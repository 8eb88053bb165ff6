/* derive.c - locals derived from seeds, per function; see derive.h. */
#include "derive.h"

#include <stdlib.h>
#include <string.h>

#include "../util/keymap.h"

typedef struct IntList {
    int *v;
    int n, cap;
} IntList;

struct DeriveIndex {
    Arena *a;
    KeyMap keys;            /* every key an assignment reads or writes */
    IntList *to;            /* by key id: the keys assigned from it */
    int nto, cap_to;
    IntList *closure;       /* by key id, once asked: derived keys, sorted */
    bool *closed;           /* by key id: closure computed */
    int *seen, stamp;       /* by key id, for the walk */
    ParamStore *stores;
    int nstores, cap_stores;
};

int derive_stored_through_param(const Function *fn, const char *key)
{
    int n;
    const char *root = ir_key_root(key, &n);
    bool through = key[0] == '*' || strstr(key, "->") || strchr(key, '[');
    for (int i = 0; through && i < fn->nparams && i < fn->nvars; i++)
        if (fn->vars[i].pointer && (int)strlen(fn->vars[i].key) == n &&
            !strncmp(fn->vars[i].key, root, (size_t)n))
            return i;
    return -1;
}

static int key_id(DeriveIndex *x, const char *key)
{
    int id = keymap_intern(x->a, &x->keys, key);
    if (id == x->nto) {   /* ids are dense: a new key is the next one */
        IntList none = {0};
        ARENA_PUSH(x->a, x->to, x->nto, x->cap_to, none);
    }
    return id;
}

DeriveIndex *derive_index(Arena *a, const Function *fn)
{
    DeriveIndex *x = ARENA_NEW(a, DeriveIndex);
    x->a = a;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_ASSIGN || ins->dst.kind != OPND_LVALUE)
                continue;
            int j = derive_stored_through_param(fn, ins->dst.key);
            if (j >= 0) {
                ParamStore s = {b, i, j};
                ARENA_PUSH(a, x->stores, x->nstores, x->cap_stores, s);
                continue;
            }
            int dst = key_id(x, ins->dst.key);
            for (int r = 0; r < ins->src.nreads; r++) {
                int from = key_id(x, ins->src.reads[r]);   /* may move x->to */
                IntList *l = &x->to[from];
                ARENA_PUSH(a, l->v, l->n, l->cap, dst);
            }
        }
    int n = x->keys.n;
    x->closure = ARENA_ARRAY(a, IntList, n);
    x->closed = ARENA_ARRAY(a, bool, n);
    x->seen = ARENA_ARRAY(a, int, n);
    return x;
}

static int compare_ints(const void *l, const void *r)
{
    int a = *(const int *)l, b = *(const int *)r;
    return (a > b) - (a < b);
}

/* The keys reachable from `from` over assignments, sorted by id. */
static const IntList *closure_of(DeriveIndex *x, int from)
{
    IntList *c = &x->closure[from];
    if (x->closed[from])
        return c;
    x->closed[from] = true;
    int stamp = ++x->stamp;
    IntList work = {0};
    ARENA_PUSH(x->a, work.v, work.n, work.cap, from);
    while (work.n) {
        int k = work.v[--work.n];
        for (int e = 0; e < x->to[k].n; e++) {
            int d = x->to[k].v[e];
            if (x->seen[d] == stamp)
                continue;
            x->seen[d] = stamp;
            ARENA_PUSH(x->a, c->v, c->n, c->cap, d);
            ARENA_PUSH(x->a, work.v, work.n, work.cap, d);
        }
    }
    if (c->n > 1)
        qsort(c->v, (size_t)c->n, sizeof *c->v, compare_ints);
    return c;
}

static bool in_closure(DeriveIndex *x, int seed, int key)
{
    const IntList *c = closure_of(x, seed);
    return c->n && bsearch(&key, c->v, (size_t)c->n, sizeof key, compare_ints);
}

bool derive_reads(DeriveIndex *x, const Operand *o, const char *const *seeds, int n)
{
    for (int r = 0; r < o->nreads; r++) {
        int key = keymap_find(&x->keys, o->reads[r]);
        for (int s = 0; s < n; s++) {
            if (!strcmp(o->reads[r], seeds[s]))
                return true;
            int seed = key < 0 ? -1 : keymap_find(&x->keys, seeds[s]);
            if (seed >= 0 && in_closure(x, seed, key))
                return true;
        }
    }
    return false;
}

const ParamStore *derive_param_stores(const DeriveIndex *x, int *n)
{
    *n = x->nstores;
    return x->stores;
}
