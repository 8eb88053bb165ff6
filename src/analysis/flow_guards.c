/* flow_guards.c - which branches depend on a check's outcome.
 *
 * A forward may-dataflow from the check: the set of keys holding a value
 * derived from the check ("tainted") grows through assignments and calls
 * whose inputs are tainted, and shrinks when a key is overwritten with an
 * untainted value. A branch whose condition reads a tainted key is a guard.
 * Sets are tiny (a result, a buffer, a flag), so they are plain arrays. */
#include <string.h>

#include "flow.h"
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

static void transfer(Arena *a, KeySet *s, const Ins *ins, bool through_calls)
{
    bool t = false;
    if (ins->kind == INS_ASSIGN)
        t = tainted(s, &ins->src);
    else if (through_calls)
        t = call_tainted(s, &ins->call);
    if (ins->kind == INS_CALL)
        overwritten_by_call(s, &ins->call);
    if (ins->dst.kind == OPND_NONE || !ins->dst.key)
        return;
    if (t)
        keyset_add(a, s, ins->dst.key);
    else
        keyset_remove(s, ins->dst.key);
}

/* Merge `from` into block b's entry set; true if it grew. */
static bool merge(Arena *a, KeySet *in, const KeySet *from)
{
    bool grew = false;
    for (int i = 0; i < from->n; i++)
        grew |= keyset_add(a, in, from->keys[i]);
    return grew;
}

typedef struct GuardSearch {
    Arena *a;
    const Function *fn;
    KeySet *in;         /* entry set per block */
    bool *queued;
    int *work;
    int nwork;
    bool *guards;
    bool through_calls;
    bool returns_derived;   /* a return statement returns a tainted value */
} GuardSearch;

static void propagate(GuardSearch *g, int b, KeySet *state)
{
    const Block *blk = g->fn->blocks[b];
    if ((blk->term == TERM_BRANCH || blk->term == TERM_SWITCH) &&
        condition_tainted(state, &blk->cond))
        g->guards[b] = true;
    if (blk->term == TERM_RETURN && tainted(state, &blk->cond))
        g->returns_derived = true;
    for (int i = 0; i < blk->nsucc; i++) {
        int s = blk->succ[i];
        if (merge(g->a, &g->in[s], state) && !g->queued[s]) {
            g->queued[s] = true;
            g->work[g->nwork++] = s;
        }
    }
}

static KeySet run_block(GuardSearch *g, int b, int from, const KeySet *entry)
{
    KeySet state = {0};
    merge(g->a, &state, entry);
    const Block *blk = g->fn->blocks[b];
    for (int i = from; i < blk->nins; i++)
        transfer(g->a, &state, &blk->ins[i], g->through_calls);
    return state;
}

bool *flow_guards(Arena *a, const Function *fn, const Site *check, const char **seeds,
                  int nseeds, bool through_calls)
{
    return flow_guards_ret(a, fn, check, seeds, nseeds, through_calls, NULL);
}

bool *flow_guards_ret(Arena *a, const Function *fn, const Site *check, const char **seeds,
                      int nseeds, bool through_calls, bool *returns_derived)
{
    int n = fn->nblocks;
    GuardSearch g = {a, fn, ARENA_ARRAY(a, KeySet, n), ARENA_ARRAY(a, bool, n),
                     ARENA_ARRAY(a, int, n), 0, ARENA_ARRAY(a, bool, n), through_calls};
    KeySet start = {0};
    for (int i = 0; i < nseeds; i++)
        keyset_add(a, &start, seeds[i]);
    KeySet after = run_block(&g, check->block, check->index + 1, &start);
    propagate(&g, check->block, &after);
    while (g.nwork) {
        int b = g.work[--g.nwork];
        g.queued[b] = false;
        KeySet out = run_block(&g, b, 0, &g.in[b]);
        propagate(&g, b, &out);
    }
    if (returns_derived)
        *returns_derived = g.returns_derived;
    return g.guards;
}

static bool edge_dominated(const Function *fn, const DomTree *d, const bool *guards, int b)
{
    for (;;) {
        const Block *blk = fn->blocks[b];
        if (blk->npred == 1 && guards[blk->pred[0]])
            return true;
        if (d->idom[b] < 0 || d->idom[b] == b)
            return false;
        b = d->idom[b];
    }
}

static bool control_dependent(Arena *a, const Function *fn, const CtrlDeps *cd,
                              const bool *guards, int b)
{
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks);
    int n = 0;
    work[n++] = b;
    seen[b] = true;
    while (n) {
        int x = work[--n];
        for (int i = 0; i < cd->n[x]; i++) {
            int on = cd->on[x][i];
            if (guards[on])
                return true;
            if (!seen[on]) {
                seen[on] = true;
                work[n++] = on;
            }
        }
    }
    return false;
}

bool flow_is_guarded(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                     const bool *guards, int b)
{
    return edge_dominated(fn, d, guards, b) || control_dependent(a, fn, cd, guards, b);
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
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    int b = check->block, from = check->index + 1;
    for (;;) {
        const Block *blk = fn->blocks[b];
        for (int i = from; i < blk->nins; i++)
            if (ins_reads_key(&blk->ins[i], key))
                return true;
        if (blk->term != TERM_GOTO && ir_operand_touches(&blk->cond, key))
            return true;
        for (int s = 0; s < blk->nsucc; s++)
            if (!seen[blk->succ[s]]) {
                seen[blk->succ[s]] = true;
                work[n++] = blk->succ[s];
            }
        if (!n)
            return false;
        b = work[--n];
        from = 0;
    }
}
