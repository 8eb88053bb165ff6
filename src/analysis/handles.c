/* handles.c - following a descriptor from its open; see handles.h. */
#include "handles.h"

#include <string.h>

#include "handle_index.h"

static bool reads_handle(const Operand *o, const NameSet *h)
{
    for (int k = 0; k < h->n; k++) {
        if ((o->kind == OPND_LVALUE || o->kind == OPND_TEMP) && !strcmp(o->key, h->keys[k]))
            return true;
        for (int r = 0; r < o->nreads; r++)
            if (!strcmp(o->reads[r], h->keys[k]))
                return true;
    }
    return false;
}

static bool ins_reads_handle(const Ins *ins, const NameSet *h)
{
    if (ins->kind == INS_ASSIGN)
        return reads_handle(&ins->src, h);
    for (int i = 0; i < ins->call.nargs; i++)
        if (reads_handle(&ins->call.args[i], h))
            return true;
    return false;
}

static bool is_close(const Ins *ins, const NameSet *h)
{
    const char *c = ins->kind == INS_CALL ? ins->call.callee : NULL;
    if (!c || ins->call.nargs < 1)
        return false;
    bool closes = !strcmp(c, "close") || !strcmp(c, "fclose") || !strcmp(c, "closedir") ||
                  !strcmp(c, "pclose");
    return closes && reads_handle(&ins->call.args[0], h);
}

/* A copy of the handle (q = fd) or a call whose result is the same open
 * file (fdopen(fd), fileno(f)) reading a key of h: its result joins h. */
static bool joins(const Ins *ins, const NameSet *h)
{
    if (ins->kind == INS_ASSIGN)
        return reads_handle(&ins->src, h);
    return reads_handle(&ins->call.args[0], h);
}

/* The next copy or wrapper after instruction `after` reading a key of h
 * (-1: none), from the index's per-key lists. */
static int next_joining(const HandleIndex *x, const NameSet *h, int after)
{
    int best = -1;
    for (int k = 0; k < h->n; k++) {
        int n;
        const int *ids = handle_index_readers(x, h->keys[k], &n);
        int lo = 0, hi = n;   /* the first id above `after` */
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (ids[mid] > after)
                hi = mid;
            else
                lo = mid + 1;
        }
        if (lo < n && (best < 0 || ids[lo] < best))
            best = ids[lo];
    }
    return best;
}

/* Sweeps in program order to a fixed point, as over the whole function,
 * but visiting only the copies and wrappers that read the handle's keys
 * (the others add nothing): the keys come out in the same order. */
NameSet handles_of(Arena *a, const Function *fn, const Site *open_site)
{
    NameSet h = {0};
    if (!open_site->ins->dst.key)
        return h;
    nameset_add(a, &h, open_site->ins->dst.key);
    const HandleIndex *x = handle_index(fn);
    for (bool grew = true; grew;) {
        grew = false;
        for (int id = next_joining(x, &h, -1); id >= 0; id = next_joining(x, &h, id)) {
            const Ins *ins = handle_index_ins(x, id);
            if (joins(ins, &h))
                grew |= nameset_add(a, &h, ins->dst.key);
        }
    }
    return h;
}

/* Breadth-first over instructions from (block, index+1); stop_at_close:
 * paths end at a close() of the handle. visit returns true to stop. */
typedef bool (*InsVisit)(const Ins *ins, int block, int index, void *data);

static bool walk_from(const Function *fn, int block, int index, const NameSet *h,
                      bool stop_at_close, InsVisit visit, void *data)
{
    HandleIndex *x = handle_index(fn);
    handle_index_walk(x);
    int *work = handle_index_work(x), nwork = 0;
    int from = index + 1;
    for (int b = block;;) {
        const Block *blk = fn->blocks[b];
        bool open = true;
        for (int i = from; i < blk->nins && open; i++) {
            if (visit(&blk->ins[i], b, i, data))
                return true;
            open = !(stop_at_close && is_close(&blk->ins[i], h));
        }
        for (int s = 0; open && s < blk->nsucc; s++)
            if (handle_index_enter(x, blk->succ[s]))
                work[nwork++] = blk->succ[s];
        if (!nwork)
            return false;
        b = work[--nwork];
        from = 0;
    }
}

typedef struct Target {
    int block, index;
} Target;

static bool is_target(const Ins *ins, int block, int index, void *data)
{
    (void)ins;
    const Target *t = data;
    return block == t->block && index == t->index;
}

static bool reads_it(const Ins *ins, int block, int index, void *data)
{
    (void)block, (void)index;
    return ins_reads_handle(ins, data);
}

bool handles_open_at(Arena *a, const Function *fn, const Site *open_site, const NameSet *h,
                     int block, int index)
{
    (void)a;   /* the walks' marks are the index's */
    if (!h->n)
        return false;
    Target t = {block, index};
    if (!walk_from(fn, open_site->block, open_site->index, h, true, is_target, &t))
        return false;   /* every path closes it first */
    return walk_from(fn, block, index, h, false, reads_it, (void *)h);
}

bool handles_worked_through(const Function *fn, const NameSet *h)
{
    if (!h->n)
        return false;
    const HandleIndex *x = handle_index(fn);
    for (int k = 0; k < h->n; k++)
        if (handle_index_worked(x, h->keys[k]))
            return true;
    return false;
}

const char *handles_variable(const NameSet *h)
{
    for (int i = 0; i < h->n; i++)
        if (h->keys[i][0] != '%')
            return h->keys[i];
    return NULL;
}

/* Climbs only through the blocks entered by some failure edge (the
 * index's chain), not through every dominator. */
bool handles_failed_at(const Function *fn, const DomTree *dom, const NameSet *h, int b)
{
    HandleIndex *x = handle_index(fn);
    for (int c = handle_index_failure_up(x, dom, b); c >= 0;
         c = handle_index_failure_next(x, dom, c))
        if (nameset_has(h, fn->blocks[fn->blocks[c]->pred[0]]->cmp.key))
            return true;
    return false;
}
