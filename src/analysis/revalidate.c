/* revalidate.c - finds the fstat() comparison of POS35-C; see
 * revalidate.h. Flow-insensitive over the blocks reachable from the open:
 * the descriptor's copies (fd = %1, fileno(f)), the buffers fstat() fills
 * from it, and a branch reading one of those and the check's buffer. */
#include <string.h>

#include "flow_index.h"
#include "names.h"
#include "revalidate.h"
#include "summary.h"

/* fstat-like calls: (name, index of the descriptor argument, out buffer). */
static const struct { const char *name; int fd, out; } fstats[] = {
    {"fstat", 0, 1}, {"fstat64", 0, 1}, {"__fxstat", 1, 2}, {"__fxstat64", 1, 2},
    {"fstatat", 0, 2}, {"fstatat64", 0, 2}, {"statx", 0, 4}, {NULL, 0, 0},
};

bool revalidate_fstat_args(const Call *c, int *fd, int *out)
{
    if (!c->callee)
        return false;
    for (int i = 0; fstats[i].name; i++)
        if (!strcmp(c->callee, fstats[i].name) && c->nargs > fstats[i].out) {
            *fd = fstats[i].fd;
            *out = fstats[i].out;
            return true;
        }
    const Summary *s = summary_lookup(c->callee);
    if (!s || !s->fstat_fd || s->fstat_fd > c->nargs || s->fstat_out > c->nargs)
        return false;
    *fd = s->fstat_fd - 1;
    *out = s->fstat_out - 1;
    return true;
}

static bool reads_any(const Operand *o, const NameSet *keys)
{
    for (int k = 0; k < keys->n; k++)
        if (ir_operand_touches(o, keys->keys[k]))
            return true;
    return false;
}

/* Grow the descriptor set and the fstat buffer set from one instruction. */
static bool learn(Arena *a, const Ins *ins, NameSet *fds, NameSet *bufs)
{
    bool grew = false;
    if (ins->kind == INS_ASSIGN && ins->dst.key && reads_any(&ins->src, fds))
        grew |= nameset_add(a, fds, ins->dst.key);
    if (ins->kind != INS_CALL || !ins->call.callee)
        return grew;
    const Call *c = &ins->call;
    /* the same open file: fileno(f), dup(fd) (atd: fstat(dup(fileno(stream)))) */
    bool same_file = !strcmp(c->callee, "fileno") || !strcmp(c->callee, "dup") ||
                     !strcmp(c->callee, "dup2") || !strcmp(c->callee, "dup3");
    if (same_file && c->nargs >= 1 && reads_any(&c->args[0], fds) && ins->dst.key)
        grew |= nameset_add(a, fds, ins->dst.key);
    int fd, out;
    if (revalidate_fstat_args(c, &fd, &out) && reads_any(&c->args[fd], fds) && c->args[out].key)
        grew |= nameset_add(a, bufs, c->args[out].key);
    return grew;
}

/* Blocks reachable from b, in an array; *n receives the count. */
static int *reachable(Arena *a, const Function *fn, int b, int *n)
{
    int *order = ARENA_ARRAY(a, int, fn->nblocks);
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int count = 0;
    order[count++] = b;
    seen[b] = true;
    for (int i = 0; i < count; i++) {
        const Block *blk = fn->blocks[order[i]];
        for (int s = 0; s < blk->nsucc; s++)
            if (!seen[blk->succ[s]]) {
                seen[blk->succ[s]] = true;
                order[count++] = blk->succ[s];
            }
    }
    *n = count;
    return order;
}

/* Without an fstat() call nothing is compared (and the search below
 * costs the function's size for each question). A wrapper of fstat()
 * (postfix #defines fstat to warn_fstat) is looked for only when the
 * function calls no fstat() itself. */
static bool calls_fstat(const Function *fn)
{
    const FlowIndex *x = flow_index(fn);
    for (int i = 0; fstats[i].name; i++)
        if (flow_index_calls(x, fstats[i].name))
            return true;
    int fd, out;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind == INS_CALL && revalidate_fstat_args(&ins->call, &fd, &out))
                return true;
        }
    return false;
}

bool revalidated(Arena *a, const Function *fn, const Site *open_use, const char *check_buf)
{
    if (!check_buf || !open_use->ins->dst.key || !calls_fstat(fn))
        return false;
    NameSet fds = {0}, bufs = {0}, check = {0};
    nameset_add(a, &fds, open_use->ins->dst.key);
    nameset_add(a, &check, check_buf);
    int n;
    int *blocks = reachable(a, fn, open_use->block, &n);
    for (bool grew = true; grew;) {   /* to a fixed point: copies in loops */
        grew = false;
        for (int i = 0; i < n; i++) {
            const Block *blk = fn->blocks[blocks[i]];
            for (int k = 0; k < blk->nins; k++)
                grew |= learn(a, &blk->ins[k], &fds, &bufs);
        }
    }
    for (int i = 0; i < n && bufs.n; i++) {
        const Block *blk = fn->blocks[blocks[i]];
        if ((blk->term == TERM_BRANCH || blk->term == TERM_SWITCH) &&
            reads_any(&blk->cond, &check) && reads_any(&blk->cond, &bufs))
            return true;
    }
    return false;
}
