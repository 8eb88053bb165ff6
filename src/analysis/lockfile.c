/* lockfile.c - lock files that do not exclude; see lockfile.h. */
#include "lockfile.h"

#include <string.h>

#include "creation.h"
#include "flow.h"
#include "locks.h"
#include "origin.h"

/* ---- (a) checks that decide a creation ------------------------------ */

typedef struct Decided {
    const Ins *use;         /* the creating call */
    const Site *check;
    bool polls;             /* the check repeats in a loop that sleeps */
} Decided;

struct LockfileScan {
    Arena *a;
    OriginCtx *origins;
    const Function *fn;
    const DomTree *dom;
    const CtrlDeps *cdep;
    Decided *decided;
    int ndecided;           /* -1: not searched yet */
};

static bool sleeps(const Ins *ins)
{
    static const char *const names[] = {"sleep", "usleep", "nanosleep", "clock_nanosleep",
                                        "sched_yield", "poll", "select", "pause", "Sleep",
                                        NULL};
    if (ins->kind != INS_CALL || !ins->call.callee)
        return false;
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], ins->call.callee))
            return true;
    return false;
}

/* Is block b in a loop that also calls sleep()? */
static bool polls(Arena *a, const Function *fn, int b)
{
    int n = fn->nblocks;
    bool *fwd = ARENA_ARRAY(a, bool, n), *back = ARENA_ARRAY(a, bool, n);
    int *work = ARENA_ARRAY(a, int, n), nw = 0;
    for (int k = 0; k < fn->blocks[b]->nsucc; k++)
        if (!fwd[fn->blocks[b]->succ[k]]) {
            fwd[fn->blocks[b]->succ[k]] = true;
            work[nw++] = fn->blocks[b]->succ[k];
        }
    while (nw) {
        const Block *x = fn->blocks[work[--nw]];
        for (int k = 0; k < x->nsucc; k++)
            if (!fwd[x->succ[k]]) {
                fwd[x->succ[k]] = true;
                work[nw++] = x->succ[k];
            }
    }
    if (!fwd[b])
        return false;
    back[b] = true;
    work[nw++] = b;
    while (nw) {
        const Block *x = fn->blocks[work[--nw]];
        for (int k = 0; k < x->npred; k++)
            if (!back[x->pred[k]]) {
                back[x->pred[k]] = true;
                work[nw++] = x->pred[k];
            }
    }
    for (int x = 0; x < n; x++) {
        if (!fwd[x] || !back[x])
            continue;
        for (int i = 0; i < fn->blocks[x]->nins; i++)
            if (sleeps(&fn->blocks[x]->ins[i]))
                return true;
    }
    return false;
}

/* Every creating call (without O_EXCL) that an access()/stat() check of
 * the same name decides (all of them: a cap dropped some without a word). */
static Decided *decided_creations(LockfileScan *in, int *count)
{
    const Function *fn = in->fn;
    Decided *out = NULL;
    int n = 0, cap = 0;
    for (int b = 0; b < fn->nblocks; b++) {
        if (in->dom->idom[b] < 0)
            continue;
        const Block *blk = fn->blocks[b];
        for (int i = 0; i < blk->nins; i++) {
            const FileFunc *f = site_libc_func(&blk->ins[i]);
            if (!f || (f->group != G_ACCESS && f->group != G_STAT))
                continue;
            const Operand *path = site_path(&blk->ins[i], f, 0);
            if (!path)
                continue;
            Site *check = ARENA_NEW(in->a, Site);
            *check = (Site){b, i, &blk->ins[i], f, path};
            int nu;
            Site *uses = flow_uses(in->a, fn, check, path->key, NULL, NULL, &nu);
            Guards *guards = NULL;
            for (int u = 0; u < nu; u++) {
                const FileFunc *uf = site_libc_func(uses[u].ins);
                if (!uf || creation_of(uses[u].ins, uf) != CREATE_YES ||
                    uses[u].path != creation_path(uses[u].ins, uf))
                    continue;
                if (!guards) {
                    const char *seeds[3], *buf = site_out_buffer(check);
                    int ns = 0;
                    if (check->ins->dst.kind != OPND_NONE)
                        seeds[ns++] = check->ins->dst.key;
                    seeds[ns++] = "errno";
                    if (buf)
                        seeds[ns++] = buf;
                    guards = flow_guards(in->a, fn, check, seeds, ns, true);
                }
                if (!flow_is_guarded(in->a, fn, in->dom, in->cdep, guards, uses[u].block))
                    continue;
                Decided d = {uses[u].ins, check, polls(in->a, fn, b)};
                ARENA_PUSH(in->a, out, n, cap, d);
            }
        }
    }
    *count = n;
    return out;
}



LockfileScan *lockfile_scan(Arena *a, OriginCtx *origins, const Function *fn,
                            const DomTree *dom, const CtrlDeps *cd)
{
    LockfileScan *s = ARENA_NEW(a, LockfileScan);
    *s = (LockfileScan){a, origins, fn, dom, cd, NULL, -1};
    return s;
}

LockfileVerdict lockfile_judge(LockfileScan *s, int b, int i)
{
    LockfileVerdict none = {LOCKFILE_OK, NULL, false};
    const Ins *ins = &s->fn->blocks[b]->ins[i];
    const FileFunc *f = site_libc_func(ins);
    if (!f || creation_of(ins, f) != CREATE_YES)
        return none;
    const Operand *path = creation_path(ins, f);
    if (!path)
        return none;
    if (s->ndecided < 0)
        s->decided = decided_creations(s, &s->ndecided);
    Shapes sh = origin_shapes(s->origins, b, i, path);
    LockName kind = lockname_of(&sh, path);
    const Decided *d = NULL;
    for (int k = 0; k < s->ndecided && !d; k++)
        if (s->decided[k].use == ins && (kind != LOCKNAME_NO || s->decided[k].polls))
            d = &s->decided[k];
    if (!d && kind != LOCKNAME_LOCK)
        return none;
    bool escapes;
    if (handle_locked(s->a, s->fn, b, i, &escapes))
        return none;   /* an anchor for flock()/fcntl(): the right way */
    if (d)
        return (LockfileVerdict){LOCKFILE_CHECKED, d->check, d->polls};
    return escapes ? none : (LockfileVerdict){LOCKFILE_NOT_EXCL, NULL, false};
}
