/* feasible.c - correlated branches make a check->use pair impossible; see
 * feasible.h. */
#include "feasible.h"

#include <string.h>

enum { MAX_VALUES = 8, MAX_VARS = 8, UNKNOWN = 0 };

/* One tracked variable: the constants it is assigned (value i + 1 is
 * consts[i]; 0 is "not known"). */
typedef struct Tracked {
    const char *key;
    long long consts[MAX_VALUES];
    int n;
} Tracked;

static bool plain_local(const Function *fn, const char *key)
{
    const Var *v = key ? ir_find_var(fn, key) : NULL;
    return v && (v->kind == VAR_LOCAL || v->kind == VAR_PARAM);
}

/* The value index of constant c for t, or UNKNOWN when there is no room. */
static int value_of(Tracked *t, long long c)
{
    for (int i = 0; i < t->n; i++)
        if (t->consts[i] == c)
            return i + 1;
    if (t->n == MAX_VALUES)
        return UNKNOWN;
    t->consts[t->n++] = c;
    return t->n;
}

/* The value t holds after ins, given `v` before it. */
static int after(Tracked *t, const Ins *ins, int v)
{
    if (!t->key)
        return v;
    if (ins->dst.key && !strcmp(ins->dst.key, t->key))
        return ins->kind == INS_ASSIGN && ins->src.has_ival ? value_of(t, ins->src.ival)
                                                            : UNKNOWN;
    if (ins->kind == INS_CALL)   /* f(&flag) may set it */
        for (int i = 0; i < ins->call.nargs; i++)
            if (ins->call.args[i].kind == OPND_ADDR && ins->call.args[i].key &&
                !strcmp(ins->call.args[i].key, t->key))
                return UNKNOWN;
    return v;
}

static bool holds(CompareOp op, long long x, long long c)
{
    switch (op) {
    case CMP_EQ: return x == c;
    case CMP_NE: return x != c;
    case CMP_LT: return x < c;
    case CMP_LE: return x <= c;
    case CMP_GT: return x > c;
    case CMP_GE: return x >= c;
    case CMP_NONE: break;
    }
    return true;
}

/* Which successors of blk a path may take with value v of t: a mask of
 * the two edges of a branch decided by a constant, else all. */
static int edges(const Block *blk, const Tracked *t, int v)
{
    if (blk->term != TERM_BRANCH || blk->nsucc != 2)
        return -1;
    if (blk->cond.kind == OPND_INT || (blk->cond.has_ival && !blk->cond.nreads))
        return blk->cond.ival ? 1 : 2;
    if (!t->key || v == UNKNOWN || !blk->cmp.key || strcmp(blk->cmp.key, t->key) ||
        blk->cmp.op == CMP_NONE)
        return -1;
    return holds(blk->cmp.op, t->consts[v - 1], blk->cmp.value) ? 1 : 2;
}

typedef struct Search {
    const Function *fn;
    const Site *check, *use;
    Tracked *t;
    unsigned char *seen;    /* [block][value][after the check] */
    int *work, nwork;
} Search;

static void push(Search *s, int b, int v, int after_check)
{
    int k = (b * (MAX_VALUES + 1) + v) * 2 + after_check;
    if (s->seen[k])
        return;
    s->seen[k] = 1;
    s->work[s->nwork++] = k;
}

/* Is the use reachable from the entry through the check, tracking t? */
static bool reachable(Arena *a, const Function *fn, const Site *check, const Site *use,
                      Tracked *t)
{
    int states = fn->nblocks * (MAX_VALUES + 1) * 2;
    Search s = {fn, check, use, t, ARENA_ARRAY(a, unsigned char, states),
                ARENA_ARRAY(a, int, states), 0};
    push(&s, fn->entry, UNKNOWN, 0);
    while (s.nwork) {
        int k = s.work[--s.nwork];
        int b = k / 2 / (MAX_VALUES + 1), v = k / 2 % (MAX_VALUES + 1), on = k % 2;
        const Block *blk = fn->blocks[b];
        if (b == check->block && check->index < 0)
            on = 1;   /* a walk's callback: checked on entry */
        for (int i = 0; i < blk->nins; i++) {
            if (b == check->block && i == check->index)
                on = 1;
            if (on && b == use->block && i == use->index)
                return true;
            v = after(t, &blk->ins[i], v);
        }
        int mask = edges(blk, t, v);
        for (int e = 0; e < blk->nsucc; e++)
            if (mask & (1 << e))
                push(&s, blk->succ[e], v, on);
    }
    return false;
}

/* Branches the use's block depends on, transitively: their tested
 * variables are the ones worth tracking. */
static int tested_vars(Arena *a, const Function *fn, const CtrlDeps *cdep, int b, Tracked *out)
{
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), nwork = 0, n = 0;
    work[nwork++] = b;
    while (nwork && n < MAX_VARS) {
        int x = work[--nwork];
        for (int i = 0; i < cdep->n[x]; i++) {
            int on = cdep->on[x][i];
            if (seen[on])
                continue;
            seen[on] = true;
            work[nwork++] = on;
            const char *key = fn->blocks[on]->cmp.key;
            bool dup = false;
            for (int k = 0; k < n; k++)
                dup |= !strcmp(out[k].key, key ? key : "");
            if (key && !dup && plain_local(fn, key) && n < MAX_VARS)
                out[n++] = (Tracked){.key = key};
        }
    }
    return n;
}

bool pair_infeasible(Arena *a, const Function *fn, const CtrlDeps *cdep, const Site *check,
                     const Site *use)
{
    Tracked none = {0};
    if (!reachable(a, fn, check, use, &none))
        return true;
    Tracked vars[MAX_VARS];
    int n = tested_vars(a, fn, cdep, use->block, vars);
    for (int i = 0; i < n; i++)
        if (!reachable(a, fn, check, use, &vars[i]))
            return true;
    return false;
}
