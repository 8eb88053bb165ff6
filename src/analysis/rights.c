/* rights.c - the rights along a function's paths; see rights.h. */
#include "rights.h"

#include "risk_facts.h"

/* The last change of the user ids on the paths into a point, as a set:
 * one bit per kind of change, the union where paths meet. */
enum {
    KEPT = 1,           /* no change since the entry */
    DROPPED = 2,        /* given up (risk_call_rights()) */
    REGAINED = 4,       /* set to other ids */
    TO_PARAM = 8,       /* set to the function's parameter `param` */
};

typedef struct Flow {
    unsigned last;      /* 0: no path yet */
    const Ins *drop;    /* a call that dropped, for the reason */
    int param;          /* TO_PARAM: which parameter; -1 if paths differ */
    bool for_good;      /* TO_PARAM on every path by a switch with no way back */
} Flow;

static Flow meet(Flow a, Flow b)
{
    if (!a.last)
        return b;
    if (!b.last)
        return a;
    Flow m = {a.last | b.last, a.drop ? a.drop : b.drop, a.param, a.for_good && b.for_good};
    if ((a.last & TO_PARAM) && (b.last & TO_PARAM) && a.param != b.param)
        m.param = -1;
    else if (!(a.last & TO_PARAM))
        m.param = b.param;
    return m;
}

/* The state after instructions [0, end) of block b, entered with `in`. */
static Flow through(const Function *fn, int b, int end, Flow in)
{
    const Block *blk = fn->blocks[b];
    for (int i = 0; i < end && i < blk->nins; i++) {
        const Ins *ins = &blk->ins[i];
        if (ins->kind != INS_CALL)
            continue;
        int param = risk_call_ids_param(fn, &ins->call);
        Rights r = risk_call_rights(fn, &ins->call);
        if (param)
            in = (Flow){TO_PARAM, NULL, param - 1, risk_call_for_good(&ins->call)};
        else if (r == RIGHTS_DROPPED)
            in = (Flow){DROPPED, ins, -1};
        else if (r == RIGHTS_REGAINED)
            in = (Flow){REGAINED, NULL, -1};
    }
    return in;
}

static bool same(Flow a, Flow b)
{
    return a.last == b.last && a.drop == b.drop && a.param == b.param &&
           a.for_good == b.for_good;
}

struct RightsFlow {
    const Function *fn;
    Flow *in;                   /* per block, on entry */
};

/* The flow to a fixed point, once per function: each finding asks where
 * its use is. A block that ends the program passes nothing on. */
RightsFlow *rights_flow(Arena *a, const Function *fn)
{
    RightsFlow *r = ARENA_NEW(a, RightsFlow);
    Flow *in = ARENA_ARRAY(a, Flow, fn->nblocks);
    in[fn->entry] = (Flow){KEPT, NULL, -1};
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < fn->nblocks; b++) {
            if (!in[b].last || fn->blocks[b]->term == TERM_NORETURN)
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
    return at.last == DROPPED ? at.drop : NULL;
}

RightsEffect rights_effect(const RightsFlow *r)
{
    Flow out = r->in[r->fn->exit];
    RightsEffect e = {.regains = out.last & REGAINED};
    if (out.last == TO_PARAM && out.param >= 0) {
        e.ids_param = out.param + 1;
        e.for_good = out.for_good;
    }
    else   /* to a parameter on some paths only: other ids, for all the caller knows */
        e.regains |= (out.last & TO_PARAM) != 0;
    e.drops = (out.last & DROPPED) && !e.regains && !e.ids_param;
    return e;
}
