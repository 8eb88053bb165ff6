/* flow_guards.c - which branches depend on a check's outcome.
 *
 * A forward may-dataflow from the check: the set of keys holding a value
 * derived from the check ("tainted") grows through assignments and calls
 * whose inputs are tainted, and shrinks when a key is overwritten with an
 * untainted value. A branch whose condition reads a tainted key is a guard.
 * Sets are tiny (a result, a buffer, a flag), so they are plain arrays. */
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "flow_index.h"
#include "../util/keyset.h"

/* Does the operand read (or point at) storage derived from the check? */
static bool tainted(const KeySet *s, const Operand *o)
{
    for (int i = 0; i < s->n; i++)
        if (ir_operand_touches(o, s->keys[i]))
            return true;
    return false;
}

/* Is `read` only the pointer through which `key` is reached ("ent" for
 * "ent->fts_info")? Testing a pointer (ent != NULL) tests no field of it. */
static bool only_the_pointer(const char *read, const char *key)
{
    size_t n = strlen(read);
    return !strncmp(read, key, n) && !strncmp(key + n, "->", 2);
}

/* Does a branch condition test a value derived from the check? */
static bool condition_tainted(const KeySet *s, const Operand *cond)
{
    for (int i = 0; i < s->n; i++) {
        if (!ir_operand_touches(cond, s->keys[i]))
            continue;
        bool through_pointer = cond->nreads > 0 && cond->kind != OPND_ADDR;
        for (int r = 0; r < cond->nreads && through_pointer; r++)
            through_pointer = !ir_key_overlaps(cond->reads[r], s->keys[i]) ||
                              only_the_pointer(cond->reads[r], s->keys[i]);
        if (!through_pointer)
            return true;
    }
    return false;
}

static bool has_key(const KeySet *s, const char *key)
{
    return key && keyset_has(s, key);
}

/* libc functions whose result is a comparison of their arguments (a
 * readlink() target compared with strcmp()); other libc calls act, and
 * their result says nothing about what the check learnt. */
static bool libc_comparison(const char *name)
{
    static const char *const cmp[] = {"strcmp", "strncmp", "strcasecmp", "strncasecmp",
                                      "memcmp", "strstr", "strchr", "strrchr", NULL};
    for (int i = 0; name && cmp[i]; i++)
        if (!strcmp(name, cmp[i]))
            return true;
    return false;
}

/* An argument through which the callee fills storage (fstat(fd, &st)). */
static bool is_out_argument(const Operand *arg)
{
    return (arg->kind == OPND_ADDR || arg->kind == OPND_LVALUE) && arg->to_pointer &&
           !arg->to_const;
}

/* Does the call's result derive from the check? A program function given
 * the check's value, or its buffer to read (is_regular(&st)), may be a
 * predicate on it; a libc call only if it compares. Stat fields passed as
 * data (fchown(fd, st.st_uid, ...)) decide nothing. */
static bool call_tainted(const KeySet *s, const Call *c)
{
    bool libc = c->libc && !libc_comparison(c->callee);
    for (int i = 0; i < c->nargs; i++) {
        const Operand *arg = &c->args[i];
        if (libc || is_out_argument(arg))
            continue;
        if (has_key(s, arg->key) || (!arg->to_pointer && tainted(s, arg)) ||
            (arg->to_const && tainted(s, arg)))
            return true;
    }
    return false;
}

/* Storage a call fills through an out argument no longer holds what the
 * check learnt (the same struct stat reused for another file). */
static void overwritten_by_call(KeySet *s, const Call *c)
{
    for (int i = 0; i < c->nargs; i++)
        if (is_out_argument(&c->args[i]) && has_key(s, c->args[i].key))
            keyset_remove(s, c->args[i].key);
}

/* One instruction; true if the set changed. */
static bool transfer(Arena *a, KeySet *s, const Ins *ins, bool through_calls)
{
    bool t = false;
    int before = s->n;
    if (ins->kind == INS_ASSIGN)
        t = tainted(s, &ins->src);
    else if (through_calls)
        t = call_tainted(s, &ins->call);
    if (ins->kind == INS_CALL)
        overwritten_by_call(s, &ins->call);
    if (ins->dst.kind == OPND_NONE || !ins->dst.key)
        return s->n != before;
    if (t)
        return keyset_add(a, s, ins->dst.key) || s->n != before;
    keyset_remove(s, ins->dst.key);
    return s->n != before;
}

