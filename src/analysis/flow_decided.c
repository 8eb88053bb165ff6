/* flow_decided.c - which blocks a check decides, once its guards are
 * known (flow_guards.c), and whether a check's buffer is read again. */
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "flow_index.h"

bool flow_is_guard(const Guards *g, int b)
{
    for (int i = 0; i < g->n; i++)
        if (g->blocks[i] == b)
            return true;
    return false;
}

static int by_number(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    return (a > b) - (a < b);
}

/* The walked blocks, sorted, with the largest num among them. */
static BlockSet collect(const FlowIndex *x, int *blocks, int n)
{
    BlockSet d = {blocks, n, -1};
    if (n > 1)
        qsort(blocks, (size_t)n, sizeof *blocks, by_number);
    for (int i = 0; i < n; i++)
        if (x->num[blocks[i]] > d.horizon)
            d.horizon = x->num[blocks[i]];
    return d;
}

typedef struct Walk {
    Arena *a;
    BlockMarks *in;
    int *list, n, cap;
    int *work, nwork, cap_work;
} Walk;

static void walk_add(Walk *w, int b)
{
    if (!marks_add(w->in, b))
        return;
    ARENA_PUSH(w->a, w->list, w->n, w->cap, b);
    ARENA_PUSH(w->a, w->work, w->nwork, w->cap_work, b);
}

/* Add b and every block below it in the tree (or graph) given by kids. */
static void add_below(Walk *w, int **kids, const int *nkids, int b)
{
    walk_add(w, b);
    while (w->nwork) {
        int y = w->work[--w->nwork];
        for (int i = 0; i < nkids[y]; i++)
            walk_add(w, kids[y][i]);
    }
}

/* Which blocks a guard decides: those (transitively) control dependent on
 * one, and those reached only through a guard's edge (dominated by a
 * successor whose only predecessor is a guard: the exit of `while
 * (check) ...` is no control dependence, yet decided). */
const BlockSet *flow_decided(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                            Guards *g)
{
    if (g->decided)
        return g->decided;
    FlowIndex *x = flow_index(fn);
    flow_index_deps(x, cd);
    flow_index_kids(x, d);
    Walk w = {a, flow_marks(x, MARK_DECIDED), NULL, 0, 0, NULL, 0, 0};
    for (int k = 0; k < g->n; k++)
        for (int i = 0; i < x->ndeps_on[g->blocks[k]]; i++)
            add_below(&w, x->deps_on, x->ndeps_on, x->deps_on[g->blocks[k]][i]);
    for (int k = 0; k < g->n; k++) {
        const Block *blk = fn->blocks[g->blocks[k]];
        for (int i = 0; i < blk->nsucc; i++)
            if (fn->blocks[blk->succ[i]]->npred == 1)
                add_below(&w, x->kids, x->nkids, blk->succ[i]);
    }
    g->decided = ARENA_NEW(a, BlockSet);
    *g->decided = collect(x, w.list, w.n);
    return g->decided;
}

BlockSet flow_dominated(Arena *a, const Function *fn, const DomTree *d, int b)
{
    FlowIndex *x = flow_index(fn);
    flow_index_kids(x, d);
    Walk w = {a, flow_marks(x, MARK_DECIDED), NULL, 0, 0, NULL, 0, 0};
    add_below(&w, x->kids, x->nkids, b);
    return collect(x, w.list, w.n);
}

bool flow_decided_has(const BlockSet *d, int b)
{
    return d->n && bsearch(&b, d->blocks, (size_t)d->n, sizeof b, by_number);
}

bool flow_is_guarded(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                     Guards *g, int b)
{
    return flow_decided_has(flow_decided(a, fn, d, cd, g), b);
}
