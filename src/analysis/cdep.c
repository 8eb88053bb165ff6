/* cdep.c - control dependence from the post-dominator tree: for each edge
 * A->S where S does not post-dominate A, every block on the post-dominator
 * tree path from S up to (not including) ipdom(A) depends on A. */
#include "cdep.h"

static void add_dep(Arena *a, CtrlDeps *cd, int *cap, int b, int on)
{
    for (int i = 0; i < cd->n[b]; i++)
        if (cd->on[b][i] == on)
            return;
    ARENA_PUSH(a, cd->on[b], cd->n[b], cap[b], on);
}

CtrlDeps cdep_build(Arena *a, const Function *fn, const DomTree *pd)
{
    int n = fn->nblocks;
    CtrlDeps cd = {ARENA_ARRAY(a, int *, n), ARENA_ARRAY(a, int, n)};
    int *cap = ARENA_ARRAY(a, int, n);
    for (int A = 0; A < n; A++) {
        const Block *blk = fn->blocks[A];
        if (blk->nsucc < 2 || pd->idom[A] < 0)
            continue;
        int stop = pd->idom[A];
        for (int i = 0; i < blk->nsucc; i++) {
            for (int s = blk->succ[i]; s != stop && s >= 0 && pd->idom[s] >= 0;) {
                add_dep(a, &cd, cap, s, A);
                if (pd->idom[s] == s)
                    break;
                s = pd->idom[s];
            }
        }
    }
    return cd;
}
