/* feasible.c - correlated branches make a check->use pair impossible; see
 * feasible.h. */
#include "feasible.h"

#include <limits.h>
#include <string.h>

enum { MAX_VALUES = 8, MAX_VARS = 8, UNKNOWN = 0 };

/* What a path knows of a tracked variable: it equals a constant, differs
 * from it (after a failed ==), is at least it or below it (after an
 * ordered test: `if (fd < 0) return;` leaves fd >= 0). */
typedef enum Fact { IS, ISNT, AT_LEAST, BELOW, NFACTS } Fact;
enum { NVALUES = NFACTS * MAX_VALUES + 1 };

/* One tracked variable and the constants it is set to or tested against.
 * A value index v is UNKNOWN (0) or a fact about one of consts:
 * 1 + fact * MAX_VALUES + the constant's index. */
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

/* The value index of `fact c` for t, or UNKNOWN when there is no room. */
static int value_of(Tracked *t, Fact fact, long long c)
{
    int i = 0;
    while (i < t->n && t->consts[i] != c)
        i++;
    if (i == t->n) {
        if (t->n == MAX_VALUES)
            return UNKNOWN;
        t->consts[t->n++] = c;
    }
    return 1 + (int)fact * MAX_VALUES + i;
}

static Fact fact_of(int v)
{
    return (Fact)((v - 1) / MAX_VALUES);
}

static long long const_of(const Tracked *t, int v)
{
    return t->consts[(v - 1) % MAX_VALUES];
}

/* The value t holds after ins, given `v` before it. */
static int after(Tracked *t, const Ins *ins, int v)
{
    if (!t->key)
        return v;
    if (ins->dst.key && !strcmp(ins->dst.key, t->key))
        return ins->kind == INS_ASSIGN && ins->src.has_ival ? value_of(t, IS, ins->src.ival)
                                                            : UNKNOWN;
    if (ins->kind == INS_CALL)   /* f(&flag) may set it */
        for (int i = 0; i < ins->call.nargs; i++)
            if (ins->call.args[i].kind == OPND_ADDR && ins->call.args[i].key &&
                !strcmp(ins->call.args[i].key, t->key))
                return UNKNOWN;
    return v;
}

/* A test as one of x == c, x != c, x < c, x >= c (x <= c is x < c + 1,
 * x > c is x >= c + 1); false when c + 1 does not fit. */
static bool normalized(CompareOp op, long long value, CompareOp *nop, long long *c)
{
    *nop = op == CMP_LE ? CMP_LT : op == CMP_GT ? CMP_GE : op;
    *c = value;
    if (op == CMP_LE || op == CMP_GT) {
        if (value == LLONG_MAX)
            return false;
        *c = value + 1;
    }
    return *nop != CMP_NONE;
}

/* Does `x op c` always (1) or never (0) hold where the path knows v of x;
 * -1: it may go either way. */
static int test_decided(const Tracked *t, int v, CompareOp op, long long c)
{
    if (v == UNKNOWN)
        return -1;
    long long k = const_of(t, v);
    switch (fact_of(v)) {
    case IS:
        return ir_compare_holds(op, k, c);
    case ISNT:
        return c != k || (op != CMP_EQ && op != CMP_NE) ? -1 : op == CMP_NE;
    case AT_LEAST:   /* x in [k, +inf) */
        if (op == CMP_EQ || op == CMP_NE)
            return c < k ? op == CMP_NE : -1;
        return c <= k ? op == CMP_GE : -1;
    case BELOW:      /* x in (-inf, k) */
        if (op == CMP_EQ || op == CMP_NE || op == CMP_GE)
            return c >= k ? op != CMP_EQ && op != CMP_GE : -1;
        return c >= k ? 1 : -1;
    case NFACTS:
        break;
    }
    return -1;
}

/* The value of t on each edge of blk's branch, entered with value v; -1
 * for an edge no path with v can take. A test `t op c` (a bare `t` is
 * t != 0) decides it when what v says settles it, and teaches the edges
 * otherwise: equal on one, and, where nothing was known, different on
 * the other; at least c or below c after an ordered test. */
static void branch(const Block *blk, Tracked *t, int v, int out[2])
{
    out[0] = out[1] = v;
    if (blk->cond.kind == OPND_INT || (blk->cond.has_ival && !blk->cond.nreads)) {
        out[blk->cond.ival ? 1 : 0] = -1;   /* a constant condition */
        return;
    }
    const Compare *cmp = &blk->cmp;
    CompareOp op;
    long long c;
    if (!t->key || !cmp->key || strcmp(cmp->key, t->key) ||
        !normalized(cmp->op, cmp->value, &op, &c))
        return;
    int holds = test_decided(t, v, op, c);
    if (holds >= 0) {
        out[holds ? 1 : 0] = -1;
        return;
    }
    bool vague = v == UNKNOWN || fact_of(v) == ISNT;
    if (op == CMP_EQ || op == CMP_NE) {
        int equal = op == CMP_EQ ? 0 : 1;
        out[equal] = value_of(t, IS, c);
        if (v == UNKNOWN)
            out[1 - equal] = value_of(t, ISNT, c);
    } else if (vague) {
        int below = op == CMP_LT ? 0 : 1;
        out[below] = value_of(t, BELOW, c);
        out[1 - below] = value_of(t, AT_LEAST, c);
    }
}

