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

/* What one run of a block from an entry set leaves: the set at its end,
 * and whether its branch or return reads a derived value. */
typedef struct BlockRun {
    KeySet end;
    bool guard, returns;
} BlockRun;

/* Block b from instruction `from` on; once no key of the state is named
 * again anywhere the program can go, the rest decides nothing. */
static BlockRun run_block(Arena *a, const FlowIndex *x, int b, int from, const KeySet *entry,
                          bool through_calls)
{
    BlockRun r = {0};
    for (int i = 0; i < entry->n; i++)
        keyset_add(a, &r.end, entry->keys[i]);
    const Block *blk = x->fn->blocks[b];
    long long last = last_named(x, &r.end);
    for (int i = from; i < blk->nins; i++) {
        if (last < flow_index_from(x, b, i))
            return (BlockRun){0};
        if (transfer(a, &r.end, &blk->ins[i], through_calls))
            last = last_named(x, &r.end);
    }
    r.guard = (blk->term == TERM_BRANCH || blk->term == TERM_SWITCH) &&
              condition_tainted(&r.end, &blk->cond);
    r.returns = blk->term == TERM_RETURN && tainted(&r.end, &blk->cond);
    return r;
}

/* ---- one pass per function and key --------------------------------
 *
 * The transfer is distributive: what a set of keys derives, tests and
 * returns is the union of what each key does alone. So the search from a
 * check is the union of the searches from each (key, block) fact it
 * reaches, and those are shared by every check of the function: a fact's
 * answer (the guards it reaches, whether a return reads it) is computed
 * once, over the strongly connected components of the graph of facts
 * (Tarjan, iterative), and kept in the function's index. A value that
 * lives to the end of the function (fd = open(...); ... return fd) is
 * followed once, not once per check. */

/* A sorted set of guard blocks; sets are shared between facts (a fact
 * whose successors add nothing has its successor's set). */
typedef struct GuardSet {
    const int *blocks;
    int n;
} GuardSet;

typedef struct Fact {
    int key, block;         /* key id (flow_index_key_id), block at whose entry it holds */
    int index, low;         /* Tarjan: index -1 while not visited */
    int *succ, nsucc;       /* facts at the successors' entries */
    bool on_stack, done;
    bool guard, returns;    /* this block alone */
    GuardSet result;        /* once done: every guard reached from here */
    bool result_returns;
} Fact;

typedef struct GuardMemo {
    bool through_calls;
    Fact *facts;
    int nfacts, cap_facts;
    int *table;             /* open addressing: (key, block) -> fact index + 1 */
    int table_cap;
    int counter;
    int *stack, sp, cap_stack;      /* Tarjan's stack */
    int *calls, *next, ncalls, cap_calls, cap_next;   /* the explicit recursion */
} GuardMemo;

static unsigned fact_hash(int key, int block)
{
    return (unsigned)key * 2654435761u ^ (unsigned)block * 40503u;
}

static void table_put(GuardMemo *m, int f)
{
    unsigned mask = (unsigned)m->table_cap - 1;
    unsigned h = fact_hash(m->facts[f].key, m->facts[f].block) & mask;
    while (m->table[h])
        h = (h + 1) & mask;
    m->table[h] = f + 1;
}

static void table_grow(FlowIndex *x, GuardMemo *m)
{
    m->table_cap = m->table_cap ? m->table_cap * 2 : 64;
    m->table = ARENA_ARRAY(&x->arena, int, m->table_cap);
    for (int f = 0; f < m->nfacts; f++)
        table_put(m, f);
}

/* The fact (key, block), made if new. */
static int fact_of(FlowIndex *x, GuardMemo *m, int key, int block)
{
    if (2 * (m->nfacts + 1) > m->table_cap)
        table_grow(x, m);
    unsigned mask = (unsigned)m->table_cap - 1;
    for (unsigned h = fact_hash(key, block) & mask; m->table[h]; h = (h + 1) & mask) {
        const Fact *f = &m->facts[m->table[h] - 1];
        if (f->key == key && f->block == block)
            return m->table[h] - 1;
    }
    Fact f = {.key = key, .block = block, .index = -1};
    ARENA_PUSH(&x->arena, m->facts, m->nfacts, m->cap_facts, f);
    table_put(m, m->nfacts - 1);
    return m->nfacts - 1;
}

/* The facts an end set gives the successors of b: the keys still read
 * from there on (a key nobody reads again decides nothing). */
