/* flow_index.c - per-function facts shared by the forward searches; see
 * flow_index.h. Everything here is linear in the function's size. */
#include "flow_index.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local FlowIndex *kept;

/* Reverse postorder of a depth-first search from the entry, then from
 * every block not reached yet (dead code), with an explicit stack. The
 * last successor is followed first (a loop's exit before its body, an
 * if's join before its then-block), so that a body is numbered right
 * after its test, as in the source, not after everything that follows
 * the loop: the last read of a variable in a loop then ends where the
 * loop does (flow_index_live), instead of at the function's end. */
static void number_blocks(Arena *a, const Function *fn, int *num)
{
    int n = fn->nblocks, done = 0, sp = 0;
    int *post = ARENA_ARRAY(a, int, n), *stack = ARENA_ARRAY(a, int, n);
    int *next = ARENA_ARRAY(a, int, n);
    bool *seen = ARENA_ARRAY(a, bool, n);
    for (int k = -1; k < n; k++) {
        int root = k < 0 ? fn->entry : k;
        if (seen[root])
            continue;
        seen[root] = true;
        stack[sp++] = root;
        while (sp) {
            int b = stack[sp - 1];
            if (next[b] < fn->blocks[b]->nsucc) {
                const Block *blk = fn->blocks[b];
                int s = blk->succ[blk->nsucc - 1 - next[b]++];
                if (!seen[s]) {
                    seen[s] = true;
                    stack[sp++] = s;
                }
            } else {
                post[done++] = b;
                sp--;
            }
        }
    }
    for (int i = 0; i < n; i++)
        num[post[i]] = n - 1 - i;
}

/* Tarjan's strongly connected components (iterative). A component is
 * complete only after every component it reaches, so its minreach is the
 * smallest num in it or in the components its edges lead to. */
typedef struct Tarjan {
    const Function *fn;
    const int *num;
    int *minreach, *index, *low, *stack, *calls, *next;
    bool *on;
    int counter, sp, csp;
} Tarjan;

static void visit(Tarjan *t, int b)
{
    t->index[b] = t->low[b] = t->counter++;
    t->stack[t->sp++] = b;
    t->on[b] = true;
    t->calls[t->csp++] = b;
}

static void close_component(Tarjan *t, int v)
{
    int start = t->sp;
    do
        start--;
    while (t->stack[start] != v);
    int m = INT_MAX;
    for (int k = start; k < t->sp; k++) {
        const Block *blk = t->fn->blocks[t->stack[k]];
        m = t->num[t->stack[k]] < m ? t->num[t->stack[k]] : m;
        for (int s = 0; s < blk->nsucc; s++)
            if (!t->on[blk->succ[s]] && t->minreach[blk->succ[s]] < m)
                m = t->minreach[blk->succ[s]];
    }
    for (int k = start; k < t->sp; k++) {
        t->on[t->stack[k]] = false;
        t->minreach[t->stack[k]] = m;
    }
    t->sp = start;
}

static void min_reach(Arena *a, const Function *fn, const int *num, int *minreach)
{
    int n = fn->nblocks;
    Tarjan t = {fn, num, minreach, ARENA_ARRAY(a, int, n), ARENA_ARRAY(a, int, n),
                ARENA_ARRAY(a, int, n), ARENA_ARRAY(a, int, n), ARENA_ARRAY(a, int, n),
                ARENA_ARRAY(a, bool, n), 0, 0, 0};
    for (int i = 0; i < n; i++)
        t.index[i] = -1;
    for (int root = 0; root < n; root++) {
        if (t.index[root] >= 0)
            continue;
        visit(&t, root);
        while (t.csp) {
            int v = t.calls[t.csp - 1];
            const Block *blk = fn->blocks[v];
            if (t.next[v] < blk->nsucc) {
                int w = blk->succ[t.next[v]++];
                if (t.index[w] < 0)
                    visit(&t, w);
                else if (t.on[w] && t.index[w] < t.low[v])
                    t.low[v] = t.index[w];
                continue;
            }
            t.csp--;
            if (t.csp && t.low[v] < t.low[t.calls[t.csp - 1]])
                t.low[t.calls[t.csp - 1]] = t.low[v];
            if (t.low[v] == t.index[v])
                close_component(&t, v);
        }
    }
}

