/* dom.c - dominators (and post-dominators) by the iterative algorithm of Cooper, Harvey and
 * Kennedy; the depth-first order is computed with an explicit stack so
 * generated functions with 100k blocks cannot overflow the C stack. */
#include "dom.h"

#include <string.h>

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

/* Number the tree depth first (an explicit stack: trees 100k deep). */
static void number_tree(Arena *a, DomTree *d, int n, int root)
{
    int *first = ARENA_ARRAY(a, int, n + 1), *kids = ARENA_ARRAY(a, int, n);
    int *fill = ARENA_ARRAY(a, int, n + 1), *stack = ARENA_ARRAY(a, int, n);
    d->pre = ARENA_ARRAY(a, int, n);
    d->post = ARENA_ARRAY(a, int, n);
    for (int b = 0; b < n; b++) {
        d->pre[b] = d->post[b] = -1;
        if (d->idom[b] >= 0 && b != root)
            first[d->idom[b] + 1]++;
    }
    for (int b = 0; b < n; b++)
        first[b + 1] += first[b];
    memcpy(fill, first, sizeof(int) * (size_t)(n + 1));
    for (int b = 0; b < n; b++)
        if (d->idom[b] >= 0 && b != root)
            kids[fill[d->idom[b]]++] = b;
    int sp = 0, clock = 0;
    stack[sp++] = root;
    d->pre[root] = clock++;
    while (sp) {   /* fill[] counts down the children still to enter */
        int b = stack[sp - 1];
        if (fill[b] > first[b]) {
            int k = kids[--fill[b]];
            d->pre[k] = clock++;
            stack[sp++] = k;
        } else {
            d->post[b] = clock++;
            sp--;
        }
    }
}

static DomTree build(Arena *a, Graph g, int root)
{
    int n = g.fn->nblocks, count;
    DomTree d = {ARENA_ARRAY(a, int, n), ARENA_ARRAY(a, int, n), NULL, NULL};
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
    number_tree(a, &d, n, root);
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
    return d->pre[a] <= d->pre[b] && d->post[b] <= d->post[a];
}
