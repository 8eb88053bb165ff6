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

/* Per block: can an instruction reading key be reached from it? Once per
 * function and key, backwards from the reads: a walk forward from each use
 * went to the function's end for a handle read there (return fd). */
static const unsigned char *read_ahead(HandleIndex *x, const Function *fn, const char *key)
{
    unsigned char **slot = handle_index_ahead_slot(x, key);
    if (*slot)
        return *slot;
    Arena *a = handle_index_arena(x);
    const NameSet one = {.keys = &key, .n = 1};
    unsigned char *ahead = ARENA_ARRAY(a, unsigned char, fn->nblocks);
    int *work = handle_index_work(x), n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins && !ahead[b]; i++)
            if (ins_reads_handle(&fn->blocks[b]->ins[i], &one)) {
                ahead[b] = 1;
                work[n++] = b;
            }
    ir_mark_reaching(fn, ahead, work, n);
    *slot = ahead;
    return ahead;
}

/* Is a key of h read after instruction `index` of `block`, on some path? */
static bool read_later(const Function *fn, int block, int index, const NameSet *h)
{
    const Block *blk = fn->blocks[block];
    for (int i = index + 1; i < blk->nins; i++)
        if (ins_reads_handle(&blk->ins[i], h))
            return true;
    HandleIndex *x = handle_index(fn);
    for (int k = 0; k < h->n; k++) {
        const unsigned char *ahead = read_ahead(x, fn, h->keys[k]);
        for (int s = 0; s < blk->nsucc; s++)
            if (ahead[blk->succ[s]])
                return true;
    }
    return false;
}

/* Does a close of h come in block b before instruction `until`? */
static bool closed_before(const Block *blk, int from, int until, const NameSet *h)
{
    for (int i = from; i < until && i < blk->nins; i++)
        if (is_close(&blk->ins[i], h))
            return true;
    return false;
}

static bool same_keys(const OpenWalk *w, const NameSet *h)
{
    if (w->nkeys != h->n)
        return false;
    for (int k = 0; k < h->n; k++)
        if (strcmp(w->keys[k], h->keys[k]))
            return false;
    return true;
}

static void walk_enter(OpenWalk *w, const Function *fn, int b)
{
    const Block *blk = fn->blocks[b];
    for (int s = 0; s < blk->nsucc; s++)
        if (intset_add(&w->arena, &w->entered, blk->succ[s]))
            ARENA_PUSH(&w->arena, w->work, w->nwork, w->cap, blk->succ[s]);
}

/* The walk from the open, kept for its next use (started again for
 * another open or handle): the blocks entered before a close. */
static OpenWalk *open_walk(const Function *fn, const Site *open_site, const NameSet *h)
{
    OpenWalk *w = handle_index_open_walk(handle_index(fn));
    if (w->open == open_site->ins && same_keys(w, h))
        return w;
    arena_free(&w->arena);
    *w = (OpenWalk){.open = open_site->ins, .nkeys = h->n};
    w->keys = ARENA_ARRAY(&w->arena, const char *, h->n + 1);
    for (int k = 0; k < h->n; k++)
        w->keys[k] = arena_strdup(&w->arena, h->keys[k]);
    const Block *blk = fn->blocks[open_site->block];
    if (!closed_before(blk, open_site->index + 1, blk->nins, h))
        walk_enter(w, fn, open_site->block);
    return w;
}

/* Is instruction `index` of `block` reached from the open with the handle
 * still open (a close ends a path, after the close itself)? */
static bool reached_open(const Function *fn, const Site *open_site, const NameSet *h, int block,
                         int index)
{
    const Block *start = fn->blocks[open_site->block];
    if (block == open_site->block && index > open_site->index && index < start->nins &&
        !closed_before(start, open_site->index + 1, index, h))
        return true;
    if (index < 0 || index >= fn->blocks[block]->nins)
        return false;
    OpenWalk *w = open_walk(fn, open_site, h);
    while (!intset_has(&w->entered, block) && w->next < w->nwork) {
        int b = w->work[w->next++];   /* breadth first: the uses near the open first */
        const Block *blk = fn->blocks[b];
        if (!closed_before(blk, 0, blk->nins, h))
            walk_enter(w, fn, b);
    }
    return intset_has(&w->entered, block) && !closed_before(fn->blocks[block], 0, index, h);
}

bool handles_open_at(Arena *a, const Function *fn, const Site *open_site, const NameSet *h,
                     int block, int index)
{
    (void)a;
    if (!h->n)
        return false;
    if (!reached_open(fn, open_site, h, block, index))
        return false;   /* every path closes it first */
    return read_later(fn, block, index, h);
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

/* An ioctl() request that sets: its number says the caller writes
 * (_IOW: direction bits 30-31 are 1), or, not evaluated, its name says
 * SET (EXT2_IOC_SETVERSION). */
static bool ioctl_sets(const Call *c)
{
    if (c->nargs < 2)
        return false;
    const Operand *req = &c->args[1];
    if (req->has_ival)
        return (((unsigned long long)req->ival >> 30) & 3) == 1;
    return req->text && (strstr(req->text, "_IOC_SET") || strstr(req->text, "_IOW("));
}

const Ins *handles_changed_through(const Function *fn, const NameSet *h)
{
    static const char *const changers[] = {"fchmod", "fchown", "fsetxattr", "fremovexattr",
                                           "futimens", "futimes", NULL};
    for (int b = 0; h->n && b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            const char *c = ins->kind == INS_CALL ? ins->call.callee : NULL;
            if (!c || ins->call.nargs < 1 || !reads_handle(&ins->call.args[0], h))
                continue;
            bool changes = !strcmp(c, "ioctl") && ioctl_sets(&ins->call);
            for (int k = 0; !changes && changers[k]; k++)
                changes = !strcmp(c, changers[k]);
            if (changes)
                return ins;
        }
    return NULL;
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
