/* dom.c - dominators (and post-dominators) by the iterative algorithm of Cooper, Harvey and
 * Kennedy; the depth-first order is computed with an explicit stack so
 * generated functions with 100k blocks cannot overflow the C stack. */
#include "dom.h"

/* The CFG seen forwards (successors) or backwards (predecessors). */
typedef struct Graph {
    const Function *fn;
    bool reverse;
} Graph;

static int nsucc(Graph g, int b)
{
    return g.reverse ? g.fn->blocks[b]->npred : g.fn->blocks[b]->nsucc;
}

static int succ(Graph g, int b, int i)
{
    return g.reverse ? g.fn->blocks[b]->pred[i] : g.fn->blocks[b]->succ[i];
}

static int npred(Graph g, int b)
{
    return g.reverse ? g.fn->blocks[b]->nsucc : g.fn->blocks[b]->npred;
}

static int pred(Graph g, int b, int i)
{
    return g.reverse ? g.fn->blocks[b]->succ[i] : g.fn->blocks[b]->pred[i];
}

/* Reverse postorder of the blocks reachable from root. */
static int *reverse_postorder(Arena *a, Graph g, int root, int *count)
{
    const Function *fn = g.fn;
    int n = fn->nblocks;
    int *order = ARENA_ARRAY(a, int, n);
    int *stack = ARENA_ARRAY(a, int, n);
    int *next_succ = ARENA_ARRAY(a, int, n);
    bool *seen = ARENA_ARRAY(a, bool, n);
    int sp = 0, done = 0;
    stack[sp++] = root;
    seen[root] = true;
    while (sp) {
        int b = stack[sp - 1];
        if (next_succ[b] < nsucc(g, b)) {
            int s = succ(g, b, next_succ[b]++);
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

static DomTree build(Arena *a, Graph g, int root)
{
    int n = g.fn->nblocks, count;
    DomTree d = {ARENA_ARRAY(a, int, n), ARENA_ARRAY(a, int, n)};
    int *rpo = reverse_postorder(a, g, root, &count);
    for (int i = 0; i < n; i++)
        d.idom[i] = d.rpo_index[i] = -1;
    for (int i = 0; i < count; i++)
        d.rpo_index[rpo[i]] = i;
    d.idom[root] = root;
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 1; i < count; i++) {
            int b = rpo[i], new_idom = -1;
            for (int p = 0; p < npred(g, b); p++) {
                int pr = pred(g, b, p);
                if (d.idom[pr] < 0)
                    continue;
                new_idom = new_idom < 0 ? pr : intersect(&d, pr, new_idom);
            }
            if (new_idom != d.idom[b]) {
                d.idom[b] = new_idom;
                changed = true;
            }
        }
    }
    return d;
}

DomTree dom_build(Arena *a, const Function *fn)
{
    return build(a, (Graph){fn, false}, fn->entry);
}

DomTree dom_build_post(Arena *a, const Function *fn)
{
    return build(a, (Graph){fn, true}, fn->exit);
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