static void successors(FlowIndex *x, GuardMemo *m, int b, const KeySet *end, int **out,
                       int *n)
{
    int cap = 0;
    const Block *blk = x->fn->blocks[b];
    for (int k = 0; k < end->n; k++)
        for (int i = 0; i < blk->nsucc; i++)
            if (flow_index_live(x, end->keys[k], blk->succ[i])) {
                int f = fact_of(x, m, flow_index_key_id(x, end->keys[k]), blk->succ[i]);
                ARENA_PUSH(&x->arena, *out, *n, cap, f);
            }
}

/* Run a fact's block from its key alone. */
static void expand(Arena *a, FlowIndex *x, GuardMemo *m, int f)
{
    KeySet one = {0};
    keyset_add(a, &one, flow_index_key(x, m->facts[f].key));
    BlockRun r = run_block(a, x, m->facts[f].block, 0, &one, m->through_calls);
    int *succ = NULL, nsucc = 0;
    successors(x, m, m->facts[f].block, &r.end, &succ, &nsucc);
    Fact *fact = &m->facts[f];   /* successors() may have moved the array */
    fact->succ = succ;
    fact->nsucc = nsucc;
    fact->guard = r.guard;
    fact->returns = r.returns;
}

/* x ∪ y, sharing x or y when one holds the other. */
static GuardSet set_union(FlowIndex *x, GuardSet s, GuardSet t)
{
    if (!t.n || s.blocks == t.blocks)
        return s;
    if (!s.n)
        return t;
    int *u = ARENA_ARRAY(&x->arena, int, s.n + t.n), n = 0, i = 0, j = 0;
    while (i < s.n || j < t.n) {
        if (j == t.n || (i < s.n && s.blocks[i] < t.blocks[j]))
            u[n++] = s.blocks[i++];
        else if (i == s.n || t.blocks[j] < s.blocks[i])
            u[n++] = t.blocks[j++];
        else
            u[n++] = s.blocks[i++], j++;
    }
    if (n == s.n)
        return s;
    if (n == t.n)
        return t;
    return (GuardSet){u, n};
}

static GuardSet singleton(FlowIndex *x, int b)
{
    int *one = ARENA_NEW(&x->arena, int);
    *one = b;
    return (GuardSet){one, 1};
}

static int by_value(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    return (a > b) - (a < b);
}

static int by_address(const void *pa, const void *pb)
{
    const int *a = ((const GuardSet *)pa)->blocks, *b = ((const GuardSet *)pb)->blocks;
    return (a > b) - (a < b);
}

/* The union of the component's own guards and the sets it reaches, made
 * in one sort (growing it one set at a time would copy it once per set):
 * shared when it is a single set. */
static GuardSet component_union(Arena *a, FlowIndex *x, int *own, int nown, GuardSet *sets,
                                int nsets)
{
    if (nsets > 1)   /* sets and own may be NULL when empty */
        qsort(sets, (size_t)nsets, sizeof *sets, by_address);
    int distinct = 0, total = nown;
    for (int i = 0; i < nsets; i++)
        if (!i || sets[i].blocks != sets[i - 1].blocks) {
            sets[distinct++] = sets[i];
            total += sets[i].n;
        }
    if (!nown && distinct <= 1)
        return distinct ? sets[0] : (GuardSet){0};
    int *all = ARENA_ARRAY(a, int, total), n = 0;
    if (nown)
        memcpy(all, own, sizeof(int) * (size_t)nown);
    n = nown;
    for (int i = 0; i < distinct; i++) {
        memcpy(all + n, sets[i].blocks, sizeof(int) * (size_t)sets[i].n);
        n += sets[i].n;
    }
    qsort(all, (size_t)n, sizeof *all, by_value);
    int u = 0;
    for (int i = 0; i < n; i++)
        if (!u || all[i] != all[u - 1])
            all[u++] = all[i];
    for (int i = 0; i < distinct; i++)
        if (sets[i].n == u)
            return sets[i];   /* it holds the others */
    int *kept = ARENA_ARRAY(&x->arena, int, u);
    memcpy(kept, all, sizeof(int) * (size_t)u);
    return (GuardSet){kept, u};
}

/* The component whose root is v is complete: every fact it reaches
 * outside it is done. Its facts share one answer. */
