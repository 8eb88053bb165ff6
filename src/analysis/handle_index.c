/* handle_index.c - per-function facts for following handles; see
 * handle_index.h. */
#include "handle_index.h"

#include <stdlib.h>
#include <string.h>

typedef struct IdList {
    int *ids;
    int n, cap;
} IdList;

struct HandleIndex {
    const Function *fn;
    unsigned long serial;
    Arena arena;
    const Ins **ins;            /* by instruction number */
    StrMap reader_of;           /* key -> index in readers */
    IdList *readers;
    int nkeys, cap_keys;
    StrMap worked;              /* keys a working call reads */
    const DomTree *dom_of;      /* the tree failure_up was built for */
    int *failure_up;            /* -2: not yet known */
    int *work;                  /* a block stack (read_ahead in handles.c) */
    StrMap ahead_of;            /* key -> index in ahead */
    unsigned char **ahead;
    int nahead, cap_ahead;
    OpenWalk open_walk;
};

static _Thread_local HandleIndex *kept;

int handle_failure_edge(const Compare *c)
{
    switch (c->op) {
    case CMP_LT: return c->value <= 0 ? 0 : -1;        /* fd < 0 */
    case CMP_LE: return c->value < 0 ? 0 : -1;         /* fd <= -1 */
    case CMP_EQ: return c->value == -1 || c->value == 0 ? 0 : -1;   /* fd == -1, !f */
    case CMP_NE: return c->value == -1 || c->value == 0 ? 1 : -1;   /* fd != -1, if (f) */
    case CMP_GE: return c->value == 0 ? 1 : -1;        /* fd >= 0 */
    case CMP_GT: return c->value == -1 ? 1 : -1;       /* fd > -1 */
    default: return -1;
    }
}

/* Calls whose result is the same open file as their first argument. */
static bool wrapper_call(const Ins *ins)
{
    static const char *const wrappers[] = {"fileno", "fdopen", "fdopendir", "dirfd", NULL};
    if (ins->kind != INS_CALL || !ins->call.callee || !ins->dst.key || ins->call.nargs < 1)
        return false;
    for (int i = 0; wrappers[i]; i++)
        if (!strcmp(ins->call.callee, wrappers[i]))
            return true;
    return false;
}

/* Calls that look at a handle or end it without doing anything with the
 * file's contents. */
static bool only_inspects(const char *callee)
{
    static const char *const names[] = {"close", "fclose", "closedir", "pclose", "fstat",
                                        "fstat64", "fileno", "dirfd", "ferror", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(callee, names[i]))
            return true;
    return false;
}

static void add_reader(HandleIndex *x, const char *key, int id)
{
    int k;
    if (!strmap_get(&x->reader_of, key, &k)) {
        k = x->nkeys;
        IdList none = {0};
        ARENA_PUSH(&x->arena, x->readers, x->nkeys, x->cap_keys, none);
        strmap_put(&x->reader_of, key, k);
    }
    IdList *l = &x->readers[k];
    if (!l->n || l->ids[l->n - 1] != id)
        ARENA_PUSH(&x->arena, l->ids, l->n, l->cap, id);
}

/* The keys an operand reads, as reads_handle() in handles.c sees them. */
static void each_read(HandleIndex *x, const Operand *o, int id, bool worked)
{
    if ((o->kind == OPND_LVALUE || o->kind == OPND_TEMP) && o->key) {
        if (worked)
            strmap_put(&x->worked, o->key, 1);
        else
            add_reader(x, o->key, id);
    }
    for (int r = 0; r < o->nreads; r++) {
        if (worked)
            strmap_put(&x->worked, o->reads[r], 1);
        else
            add_reader(x, o->reads[r], id);
    }
}

static void index_ins(HandleIndex *x, const Ins *ins, int id)
{
    if (ins->kind == INS_ASSIGN && ins->dst.kind == OPND_LVALUE && ins->src.kind != OPND_EXPR)
        each_read(x, &ins->src, id, false);
    else if (wrapper_call(ins))
        each_read(x, &ins->call.args[0], id, false);
    if (ins->kind == INS_CALL && (!ins->call.callee || !only_inspects(ins->call.callee)))
        for (int i = 0; i < ins->call.nargs; i++)
            each_read(x, &ins->call.args[i], id, true);
}