enum { MAX_ROOT = 256 };

/* The variable a key starts from, as ir_key_overlaps compares them; false
 * when it does not fit (such a key is taken as live everywhere). */
static bool root_of(const char *key, char *out)
{
    while (*key == '*')
        key++;
    int n;
    const char *r = ir_key_root(key, &n);
    if (n >= MAX_ROOT)
        return false;
    memcpy(out, r, (size_t)n);
    out[n] = '\0';
    return true;
}

static long long position(int num, int index)
{
    return (long long)num << 32 | (unsigned)index;
}

static void note_read(FlowIndex *x, const char *key, long long pos)
{
    char root[MAX_ROOT];
    int at;
    if (!key || !root_of(key, root))
        return;
    if (!strmap_get(&x->last_read, root, &at)) {
        at = x->nroots;
        ARENA_PUSH(&x->arena, x->last_pos, x->nroots, x->cap_roots, pos);
        strmap_put(&x->last_read, root, at);
    } else if (x->last_pos[at] < pos) {
        x->last_pos[at] = pos;
    }
}

static void note_operand(FlowIndex *x, const Operand *o, long long pos)
{
    note_read(x, o->key, pos);
    for (int r = 0; r < o->nreads; r++)
        note_read(x, o->reads[r], pos);
}

/* Every key an instruction or condition names, written ones too: more
 * than what is read is only less pruning. */
static void index_reads(FlowIndex *x)
{
    const Function *fn = x->fn;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            long long at = position(x->num[b], i);
            if (ins->kind == INS_CALL && ins->call.callee)
                strmap_put(&x->callees, ins->call.callee, 1);
            note_operand(x, &ins->dst, at);
            if (ins->kind == INS_ASSIGN)
                note_operand(x, &ins->src, at);
            else
                for (int k = 0; k < ins->call.nargs; k++)
                    note_operand(x, &ins->call.args[k], at);
        }
        note_operand(x, &blk->cond, position(x->num[b], blk->nins));
        note_read(x, blk->cmp.key, position(x->num[b], blk->nins));
    }
}

static FlowIndex *build(const Function *fn)
{
    FlowIndex *x = calloc(1, sizeof *x);
    if (!x)
        abort();
    Arena tmp = {0};
    int n = fn->nblocks;
    x->fn = fn;
    x->serial = fn->serial;
    x->num = ARENA_ARRAY(&x->arena, int, n);
    x->minreach = ARENA_ARRAY(&x->arena, int, n);
    x->first_ins = ARENA_ARRAY(&x->arena, int, n);
    number_blocks(&tmp, fn, x->num);
    min_reach(&tmp, fn, x->num, x->minreach);
    arena_free(&tmp);
    x->succmin = ARENA_ARRAY(&x->arena, int, n);
    for (int b = 0; b < n; b++) {
        x->succmin[b] = INT_MAX;
        for (int k = 0; k < fn->blocks[b]->nsucc; k++)
            if (x->minreach[fn->blocks[b]->succ[k]] < x->succmin[b])
                x->succmin[b] = x->minreach[fn->blocks[b]->succ[k]];
    }
    for (int b = 0; b < n; b++) {
        x->first_ins[b] = x->nins;
        x->nins += fn->blocks[b]->nins;
    }
    index_reads(x);
    return x;
}

void flow_index_release(void)
{
    if (!kept)
        return;
    strmap_free(&kept->last_read);
    strmap_free(&kept->callees);
    strmap_free(&kept->key_ids);
    for (int i = 0; i < NMARKS; i++)
        free(kept->marks[i].stamp);
    arena_free(&kept->arena);
    free(kept);
    kept = NULL;
}

FlowIndex *flow_index(const Function *fn)
{
    if (kept && kept->fn == fn && kept->serial == fn->serial)
        return kept;
    flow_index_release();
    kept = build(fn);
    return kept;
}

