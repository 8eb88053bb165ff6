/* dom.c - dominators by the iterative algorithm of Cooper, Harvey and
 * Kennedy; the depth-first order is computed with an explicit stack so
 * generated functions with 100k blocks cannot overflow the C stack. */
#include "dom.h"

/* Reverse postorder of the blocks reachable from entry. */
static int *reverse_postorder(Arena *a, const Function *fn, int *count)
{
    int n = fn->nblocks;
    int *order = ARENA_ARRAY(a, int, n);
    int *stack = ARENA_ARRAY(a, int, n);
    int *next_succ = ARENA_ARRAY(a, int, n);
    bool *seen = ARENA_ARRAY(a, bool, n);
    int sp = 0, done = 0;
    stack[sp++] = fn->entry;
    seen[fn->entry] = true;
    while (sp) {
        int b = stack[sp - 1];
        const Block *blk = fn->blocks[b];
        if (next_succ[b] < blk->nsucc) {
            int s = blk->succ[next_succ[b]++];
            if (!seen[s]) {
                seen[s] = true;
                stack[sp++] = s;
            }
        } else {
            order[done++] = b;   /* postorder */
            sp--;
        }
    }
    for (int i = 0; i < done / 2; i++) {
        int t = order[i];
        order[i] = order[done - 1 - i];
        order[done - 1 - i] = t;
    }
    *count = done;
    return order;
}

static int intersect(const DomTree *d, int a, int b)
{
    while (a != b) {
        while (d->rpo_index[a] > d->rpo_index[b])
            a = d->idom[a];
        while (d->rpo_index[b] > d->rpo_index[a])
            b = d->idom[b];
    }
    return a;
}

DomTree dom_build(Arena *a, const Function *fn)
{
    int n = fn->nblocks, count;
    DomTree d = {ARENA_ARRAY(a, int, n), ARENA_ARRAY(a, int, n)};
    int *rpo = reverse_postorder(a, fn, &count);
    for (int i = 0; i < n; i++)
        d.idom[i] = d.rpo_index[i] = -1;
    for (int i = 0; i < count; i++)
        d.rpo_index[rpo[i]] = i;
    d.idom[fn->entry] = fn->entry;
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 1; i < count; i++) {
            const Block *b = fn->blocks[rpo[i]];
            int new_idom = -1;
            for (int p = 0; p < b->npred; p++) {
                int pred = b->pred[p];
                if (d.idom[pred] < 0)
                    continue;
                new_idom = new_idom < 0 ? pred : intersect(&d, pred, new_idom);
            }
            if (new_idom != d.idom[b->id]) {
                d.idom[b->id] = new_idom;
                changed = true;
            }
        }
    }
    return d;
}

bool dom_dominates(const DomTree *d, int a, int b)
{
    if (d->idom[b] < 0 || d->idom[a] < 0)
        return false;
    for (;;) {
        if (a == b)
            return true;
        if (d->idom[b] == b)
            return false;
        b = d->idom[b];
    }
}