static HandleIndex *build(const Function *fn)
{
    HandleIndex *x = calloc(1, sizeof *x);
    if (!x)
        abort();
    x->fn = fn;
    x->serial = fn->serial;
    int nins = 0;
    for (int b = 0; b < fn->nblocks; b++)
        nins += fn->blocks[b]->nins;
    x->ins = ARENA_ARRAY(&x->arena, const Ins *, nins);
    int id = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++, id++) {
            x->ins[id] = &fn->blocks[b]->ins[i];
            index_ins(x, x->ins[id], id);
        }
    x->work = ARENA_ARRAY(&x->arena, int, fn->nblocks);
    return x;
}

void handle_index_release(void)
{
    if (!kept)
        return;
    strmap_free(&kept->reader_of);
    strmap_free(&kept->worked);
    strmap_free(&kept->ahead_of);
    arena_free(&kept->open_walk.arena);
    arena_free(&kept->arena);
    free(kept);
    kept = NULL;
}

HandleIndex *handle_index(const Function *fn)
{
    if (kept && kept->fn == fn && kept->serial == fn->serial)
        return kept;
    handle_index_release();
    kept = build(fn);
    return kept;
}

const int *handle_index_readers(const HandleIndex *x, const char *key, int *n)
{
    int k;
    if (!strmap_get(&x->reader_of, key, &k)) {
        *n = 0;
        return NULL;
    }
    *n = x->readers[k].n;
    return x->readers[k].ids;
}

const Ins *handle_index_ins(const HandleIndex *x, int id)
{
    return x->ins[id];
}

bool handle_index_worked(const HandleIndex *x, const char *key)
{
    int v;
    return strmap_get(&x->worked, key, &v);
}

/* Is b entered only through the failure edge of a test of some key? */
static bool failure_entry(const Function *fn, int b)
{
    const Block *blk = fn->blocks[b];
    if (blk->npred != 1)
        return false;
    const Block *test = fn->blocks[blk->pred[0]];
    int edge = test->term == TERM_BRANCH && test->cmp.key ? handle_failure_edge(&test->cmp) : -1;
    return edge >= 0 && test->nsucc == 2 && test->succ[edge] == b;
}

/* The dominator above b where the climb goes on, or -1 at the top. */
static int above(const DomTree *dom, int b)
{
    return dom->idom[b] < 0 || dom->idom[b] == b ? -1 : dom->idom[b];
}

int handle_index_failure_up(HandleIndex *x, const DomTree *dom, int b)
{
    int n = x->fn->nblocks;
    if (x->dom_of != dom) {
        x->dom_of = dom;
        x->failure_up = ARENA_ARRAY(&x->arena, int, n);
        for (int i = 0; i < n; i++)
            x->failure_up[i] = -2;
    }
    int *path = x->work, npath = 0, c = b, found = -1;
    while (c >= 0 && x->failure_up[c] == -2) {   /* climb to a known block */
        if (failure_entry(x->fn, c)) {
            found = c;
            break;
        }
        path[npath++] = c;
        c = above(dom, c);
    }
    if (c >= 0 && found < 0)
        found = x->failure_up[c];
    if (found >= 0 && c == found)
        x->failure_up[c] = c;
    while (npath)
        x->failure_up[path[--npath]] = found;
    return found;
}

int handle_index_failure_next(HandleIndex *x, const DomTree *dom, int c)
{
    int up = above(dom, c);
    return up < 0 ? -1 : handle_index_failure_up(x, dom, up);
}

int *handle_index_work(HandleIndex *x)
{
    return x->work;
}

unsigned char **handle_index_ahead_slot(HandleIndex *x, const char *key)
{
    int k;
    if (!strmap_get(&x->ahead_of, key, &k)) {
        k = x->nahead;
        strmap_put(&x->ahead_of, key, k);
        ARENA_PUSH(&x->arena, x->ahead, x->nahead, x->cap_ahead, NULL);
    }
    return &x->ahead[k];
}

OpenWalk *handle_index_open_walk(HandleIndex *x)
{
    return &x->open_walk;
}

Arena *handle_index_arena(HandleIndex *x)
{
    return &x->arena;
}
