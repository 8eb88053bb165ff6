/* feasible_index.c - per-function states for feasible.c; see
 * feasible_index.h. */
#include "feasible_index.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "flow_index.h"

/* The value index of `fact c` for t, or FEAS_UNKNOWN when there is no
 * room (then t->dropped). */
static int value_of(Tracked *t, FeasFact fact, long long c)
{
    int i = 0;
    while (i < t->n && t->consts[i] != c)
        i++;
    if (i == t->n) {
        if (t->n == FEAS_MAX_VALUES) {
            t->dropped = true;
            return FEAS_UNKNOWN;
        }
        t->consts[t->n++] = c;
    }
    return 1 + (int)fact * FEAS_MAX_VALUES + i;
}

static FeasFact fact_of(int v)
{
    return (FeasFact)((v - 1) / FEAS_MAX_VALUES);
}

static long long const_of(const Tracked *t, int v)
{
    return t->consts[(v - 1) % FEAS_MAX_VALUES];
}

/* Is key storage reached through a pointer ("*typep", "w->type")? */
static bool through_pointer(const char *key)
{
    return key[0] == '*' || strstr(key, "->");
}

/* May the call write t's storage: given its address (f(&flag), f(&s) for
 * "s.f"), or, for storage through a pointer, that pointer (f(typep) may
 * set *typep)? A store through another pointer (*namep = arg) is taken
 * not to alias it: two out-parameters of one call name two objects. */
static bool call_may_write(const Tracked *t, const Ins *ins)
{
    int n;
    const char *root = ir_key_root(t->key, &n);
    for (int i = 0; i < ins->call.nargs; i++) {
        const Operand *arg = &ins->call.args[i];
        if (arg->kind == OPND_ADDR && arg->key && ir_key_overlaps(arg->key, t->key))
            return true;
        for (int r = 0; through_pointer(t->key) && !arg->to_const && r < arg->nreads; r++)
            if ((int)strlen(arg->reads[r]) == n && !strncmp(arg->reads[r], root, (size_t)n))
                return true;
    }
    return false;
}

/* The value t holds after ins, given `v` before it. */
static int after(Tracked *t, const Ins *ins, int v)
{
    if (!t->key)
        return v;
    if (ins->dst.key && !strcmp(ins->dst.key, t->key))
        return ins->kind == INS_ASSIGN && ins->src.has_ival ? value_of(t, IS, ins->src.ival)
                                                            : FEAS_UNKNOWN;
    /* typep = other, s = *q: the key names other storage, or all of it changed */
    if (ins->dst.kind == OPND_LVALUE && ins->dst.key && ir_key_overlaps(ins->dst.key, t->key))
        return FEAS_UNKNOWN;
    if (ins->kind == INS_CALL && call_may_write(t, ins))
        return FEAS_UNKNOWN;
    return v;
}