static void close_component(Arena *a, FlowIndex *x, GuardMemo *m, int v)
{
    int start = m->sp;
    do
        start--;
    while (m->stack[start] != v);
    int *own = NULL, nown = 0, cap_own = 0;
    GuardSet *sets = NULL;
    int nsets = 0, cap_sets = 0;
    bool returns = false;
    for (int k = start; k < m->sp; k++) {
        const Fact *f = &m->facts[m->stack[k]];
        if (f->guard)
            ARENA_PUSH(a, own, nown, cap_own, f->block);
        returns |= f->returns;
        for (int s = 0; s < f->nsucc; s++) {
            const Fact *t = &m->facts[f->succ[s]];
            if (t->on_stack)
                continue;   /* in this component */
            if (t->result.n)
                ARENA_PUSH(a, sets, nsets, cap_sets, t->result);
            returns |= t->result_returns;
        }
    }
    GuardSet r = component_union(a, x, own, nown, sets, nsets);
    for (int k = start; k < m->sp; k++) {
        Fact *f = &m->facts[m->stack[k]];
        f->on_stack = false;
        f->done = true;
        f->result = r;
        f->result_returns = returns;
    }
    m->sp = start;
}

static void visit(Arena *a, FlowIndex *x, GuardMemo *m, int f)
{
    m->facts[f].index = m->facts[f].low = m->counter++;
    m->facts[f].on_stack = true;
    ARENA_PUSH(&x->arena, m->stack, m->sp, m->cap_stack, f);
    int nnext = m->ncalls;
    ARENA_PUSH(&x->arena, m->calls, m->ncalls, m->cap_calls, f);
    ARENA_PUSH(&x->arena, m->next, nnext, m->cap_next, 0);
    expand(a, x, m, f);
}

/* Answer fact `root` and every fact it reaches. */
static void solve(Arena *a, FlowIndex *x, GuardMemo *m, int root)
{
    if (m->facts[root].index >= 0)
        return;   /* done (no search is under way between calls) */
    visit(a, x, m, root);
    while (m->ncalls) {
        int v = m->calls[m->ncalls - 1];
        if (m->next[m->ncalls - 1] < m->facts[v].nsucc) {
            int w = m->facts[v].succ[m->next[m->ncalls - 1]++];
            if (m->facts[w].index < 0)
                visit(a, x, m, w);
            else if (m->facts[w].on_stack && m->facts[w].index < m->facts[v].low)
                m->facts[v].low = m->facts[w].index;
            continue;
        }
        m->ncalls--;
        if (m->ncalls) {
            Fact *parent = &m->facts[m->calls[m->ncalls - 1]];
            if (m->facts[v].low < parent->low)
                parent->low = m->facts[v].low;
        }
        if (m->facts[v].low == m->facts[v].index)
            close_component(a, x, m, v);
    }
}

static GuardMemo *memo_of(FlowIndex *x, bool through_calls)
{
    GuardMemo **slot = (GuardMemo **)&x->guard_memo[through_calls];
    if (!*slot) {
        *slot = ARENA_NEW(&x->arena, GuardMemo);
        (*slot)->through_calls = through_calls;
    }
    return *slot;
}

Guards *flow_guards(Arena *a, const Function *fn, const Site *check, const char **seeds,
                    int nseeds, bool through_calls)
{
    FlowIndex *x = flow_index(fn);
    GuardMemo *m = memo_of(x, through_calls);
    KeySet start = {0};
    for (int i = 0; i < nseeds; i++)
        keyset_add(a, &start, seeds[i]);
    BlockRun r = run_block(a, x, check->block, check->index + 1, &start, through_calls);
    int *roots = NULL, nroots = 0;
    successors(x, m, check->block, &r.end, &roots, &nroots);
    GuardSet all = r.guard ? singleton(x, check->block) : (GuardSet){0};
    Guards *out = ARENA_NEW(a, Guards);
    out->returns_derived = r.returns;
    for (int i = 0; i < nroots; i++) {
        solve(a, x, m, roots[i]);
        all = set_union(x, all, m->facts[roots[i]].result);
        out->returns_derived |= m->facts[roots[i]].result_returns;
    }
    out->n = out->cap = all.n;
    out->blocks = ARENA_ARRAY(a, int, all.n ? all.n : 1);
    if (all.n)
        memcpy(out->blocks, all.blocks, sizeof(int) * (size_t)all.n);
    return out;
}

/* Does the instruction read key? A libc call given &key to fill (the
 * next turn's stat(p, &st) in a loop) writes it, and reads nothing. */
bool flow_ins_reads(const Ins *ins, const char *key)
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

