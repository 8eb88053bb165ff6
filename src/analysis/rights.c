/* rights.c - the rights along a function's paths; see rights.h. */
#include "rights.h"

#include "risk_facts.h"

/* What the paths into a point agree on. UNSEEN: no path yet; MIXED: they
 * disagree (or kept the rights on one). */
typedef enum State { UNSEEN, KEPT, DROPPED, REGAINED, MIXED } State;

typedef struct Flow {
    State state;
    const Ins *drop;    /* DROPPED: the call that did it */
} Flow;

static Flow meet(Flow a, Flow b)
{
    if (a.state == UNSEEN)
        return b;
    if (b.state == UNSEEN || (a.state == b.state && a.state != DROPPED))
        return a;
    if (a.state == DROPPED && b.state == DROPPED)
        return a;   /* either drop: both leave the user's ids */
    return (Flow){MIXED, NULL};
}

/* The state after instructions [0, end) of block b, entered with `in`. */
static Flow through(const Function *fn, int b, int end, Flow in)
{
    const Block *blk = fn->blocks[b];
    for (int i = 0; i < end && i < blk->nins; i++) {
        const Ins *ins = &blk->ins[i];
        Rights r = ins->kind == INS_CALL ? risk_call_rights(fn, &ins->call) : RIGHTS_KEPT;
        if (r == RIGHTS_DROPPED)
            in = (Flow){DROPPED, ins};
        else if (r == RIGHTS_REGAINED)
            in = (Flow){REGAINED, NULL};
    }
    return in;
}

static bool same(Flow a, Flow b)
{
    return a.state == b.state && a.drop == b.drop;
}

struct RightsFlow {
    const Function *fn;
    Flow *in;                   /* per block, on entry */
};

/* The flow to a fixed point, once per function: each finding asks where
 * its use is. */
RightsFlow *rights_flow(Arena *a, const Function *fn)
{
    RightsFlow *r = ARENA_NEW(a, RightsFlow);
    Flow *in = ARENA_ARRAY(a, Flow, fn->nblocks);
    in[fn->entry] = (Flow){KEPT, NULL};
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < fn->nblocks; b++) {
            if (in[b].state == UNSEEN)
                continue;
            Flow out = through(fn, b, fn->blocks[b]->nins, in[b]);
            for (int s = 0; s < fn->blocks[b]->nsucc; s++) {
                int to = fn->blocks[b]->succ[s];
                Flow m = meet(in[to], out);
                if (!same(m, in[to])) {
                    in[to] = m;
                    changed = true;
                }
            }
        }
    }
    *r = (RightsFlow){fn, in};
    return r;
}

const Ins *rights_dropped_before(const RightsFlow *r, int block, int index)
{
    Flow at = through(r->fn, block, index, r->in[block]);
    return at.state == DROPPED ? at.drop : NULL;
}