long long flow_index_last(const FlowIndex *x, const char *key)
{
    char root[MAX_ROOT];
    int at;
    if (!root_of(key, root))
        return LLONG_MAX;
    return strmap_get(&x->last_read, root, &at) ? x->last_pos[at] : -1;
}

int flow_index_key_id(FlowIndex *x, const char *key)
{
    int id;
    if (strmap_get(&x->key_ids, key, &id))
        return id;
    /* a copy: a seed may live in a search's arena, released before the index */
    ARENA_PUSH(&x->arena, x->keys, x->nkeys, x->cap_keys, arena_strdup(&x->arena, key));
    strmap_put(&x->key_ids, key, x->nkeys - 1);
    return x->nkeys - 1;
}

const char *flow_index_key(const FlowIndex *x, int id)
{
    return x->keys[id];
}

bool flow_index_calls(const FlowIndex *x, const char *callee)
{
    return strmap_get(&x->callees, callee, NULL);
}

long long flow_index_from(const FlowIndex *x, int b, int i)
{
    long long here = position(x->num[b], i), next = position(x->succmin[b], 0);
    return here < next ? here : next;
}

bool flow_index_live(const FlowIndex *x, const char *key, int b)
{
    return flow_index_last(x, key) >= position(x->minreach[b], 0);
}

/* Lists of blocks per block, from pairs counted first. */
static void invert(Arena *a, int n, int **lists, int *counts, const CtrlDeps *cd,
                   const DomTree *d)
{
    int **fill = lists;
    int *at = ARENA_ARRAY(a, int, n);
    for (int pass = 0; pass < 2; pass++) {
        for (int b = 0; b < n; b++) {
            int m = cd ? cd->n[b] : (d->idom[b] >= 0 && d->idom[b] != b);
            for (int k = 0; k < m; k++) {
                int on = cd ? cd->on[b][k] : d->idom[b];
                if (pass == 0)
                    counts[on]++;
                else
                    fill[on][at[on]++] = b;
            }
        }
        for (int b = 0; pass == 0 && b < n; b++)
            fill[b] = ARENA_ARRAY(a, int, counts[b]);
    }
}

void flow_index_deps(FlowIndex *x, const CtrlDeps *cd)
{
    if (x->cdep_of == cd)
        return;
    int n = x->fn->nblocks;
    x->cdep_of = cd;
    x->deps_on = ARENA_ARRAY(&x->arena, int *, n);
    x->ndeps_on = ARENA_ARRAY(&x->arena, int, n);
    invert(&x->arena, n, x->deps_on, x->ndeps_on, cd, NULL);
}

void flow_index_kids(FlowIndex *x, const DomTree *d)
{
    if (x->dom_of == d)
        return;
    int n = x->fn->nblocks;
    x->dom_of = d;
    x->kids = ARENA_ARRAY(&x->arena, int *, n);
    x->nkids = ARENA_ARRAY(&x->arena, int, n);
    invert(&x->arena, n, x->kids, x->nkids, NULL, d);
}

BlockMarks *flow_marks(FlowIndex *x, MarkSlot slot)
{
    BlockMarks *m = &x->marks[slot];
    size_t n = (size_t)(slot == MARK_USE_SEEN ? x->nins : x->fn->nblocks);
    if (!m->stamp) {
        m->stamp = calloc(n ? n : 1, sizeof *m->stamp);
        if (!m->stamp)
            abort();
    }
    if (++m->now == 0) {   /* wrapped: old stamps could match again */
        memset(m->stamp, 0, n * sizeof *m->stamp);
        m->now = 1;
    }
    return m;
}

void *flow_slots(FlowIndex *x, MarkSlot slot, size_t size)
{
    size_t n = (size_t)(slot == MARK_USE_SEEN ? x->nins : x->fn->nblocks);
    if (!x->slots[slot])
        x->slots[slot] = arena_alloc(&x->arena, size * (n ? n : 1));
    return x->slots[slot];
}