/* Merge `from` into `in`; true if it grew. */
static bool merge(Arena *a, KeySet *in, const KeySet *from)
{
    bool grew = false;
    for (int i = 0; i < from->n; i++)
        grew |= keyset_add(a, in, from->keys[i]);
    return grew;
}

/* Merge into `in` the keys of `from` that may still be read from block b
 * on (a key nobody reads again decides nothing: dropping it lets the
 * search end where the check's outcome is no longer looked at); true if
 * it grew. */
static bool merge_live(Arena *a, const FlowIndex *x, KeySet *in, const KeySet *from, int b)
{
    bool grew = false;
    for (int i = 0; i < from->n; i++)
        if (flow_index_live(x, from->keys[i], b))
            grew |= keyset_add(a, in, from->keys[i]);
    return grew;
}

typedef struct GuardSearch {
    Arena *a;
    const Function *fn;
    FlowIndex *x;
    KeySet *in;             /* entry set per block, while marked in `entered` */
    BlockMarks *entered, *queued, *found;
    int *work;
    int nwork, cap_work;
    Guards *out;
    bool through_calls;
} GuardSearch;

static void propagate(GuardSearch *g, int b, KeySet *state)
{
    const Block *blk = g->fn->blocks[b];
    if ((blk->term == TERM_BRANCH || blk->term == TERM_SWITCH) &&
        condition_tainted(state, &blk->cond) && marks_add(g->found, b))
        ARENA_PUSH(g->a, g->out->blocks, g->out->n, g->out->cap, b);
    if (blk->term == TERM_RETURN && tainted(state, &blk->cond))
        g->out->returns_derived = true;
    for (int i = 0; i < blk->nsucc; i++) {
        int s = blk->succ[i];
        if (marks_add(g->entered, s))
            g->in[s] = (KeySet){0};
        if (merge_live(g->a, g->x, &g->in[s], state, s) && marks_add(g->queued, s))
            ARENA_PUSH(g->a, g->work, g->nwork, g->cap_work, s);
    }
}

/* The last position any key of s is named at. */
static long long last_named(const FlowIndex *x, const KeySet *s)
{
    long long last = -1;
    for (int i = 0; i < s->n; i++) {
        long long at = flow_index_last(x, s->keys[i]);
        last = at > last ? at : last;
    }
    return last;
}

/* The block from instruction `from` on; once no key of the state is
 * named again anywhere the program can go, the rest decides nothing. */
static KeySet run_block(GuardSearch *g, int b, int from, const KeySet *entry)
{
    KeySet state = {0};
    merge(g->a, &state, entry);
    const Block *blk = g->fn->blocks[b];
    long long last = last_named(g->x, &state);
    for (int i = from; i < blk->nins; i++) {
        if (last < flow_index_from(g->x, b, i))
            return (KeySet){0};
        if (transfer(g->a, &state, &blk->ins[i], g->through_calls))
            last = last_named(g->x, &state);
    }
    return state;
}

Guards *flow_guards(Arena *a, const Function *fn, const Site *check, const char **seeds,
                    int nseeds, bool through_calls)
{
    FlowIndex *x = flow_index(fn);
    Guards *out = ARENA_NEW(a, Guards);
    GuardSearch g = {a, fn, x, flow_slots(x, MARK_GUARD_IN, sizeof(KeySet)),
                     flow_marks(x, MARK_GUARD_IN), flow_marks(x, MARK_GUARD_QUEUED),
                     flow_marks(x, MARK_GUARD_FOUND), NULL, 0, 0, out, through_calls};
    KeySet start = {0};
    for (int i = 0; i < nseeds; i++)
        keyset_add(a, &start, seeds[i]);
    KeySet after = run_block(&g, check->block, check->index + 1, &start);
    propagate(&g, check->block, &after);
    while (g.nwork) {
        int b = g.work[--g.nwork];
        marks_remove(g.queued, b);
        KeySet state = run_block(&g, b, 0, &g.in[b]);
        propagate(&g, b, &state);
    }
    return out;
}

bool flow_is_guard(const Guards *g, int b)
{
    for (int i = 0; i < g->n; i++)
        if (g->blocks[i] == b)
            return true;
    return false;
}

static int by_number(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    return (a > b) - (a < b);
}

/* The walked blocks, sorted, with the largest num among them. */
static BlockSet collect(const FlowIndex *x, int *blocks, int n)
{
    BlockSet d = {blocks, n, -1};
    if (n > 1)
        qsort(blocks, (size_t)n, sizeof *blocks, by_number);
    for (int i = 0; i < n; i++)
        if (x->num[blocks[i]] > d.horizon)
            d.horizon = x->num[blocks[i]];
    return d;
}

