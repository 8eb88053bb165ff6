/* work_after.c - work on a name after its checks; see work_after.h. */
#include "work_after.h"

#include "../util/intset.h"

struct WorkAfter {
    Arena *arena;
    const Function *fn;
    const Site *sites;
    const bool *work;
    int n;
    int *last_work;             /* per block: index of its last work site, -1: none */
    unsigned char *reach;       /* per block: a work block is reached from a successor */
    int *first_ins;             /* per block: number of its first instruction */
    IntSet work_ins;            /* instructions that are work sites */
};

/* Marks every block with a path of at least one edge to a work block:
 * backwards from the work blocks, once for all checks. */
static void mark_reach(WorkAfter *w)
{
    const Function *fn = w->fn;
    /* the seeds are not marked, so each may be pushed again when reached */
    int *stack = ARENA_ARRAY(w->arena, int, 2 * fn->nblocks + 1), n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        if (w->last_work[b] >= 0)
            stack[n++] = b;
    ir_mark_reaching(fn, w->reach, stack, n);
}

WorkAfter *work_after(Arena *a, const Function *fn, const Site *sites, const bool *work, int n)
{
    WorkAfter *w = ARENA_ARRAY(a, WorkAfter, 1);
    *w = (WorkAfter){.arena = a, .fn = fn, .sites = sites, .work = work, .n = n};
    w->last_work = ARENA_ARRAY(a, int, fn->nblocks);
    w->reach = ARENA_ARRAY(a, unsigned char, fn->nblocks);
    w->first_ins = ARENA_ARRAY(a, int, fn->nblocks);
    for (int b = 0, id = 0; b < fn->nblocks; id += fn->blocks[b++]->nins) {
        w->last_work[b] = -1;
        w->first_ins[b] = id;
    }
    for (int i = 0; i < n; i++)
        if (work[i]) {
            int b = sites[i].block;
            if (sites[i].index > w->last_work[b])
                w->last_work[b] = sites[i].index;
            intset_add(a, &w->work_ins, w->first_ins[b] + sites[i].index);
        }
    mark_reach(w);
    return w;
}

/* Blocks reachable from block b's successors (b itself only round a
 * loop). */
static unsigned char *reachable_after(Arena *a, const Function *fn, int b)
{
    unsigned char *seen = ARENA_ARRAY(a, unsigned char, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    for (int e = 0; e < fn->blocks[b]->nsucc; e++)
        if (!seen[fn->blocks[b]->succ[e]]++)
            work[n++] = fn->blocks[b]->succ[e];
    while (n) {
        const Block *blk = fn->blocks[work[--n]];
        for (int e = 0; e < blk->nsucc; e++)
            if (!seen[blk->succ[e]]++)
                work[n++] = blk->succ[e];
    }
    return seen;
}

/* The check's own instruction is work too (only around a loop can it
 * come after itself, and it does not count): look at each site. */
static bool other_work_reached(WorkAfter *w, int c)
{
    const Site *check = &w->sites[c];
    unsigned char *after = reachable_after(w->arena, w->fn, check->block);
    for (int i = 0; i < w->n; i++)
        if (i != c && w->work[i] && w->sites[i].ins != check->ins && after[w->sites[i].block])
            return true;
    return false;
}

bool work_after_check(WorkAfter *w, int c)
{
    const Site *check = &w->sites[c];
    int b = check->block;
    if (w->last_work[b] > check->index)
        return true;    /* later in the block: another instruction */
    if (!w->reach[b])
        return false;
    if (!intset_has(&w->work_ins, w->first_ins[b] + check->index))
        return true;    /* some work site is reached, and it is not the check */
    return other_work_reached(w, c);
}