/* What one search from the entry reached, per block: entered before the
 * check (REACH_BEFORE), after it (REACH_AFTER). A search tracks one
 * variable (or none) and explores every state it can reach: whether a use
 * is reachable then needs no search of its own. */
enum { REACH_BEFORE = 1, REACH_AFTER = 2 };

typedef struct Explored {
    const char *key;            /* the variable tracked; NULL: none */
    unsigned char *reach;       /* per block */
} Explored;

struct Feasibility {
    Arena arena;                /* the searches' results, released at the end */
    const Function *fn;
    const CtrlDeps *cdep;
    Site check;
    Explored *done;
    int ndone, cap;
    int *mark, *work, stamp;    /* tested_vars(): blocks seen, by stamp */
};

typedef struct Search {
    unsigned char *seen;        /* [block][value][after the check] */
    int *work, nwork;
} Search;

static void push(Search *s, int b, int v, int after_check)
{
    int k = (b * NVALUES + v) * 2 + after_check;
    if (s->seen[k])
        return;
    s->seen[k] = 1;
    s->work[s->nwork++] = k;
}

/* Every state reachable from the entry, tracking t: the blocks entered
 * before and after the check, into reach. The states (the function's size
 * times the values) live only as long as the search. */
static void explore(const Function *fn, const Site *check, Tracked *t, unsigned char *reach)
{
    Arena mine = {0};
    int states = fn->nblocks * NVALUES * 2;
    Search s = {ARENA_ARRAY(&mine, unsigned char, states), ARENA_ARRAY(&mine, int, states), 0};
    push(&s, fn->entry, UNKNOWN, 0);
    while (s.nwork) {
        int k = s.work[--s.nwork];
        int b = k / 2 / NVALUES, v = k / 2 % NVALUES, on = k % 2;
        const Block *blk = fn->blocks[b];
        reach[b] |= on ? REACH_AFTER : REACH_BEFORE;
        if (b == check->block && check->index < 0)
            on = 1;   /* a walk's callback: checked on entry */
        for (int i = 0; i < blk->nins; i++) {
            if (b == check->block && i == check->index)
                on = 1;
            v = after(t, &blk->ins[i], v);
        }
        int out[2] = {v, v};
        if (blk->term == TERM_BRANCH && blk->nsucc == 2)
            branch(blk, t, v, out);
        for (int e = 0; e < blk->nsucc; e++)
            if (e >= 2 || out[e] >= 0)
                push(&s, blk->succ[e], e >= 2 ? v : out[e], on);
    }
    arena_free(&mine);
}

/* What the search tracking `key` reached, searched once per check. */
static const unsigned char *reached(Feasibility *f, const char *key)
{
    for (int i = 0; i < f->ndone; i++)
        if (key ? f->done[i].key && !strcmp(f->done[i].key, key) : !f->done[i].key)
            return f->done[i].reach;
    Explored e = {key, ARENA_ARRAY(&f->arena, unsigned char, f->fn->nblocks)};
    Tracked t = {.key = key};
    explore(f->fn, &f->check, &t, e.reach);
    ARENA_PUSH(&f->arena, f->done, f->ndone, f->cap, e);
    return e.reach;
}

/* Is the use reachable from the entry through the check, tracking key?
 * In the use's block, after the check when the path entered it checked,
 * or when the check comes first in that block. */
static bool reachable(Feasibility *f, const Site *use, const char *key)
{
    const Site *check = &f->check;
    if (use->index < 0 || use->index >= f->fn->blocks[use->block]->nins)
        return false;
    unsigned char r = reached(f, key)[use->block];
    return (r & REACH_AFTER) ||
           ((r & REACH_BEFORE) && use->block == check->block &&
            (check->index < 0 || check->index <= use->index));
}

/* Branches the use's block depends on, transitively: their tested
 * variables are the ones worth tracking. */
static int tested_vars(Feasibility *f, int b, Tracked *out)
{
    const Function *fn = f->fn;
    const CtrlDeps *cdep = f->cdep;
    if (!f->mark) {
        f->mark = ARENA_ARRAY(&f->arena, int, fn->nblocks);
        f->work = ARENA_ARRAY(&f->arena, int, fn->nblocks);
    }
    int stamp = ++f->stamp, *work = f->work, nwork = 0, n = 0;
    work[nwork++] = b;
    while (nwork && n < MAX_VARS) {
        int x = work[--nwork];
        for (int i = 0; i < cdep->n[x]; i++) {
            int on = cdep->on[x][i];
            if (f->mark[on] == stamp)
                continue;
            f->mark[on] = stamp;
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

/* The searches' results are shared by the check's uses: one search per
 * tracked variable instead of one per pair (a switch of 8,000 cases was
 * 8,000 searches of the whole function). */
Feasibility *feasible_begin(Arena *a, const Function *fn, const CtrlDeps *cdep,
                            const Site *check)
{
    Feasibility *f = ARENA_NEW(a, Feasibility);
    f->fn = fn;
    f->cdep = cdep;
    f->check = *check;
    return f;
}

bool feasible_pair_infeasible(Feasibility *f, const Site *use)
{
    if (!reachable(f, use, NULL))
        return true;
    Tracked vars[MAX_VARS];
    int n = tested_vars(f, use->block, vars);
    for (int i = 0; i < n; i++)
        if (!reachable(f, use, vars[i].key))
            return true;
    return false;
}

void feasible_end(Feasibility *f)
{
    arena_free(&f->arena);
    f->ndone = f->cap = 0;
    f->done = NULL;
    f->mark = f->work = NULL;
}
