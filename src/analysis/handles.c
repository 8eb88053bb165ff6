/* handles.c - following a descriptor from its open; see handles.h. */
#include "handles.h"

#include <string.h>

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

/* Calls whose result is the same open file as their first argument: a
 * stream or directory stream wrapped around a descriptor (fdopen(fd)
 * then fwrite()/rewind() keep the file open and in use), or the
 * descriptor under a stream. */
static bool wraps_handle(const Ins *ins, const NameSet *h)
{
    static const char *const wrappers[] = {"fileno", "fdopen", "fdopendir", "dirfd", NULL};
    if (ins->kind != INS_CALL || !ins->call.callee || !ins->dst.key || ins->call.nargs < 1 ||
        !reads_handle(&ins->call.args[0], h))
        return false;
    for (int i = 0; wrappers[i]; i++)
        if (!strcmp(ins->call.callee, wrappers[i]))
            return true;
    return false;
}

NameSet handles_of(Arena *a, const Function *fn, const Site *open_site)
{
    NameSet h = {0};
    if (!open_site->ins->dst.key)
        return h;
    nameset_add(a, &h, open_site->ins->dst.key);
    for (bool grew = true; grew;) {   /* copies, to a fixed point */
        grew = false;
        for (int b = 0; b < fn->nblocks; b++)
            for (int i = 0; i < fn->blocks[b]->nins; i++) {
                const Ins *ins = &fn->blocks[b]->ins[i];
                bool copies = ins->kind == INS_ASSIGN && ins->dst.kind == OPND_LVALUE &&
                              ins->src.kind != OPND_EXPR && reads_handle(&ins->src, &h);
                if (copies || wraps_handle(ins, &h))
                    grew |= nameset_add(a, &h, ins->dst.key);
            }
    }
    return h;
}

/* Breadth-first over instructions from (block, index+1); stop_at_close:
 * paths end at a close() of the handle. visit returns true to stop. */
typedef bool (*InsVisit)(const Ins *ins, int block, int index, void *data);

static bool walk_from(Arena *a, const Function *fn, int block, int index, const NameSet *h,
                      bool stop_at_close, InsVisit visit, void *data)
{
    bool *entered = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), nwork = 0;
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
            if (!entered[blk->succ[s]]) {
                entered[blk->succ[s]] = true;
                work[nwork++] = blk->succ[s];
            }
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
    if (!h->n)
        return false;
    Target t = {block, index};
    if (!walk_from(a, fn, open_site->block, open_site->index, h, true, is_target, &t))
        return false;   /* every path closes it first */
    return walk_from(a, fn, block, index, h, false, reads_it, (void *)h);
}

/* Calls that look at a handle or end it without doing anything with the
 * file's contents. */
static bool only_inspects(const char *callee)
{
    static const char *const names[] = {"close", "fclose", "closedir", "pclose", "fstat",
                                        "fstat64", "fileno", "dirfd", "ferror", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(callee, names[i]))
            return true;
    return false;
}

bool handles_worked_through(const Function *fn, const NameSet *h)
{
    for (int b = 0; b < fn->nblocks && h->n; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind == INS_CALL && (!ins->call.callee || !only_inspects(ins->call.callee)) &&
                ins_reads_handle(ins, h))
                return true;
        }
    return false;
}

const char *handles_variable(const NameSet *h)
{
    for (int i = 0; i < h->n; i++)
        if (h->keys[i][0] != '%')
            return h->keys[i];
    return NULL;
}

/* Which edge of a test of a handle is taken when the open failed: 0 the
 * true edge, 1 the false edge, -1 unknown. Descriptors fail as -1,
 * streams and directories as NULL. */
static int failure_edge(const Compare *c)
{
    switch (c->op) {
    case CMP_LT: return c->value <= 0 ? 0 : -1;        /* fd < 0 */
    case CMP_LE: return c->value < 0 ? 0 : -1;         /* fd <= -1 */
    case CMP_EQ: return c->value == -1 || c->value == 0 ? 0 : -1;   /* fd == -1, !f */
    case CMP_NE: return c->value == -1 || c->value == 0 ? 1 : -1;   /* fd != -1, if (f) */
    case CMP_GE: return c->value == 0 ? 1 : -1;        /* fd >= 0 */
    case CMP_GT: return c->value == -1 ? 1 : -1;       /* fd > -1 */
    default: return -1;
    }
}

bool handles_failed_at(const Function *fn, const DomTree *dom, const NameSet *h, int b)
{
    for (;;) {
        const Block *blk = fn->blocks[b];
        if (blk->npred == 1) {
            const Block *test = fn->blocks[blk->pred[0]];
            int edge = test->term == TERM_BRANCH && test->cmp.key &&
                               nameset_has(h, test->cmp.key)
                           ? failure_edge(&test->cmp) : -1;
            if (edge >= 0 && test->nsucc == 2 && test->succ[edge] == b)
                return true;
        }
        if (dom->idom[b] < 0 || dom->idom[b] == b)
            return false;
        b = dom->idom[b];
    }
}