typedef struct Walk {
    Arena *a;
    BlockMarks *in;
    int *list, n, cap;
    int *work, nwork, cap_work;
} Walk;

static void walk_add(Walk *w, int b)
{
    if (!marks_add(w->in, b))
        return;
    ARENA_PUSH(w->a, w->list, w->n, w->cap, b);
    ARENA_PUSH(w->a, w->work, w->nwork, w->cap_work, b);
}

/* Add b and every block below it in the tree (or graph) given by kids. */
static void add_below(Walk *w, int **kids, const int *nkids, int b)
{
    walk_add(w, b);
    while (w->nwork) {
        int y = w->work[--w->nwork];
        for (int i = 0; i < nkids[y]; i++)
            walk_add(w, kids[y][i]);
    }
}

/* Which blocks a guard decides: those (transitively) control dependent on
 * one, and those reached only through a guard's edge (dominated by a
 * successor whose only predecessor is a guard: the exit of `while
 * (check) ...` is no control dependence, yet decided). */
const BlockSet *flow_decided(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                            Guards *g)
{
    if (g->decided)
        return g->decided;
    FlowIndex *x = flow_index(fn);
    flow_index_deps(x, cd);
    flow_index_kids(x, d);
    Walk w = {a, flow_marks(x, MARK_DECIDED), NULL, 0, 0, NULL, 0, 0};
    for (int k = 0; k < g->n; k++)
        for (int i = 0; i < x->ndeps_on[g->blocks[k]]; i++)
            add_below(&w, x->deps_on, x->ndeps_on, x->deps_on[g->blocks[k]][i]);
    for (int k = 0; k < g->n; k++) {
        const Block *blk = fn->blocks[g->blocks[k]];
        for (int i = 0; i < blk->nsucc; i++)
            if (fn->blocks[blk->succ[i]]->npred == 1)
                add_below(&w, x->kids, x->nkids, blk->succ[i]);
    }
    g->decided = ARENA_NEW(a, BlockSet);
    *g->decided = collect(x, w.list, w.n);
    return g->decided;
}

BlockSet flow_dominated(Arena *a, const Function *fn, const DomTree *d, int b)
{
    FlowIndex *x = flow_index(fn);
    flow_index_kids(x, d);
    Walk w = {a, flow_marks(x, MARK_DECIDED), NULL, 0, 0, NULL, 0, 0};
    add_below(&w, x->kids, x->nkids, b);
    return collect(x, w.list, w.n);
}

bool flow_decided_has(const BlockSet *d, int b)
{
    return d->n && bsearch(&b, d->blocks, (size_t)d->n, sizeof b, by_number);
}

bool flow_is_guarded(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                     Guards *g, int b)
{
    return flow_decided_has(flow_decided(a, fn, d, cd, g), b);
}

/* Does the instruction read key? A libc call given &key to fill (the
 * next turn's stat(p, &st) in a loop) writes it, and reads nothing. */
static bool ins_reads_key(const Ins *ins, const char *key)
{
    if (ins->kind == INS_ASSIGN)
        return ir_operand_touches(&ins->src, key);
    for (int i = 0; i < ins->call.nargs; i++) {
        const Operand *arg = &ins->call.args[i];
        bool filled = ins->call.libc && arg->kind == OPND_ADDR && is_out_argument(arg) &&
                      !strcmp(arg->key, key);
        if (!filled && ir_operand_touches(arg, key))
            return true;
    }
    return false;
}

bool flow_read_after(Arena *a, const Function *fn, const Site *check, const char *key)
{
    FlowIndex *x = flow_index(fn);
    BlockMarks *seen = flow_marks(x, MARK_READ_SEEN);
    int *work = NULL, n = 0, cap = 0;
    int b = check->block, from = check->index + 1;
    for (;;) {
        const Block *blk = fn->blocks[b];
        for (int i = from; i < blk->nins; i++)
            if (ins_reads_key(&blk->ins[i], key))
                return true;
        if (blk->term != TERM_GOTO && ir_operand_touches(&blk->cond, key))
            return true;
        for (int s = 0; s < blk->nsucc; s++)   /* where nothing reads it, no need to look */
            if (flow_index_live(x, key, blk->succ[s]) && marks_add(seen, blk->succ[s]))
                ARENA_PUSH(a, work, n, cap, blk->succ[s]);
        if (!n)
            return false;
        b = work[--n];
        from = 0;
    }
}