/* Does block b read key (from instruction `from` on)? */
static bool block_reads(const Block *blk, int from, const char *key)
{
    for (int i = from; i < blk->nins; i++)
        if (flow_ins_reads(&blk->ins[i], key))
            return true;
    return blk->term != TERM_GOTO && ir_operand_touches(&blk->cond, key);
}

/* Per block: can a path from it, through blocks where key is live, reach a
 * read of key? Found once per function and key, backwards from the reads:
 * a search forward from each check went to the end of the function for
 * every check of a buffer named all along (2,000 nested stat() calls). */
static const unsigned char *read_ahead(FlowIndex *x, const char *key)
{
    int id = flow_index_key_id(x, key);
    if (id >= x->nread_ahead) {
        int cap = 2 * id + 8;
        unsigned char **grown = ARENA_ARRAY(&x->arena, unsigned char *, cap);
        for (int i = 0; i < x->nread_ahead; i++)
            grown[i] = x->read_ahead[i];
        x->read_ahead = grown;
        x->nread_ahead = cap;
    }
    if (x->read_ahead[id])
        return x->read_ahead[id];
    const Function *fn = x->fn;
    unsigned char *ahead = ARENA_ARRAY(&x->arena, unsigned char, fn->nblocks);
    int *work = ARENA_ARRAY(&x->arena, int, fn->nblocks), n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        if (flow_index_live(x, key, b) && block_reads(fn->blocks[b], 0, key)) {
            ahead[b] = 1;
            work[n++] = b;
        }
    while (n) {
        const Block *blk = fn->blocks[work[--n]];
        for (int i = 0; i < blk->npred; i++) {
            int p = blk->pred[i];
            if (!ahead[p] && flow_index_live(x, key, p)) {
                ahead[p] = 1;
                work[n++] = p;
            }
        }
    }
    x->read_ahead[id] = ahead;
    return ahead;
}

/* Read in the rest of the check's block, or reachable from a successor
 * (where nothing reads it, no need to look). */
bool flow_read_after(Arena *a, const Function *fn, const Site *check, const char *key)
{
    (void)a;
    FlowIndex *x = flow_index(fn);
    const Block *blk = fn->blocks[check->block];
    if (block_reads(blk, check->index + 1, key))
        return true;
    const unsigned char *ahead = read_ahead(x, key);
    for (int s = 0; s < blk->nsucc; s++)
        if (ahead[blk->succ[s]])
            return true;
    return false;
}

/* Blocks from which block `to` can be reached (`to` included). */
static unsigned char *reaching(Arena *a, const Function *fn, int to)
{
    unsigned char *seen = ARENA_ARRAY(a, unsigned char, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks);
    seen[to] = 1;
    work[0] = to;
    ir_mark_reaching(fn, seen, work, 1);
    return seen;
}

/* Does instruction range [from, to) of blk read key? */
static bool range_reads(const Block *blk, int from, int to, const char *key)
{
    for (int i = from; i < to && i < blk->nins; i++)
        if (flow_ins_reads(&blk->ins[i], key))
            return true;
    return false;
}

bool flow_read_between(Arena *a, const Function *fn, const Site *check, const Site *use,
                       const char *key)
{
    const Block *first = fn->blocks[check->block];
    if (check->block == use->block && check->index < use->index)
        return range_reads(first, check->index + 1, use->index, key);
    const unsigned char *to_use = reaching(a, fn, use->block);
    if (range_reads(first, check->index + 1, first->nins, key) ||
        (first->term != TERM_GOTO && ir_operand_touches(&first->cond, key)))
        return true;
    /* forward from the check, through blocks that still lead to the use */
    unsigned char *seen = ARENA_ARRAY(a, unsigned char, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    for (int s = 0; s < first->nsucc; s++)
        if (to_use[first->succ[s]] && !seen[first->succ[s]]) {
            seen[first->succ[s]] = 1;
            work[n++] = first->succ[s];
        }
    while (n) {
        int b = work[--n];
        const Block *blk = fn->blocks[b];
        if (b == use->block ? range_reads(blk, 0, use->index, key)
                            : block_reads(blk, 0, key))
            return true;
        if (b == use->block && b != check->block)
            continue;   /* what runs after the use decides nothing about it */
        for (int s = 0; s < blk->nsucc; s++)
            if (to_use[blk->succ[s]] && !seen[blk->succ[s]]) {
                seen[blk->succ[s]] = 1;
                work[n++] = blk->succ[s];
            }
    }
    return false;
}