int feasible_run_block(Tracked *t, const Block *blk, int v)
{
    if (!t->key)
        return v;
    for (int i = 0; i < blk->nins; i++)
        v = after(t, &blk->ins[i], v);
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
    if (v == FEAS_UNKNOWN)
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

/* A bit test of t (`t & MASK`, `(t & MASK) == C`) where the path knows the
 * value t holds: the edge it cannot take is closed (-1). */
static bool bits_decided(const Block *blk, const Tracked *t, int v, int out[2])
{
    const Compare *m = &blk->masked;
    if (!t->key || !m->key || strcmp(m->key, t->key) || v == FEAS_UNKNOWN ||
        fact_of(v) != IS || (m->op != CMP_EQ && m->op != CMP_NE))
        return false;
    out[ir_compare_holds(m->op, const_of(t, v) & m->mask, m->value) ? 1 : 0] = -1;
    return true;
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
    if (bits_decided(blk, t, v, out))
        return;
    if (!t->key || !cmp->key || strcmp(cmp->key, t->key) ||
        !normalized(cmp->op, cmp->value, &op, &c))
        return;
    int holds = test_decided(t, v, op, c);
    if (holds >= 0) {
        out[holds ? 1 : 0] = -1;
        return;
    }
    bool vague = v == FEAS_UNKNOWN || fact_of(v) == ISNT;
    if (op == CMP_EQ || op == CMP_NE) {
        int equal = op == CMP_EQ ? 0 : 1;
        out[equal] = value_of(t, IS, c);
        if (v == FEAS_UNKNOWN)
            out[1 - equal] = value_of(t, ISNT, c);
    } else if (vague) {
        int below = op == CMP_LT ? 0 : 1;
        out[below] = value_of(t, BELOW, c);
        out[1 - below] = value_of(t, AT_LEAST, c);
    }
}

void feasible_branch_out(const Block *blk, Tracked *t, int v, int out2[2])
{
    out2[0] = out2[1] = v;
    if (blk->term == TERM_BRANCH && blk->nsucc == 2)
        branch(blk, t, v, out2);
}

/* ---- the index ---------------------------------------------------- */

struct FeasibleIndex {
    const Function *fn;
    unsigned long serial;
    Arena arena;
    StrMap slot_of;             /* tracked key -> index in entered */
    Entered **entered;
    int nentered, cap;
    Entered *none;              /* tracking no variable */
    const char ***vars;         /* per block: tested variables; NULL: not yet */
    int *nvars;
    int *mark, *work, stamp;    /* tested variables' search, by stamp */
    /* per variable root: the blocks naming it, and whether more constants
     * than a Tracked holds are set to or tested against it */
    StrMap mention_of;          /* root -> index in mentions; built once */
    struct Mentions { int *blocks; int n, cap; int nconsts; bool many;
                      long long consts[FEAS_MAX_VALUES]; } *mentions;
    int nmentions, cap_mentions;
    bool mentions_built;
    int *local_pos, *local_work;  /* feasible_entered_at's search, by stamp */
    uint64_t *local_values;
    int *local_mark, local_stamp;
};

static _Thread_local FeasibleIndex *kept;

FeasibleIndex *feasible_index(const Function *fn)
{
    if (kept && kept->fn == fn && kept->serial == fn->serial)
        return kept;
    feasible_index_release();
    kept = calloc(1, sizeof *kept);
    if (!kept)
        abort();
    kept->fn = fn;
    kept->serial = fn->serial;
    kept->vars = ARENA_ARRAY(&kept->arena, const char **, fn->nblocks);
    kept->nvars = ARENA_ARRAY(&kept->arena, int, fn->nblocks);
    return kept;
}

void feasible_index_release(void)
{
    if (!kept)
        return;
    strmap_free(&kept->slot_of);
    strmap_free(&kept->mention_of);
    arena_free(&kept->arena);
    free(kept);
    kept = NULL;
}

/* Every state reachable from the entry, tracking e->t. */
static void explore_from_entry(Arena *a, const Function *fn, Entered *e)
{
    Arena mine = {0};
    int *work = ARENA_ARRAY(&mine, int, fn->nblocks * FEAS_NVALUES), nwork = 0;
    e->values = ARENA_ARRAY(a, uint64_t, fn->nblocks);
    e->values[fn->entry] = (uint64_t)1 << FEAS_UNKNOWN;
    work[nwork++] = fn->entry * FEAS_NVALUES + FEAS_UNKNOWN;
    while (nwork) {
        int k = work[--nwork];
        int b = k / FEAS_NVALUES;
        const Block *blk = fn->blocks[b];
        int v = feasible_run_block(&e->t, blk, k % FEAS_NVALUES), out2[2];
        feasible_branch_out(blk, &e->t, v, out2);
        for (int i = 0; i < blk->nsucc; i++) {
            int s = blk->succ[i], w = feasible_edge_value(out2, v, i);
            if (w < 0 || (e->values[s] & ((uint64_t)1 << w)))
                continue;
            e->values[s] |= (uint64_t)1 << w;
            work[nwork++] = s * FEAS_NVALUES + w;
        }
    }
    arena_free(&mine);
}

Entered *feasible_entered(FeasibleIndex *x, const char *key)
{
    int slot;
    if (!key ? x->none != NULL : strmap_get(&x->slot_of, key, &slot))
        return key ? x->entered[slot] : x->none;
    Entered *e = ARENA_NEW(&x->arena, Entered);
    e->t.key = key ? arena_strdup(&x->arena, key) : NULL;
    explore_from_entry(&x->arena, x->fn, e);
    if (!key) {
        x->none = e;
        return e;
    }
    strmap_put(&x->slot_of, key, x->nentered);
    ARENA_PUSH(&x->arena, x->entered, x->nentered, x->cap, e);
    return e;
}

static bool plain_local(const Function *fn, const char *key)
{
    const Var *v = key ? ir_find_var(fn, key) : NULL;
    return v && (v->kind == VAR_LOCAL || v->kind == VAR_PARAM);
}

/* Branches block b depends on, transitively: their tested variables are
 * the ones worth tracking. */
static int search_tested_vars(FeasibleIndex *x, const CtrlDeps *cdep, int b, const char **out)
{
    const Function *fn = x->fn;
    if (!x->mark) {
        x->mark = ARENA_ARRAY(&x->arena, int, fn->nblocks);
        x->work = ARENA_ARRAY(&x->arena, int, fn->nblocks);
    }
    int stamp = ++x->stamp, *work = x->work, nwork = 0, n = 0;
    work[nwork++] = b;
    while (nwork && n < FEAS_MAX_VARS) {
        int y = work[--nwork];
        for (int i = 0; i < cdep->n[y]; i++) {
            int on = cdep->on[y][i];
            if (x->mark[on] == stamp)
                continue;
            x->mark[on] = stamp;
            work[nwork++] = on;
            const Block *tested = fn->blocks[on];
            const char *key = tested->cmp.key ? tested->cmp.key : tested->masked.key;
            bool dup = false;
            for (int k = 0; k < n; k++)
                dup |= !strcmp(out[k], key ? key : "");
            if (key && !dup && plain_local(fn, key) && n < FEAS_MAX_VARS)
                out[n++] = key;
        }
    }
    return n;
}

int feasible_tested_vars(FeasibleIndex *x, const CtrlDeps *cdep, int b,
                         const char *const **keys)
{
    if (!x->vars[b]) {
        x->vars[b] = ARENA_ARRAY(&x->arena, const char *, FEAS_MAX_VARS);
        x->nvars[b] = search_tested_vars(x, cdep, b, x->vars[b]);
    }
    *keys = x->vars[b];
    return x->nvars[b];
}

/* ---- the states at one block, searched only where the key matters ----
 *
 * Tracking a key nobody names yet is tracking nothing: until a path meets
 * a block that names the key (assigns it, tests it, hands its address to
 * a call), its value is unknown and the search tracking nothing decides
 * the edges. So the states at block c are those of that search, except
 * in the blocks a naming block reaches that may still reach c: only
 * there does the search run, entered from the edges that come in from
 * the other blocks. A loop's counter is then searched in its loop, not in
 * the whole function once per loop. */

enum { LOCAL_MAX_BLOCKS = 512 };

static struct Mentions *mentions_of(FeasibleIndex *x, const char *key, bool add)
{
    int n, slot;
    const char *root = ir_key_root(key, &n);
    char *r = arena_strndup(&x->arena, root, (size_t)n);
    if (strmap_get(&x->mention_of, r, &slot))
        return &x->mentions[slot];
    if (!add)
        return NULL;
    struct Mentions m = {0};
    strmap_put(&x->mention_of, r, x->nmentions);
    ARENA_PUSH(&x->arena, x->mentions, x->nmentions, x->cap_mentions, m);
    return &x->mentions[x->nmentions - 1];
}

/* Block b names key's root; c a constant the key is set to or tested
 * against there (has_c). */
static void mention(FeasibleIndex *x, const char *key, int b, bool has_c, long long c)
{
    struct Mentions *m = mentions_of(x, key, true);
    if (!m->n || m->blocks[m->n - 1] != b)
        ARENA_PUSH(&x->arena, m->blocks, m->n, m->cap, b);
    int i = 0;
    while (has_c && i < m->nconsts && m->consts[i] != c)
        i++;
    if (!has_c || i < m->nconsts || m->many)
        return;
    if (m->nconsts == FEAS_MAX_VALUES)
        m->many = true;
    else
        m->consts[m->nconsts++] = c;
}

static void mention_compare(FeasibleIndex *x, const Compare *cmp, int b)
{
    CompareOp op;
    long long c;
    if (!cmp->key)
        return;
    bool known = normalized(cmp->op, cmp->value, &op, &c);
    mention(x, cmp->key, b, known, c);
    if (!known)
        mention(x, cmp->key, b, true, cmp->value);   /* whatever branch() makes of it */
}

static void build_mentions(FeasibleIndex *x)
{
    const Function *fn = x->fn;
    x->mentions_built = true;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (ins->dst.key)
                mention(x, ins->dst.key, b, ins->kind == INS_ASSIGN && ins->src.has_ival,
                        ins->src.ival);
            for (int a = 0; ins->kind == INS_CALL && a < ins->call.nargs; a++) {
                const Operand *arg = &ins->call.args[a];
                if (arg->key)
                    mention(x, arg->key, b, false, 0);
                for (int r = 0; r < arg->nreads; r++)
                    mention(x, arg->reads[r], b, false, 0);
            }
        }
        mention_compare(x, &blk->cmp, b);
        mention_compare(x, &blk->masked, b);
    }
}

/* The blocks a block naming the key reaches that may reach c (minreach
 * no greater than c's number), each with its place in pos; their count,
 * or -1 past LOCAL_MAX_BLOCKS. */
static int local_blocks(FeasibleIndex *x, const struct Mentions *m, int c)
{
    const Function *fn = x->fn;
    const FlowIndex *fx = flow_index(fn);
    int limit = fx->num[c], n = 0, stamp = ++x->local_stamp;
    int *work = x->local_work;
    for (int i = 0; i < m->n; i++) {
        int b = m->blocks[i];
        if (fx->minreach[b] > limit || x->local_mark[b] == stamp)
            continue;
        if (n == LOCAL_MAX_BLOCKS)
            return -1;
        x->local_mark[b] = stamp;
        x->local_pos[b] = n;
        work[n++] = b;
    }
    for (int k = 0; k < n; k++) {
        const Block *blk = fn->blocks[work[k]];
        for (int e = 0; e < blk->nsucc; e++) {
            int s = blk->succ[e];
            if (fx->minreach[s] > limit || x->local_mark[s] == stamp)
                continue;
            if (n == LOCAL_MAX_BLOCKS)
                return -1;
            x->local_mark[s] = stamp;
            x->local_pos[s] = n;
            work[n++] = s;
        }
    }
    return n;
}

static bool in_local(const FeasibleIndex *x, int b)
{
    return x->local_mark[b] == x->local_stamp;
}

/* Enter local block s with value w (a new state: onto the queue). */
static void local_enter(FeasibleIndex *x, int *queue, int *nq, int s, int w)
{
    if (w < 0)
        return;   /* an edge no path with that value takes */
    uint64_t bit = (uint64_t)1 << w;
    if (x->local_values[x->local_pos[s]] & bit)
        return;
    x->local_values[x->local_pos[s]] |= bit;
    queue[(*nq)++] = s * FEAS_NVALUES + w;
}

/* Leave block b, entered with v, into the local blocks among its
 * successors. */
static void local_leave(FeasibleIndex *x, Tracked *t, int *queue, int *nq, int b, int v)
{
    const Block *blk = x->fn->blocks[b];
    int out2[2];
    v = feasible_run_block(t, blk, v);
    feasible_branch_out(blk, t, v, out2);
    for (int e = 0; e < blk->nsucc; e++)
        if (in_local(x, blk->succ[e]))
            local_enter(x, queue, nq, blk->succ[e], feasible_edge_value(out2, v, e));
}

static bool local_ready(FeasibleIndex *x, const char *key)
{
    const Function *fn = x->fn;
    if (!x->mentions_built) {
        build_mentions(x);
        x->local_mark = ARENA_ARRAY(&x->arena, int, fn->nblocks);
        x->local_pos = ARENA_ARRAY(&x->arena, int, fn->nblocks);
        x->local_work = ARENA_ARRAY(&x->arena, int, LOCAL_MAX_BLOCKS);
        x->local_values = ARENA_ARRAY(&x->arena, uint64_t, LOCAL_MAX_BLOCKS);
    }
    const struct Mentions *m = mentions_of(x, key, false);
    return !m || !m->many;
}

bool feasible_entered_at(FeasibleIndex *x, const char *key, int c, Tracked *t, uint64_t *at)
{
    if (!local_ready(x, key))
        return false;   /* more constants than a Tracked holds: numbered by order */
    const struct Mentions *m = mentions_of(x, key, false);
    const Entered *none = feasible_entered(x, NULL);
    *t = (Tracked){.key = key};
    int n = m ? local_blocks(x, m, c) : 0;
    if (n < 0)
        return false;
    if (!n || !in_local(x, c)) {
        *at = none->values[c];
        return true;
    }
    Arena mine = {0};
    const Function *fn = x->fn;
    int *queue = ARENA_ARRAY(&mine, int, n * FEAS_NVALUES), nq = 0;
    memset(x->local_values, 0, sizeof(uint64_t) * (size_t)n);
    if (in_local(x, fn->entry))
        local_enter(x, queue, &nq, fn->entry, FEAS_UNKNOWN);
    for (int k = 0; k < n; k++) {   /* the edges in, from where the key is unknown */
        const Block *blk = fn->blocks[x->local_work[k]];
        for (int p = 0; p < blk->npred; p++) {
            int u = blk->pred[p];
            bool seen = false;
            for (int q = 0; q < p; q++)
                seen |= blk->pred[q] == u;
            if (!in_local(x, u) && !seen && (none->values[u] & ((uint64_t)1 << FEAS_UNKNOWN)))
                local_leave(x, t, queue, &nq, u, FEAS_UNKNOWN);
        }
    }
    while (nq) {
        int k = queue[--nq];
        local_leave(x, t, queue, &nq, k / FEAS_NVALUES, k % FEAS_NVALUES);
    }
    *at = x->local_values[x->local_pos[c]];
    arena_free(&mine);
    return true;
}
