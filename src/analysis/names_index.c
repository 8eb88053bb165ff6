/* names_index.c - per-function candidates for pointers into a name; see
 * names_index.h. */
#include "names_index.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "../util/keymap.h"

typedef struct IntList {
    int *v;
    int n, cap;
} IntList;

struct NamesIndex {
    const Function *fn;
    unsigned long serial;
    Arena arena;
    const Ins **cand;        /* candidates in program order */
    int ncand, cap_cand;
    KeyMap roots;            /* variables the candidates read */
    IntList *readers;        /* by root id: candidates reading it, ascending */
    int nreaders, cap_readers;
    unsigned *taken, now;    /* by candidate: taken in walk `now` */
    int *heap, nheap;        /* candidates to take, smallest first */
    const Ins **fills;       /* the fill calls (names_is_fill) in program order */
    int nfills, cap_fills;
};

static _Thread_local NamesIndex *kept;

bool names_points_into_arg(const char *callee)
{
    static const char *const into_arg[] = {
        "strchr", "strrchr", "strstr", "strcasestr", "strpbrk", "memchr", "memrchr",
        "strchrnul", "rawmemchr", "index", "rindex", "basename", "dirname", "strtok",
        "strtok_r", "strsep", NULL,
    };
    for (int i = 0; into_arg[i]; i++)
        if (!strcmp(callee, into_arg[i]))
            return true;
    return false;
}

static bool is_candidate(const Ins *ins)
{
    int n;
    if (ins->dst.kind != OPND_LVALUE || ir_key_root(ins->dst.key, &n) != ins->dst.key ||
        ins->dst.key[n])
        return false;   /* a variable, not a slot the name is stored in */
    if (ins->kind == INS_ASSIGN)
        return ins->src.kind != OPND_STRING && ins->src.kind != OPND_LVALUE;
    return ins->call.callee && names_points_into_arg(ins->call.callee);
}

static void index_reads(NamesIndex *x, const Operand *o, int c)
{
    for (int r = 0; r < o->nreads; r++) {
        int n;
        const char *root = ir_key_root(o->reads[r], &n);
        int id = keymap_intern_n(&x->arena, &x->roots, root, (size_t)n);
        if (id == x->nreaders) {
            IntList none = {0};
            ARENA_PUSH(&x->arena, x->readers, x->nreaders, x->cap_readers, none);
        }
        IntList *l = &x->readers[id];
        if (!l->n || l->v[l->n - 1] != c)
            ARENA_PUSH(&x->arena, l->v, l->n, l->cap, c);
    }
}

static NamesIndex *build(const Function *fn)
{
    NamesIndex *x = calloc(1, sizeof *x);
    if (!x)
        abort();
    x->fn = fn;
    x->serial = fn->serial;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (names_is_fill(ins))
                ARENA_PUSH(&x->arena, x->fills, x->nfills, x->cap_fills, ins);
            if (!is_candidate(ins))
                continue;
            int c = x->ncand;
            ARENA_PUSH(&x->arena, x->cand, x->ncand, x->cap_cand, ins);
            if (ins->kind == INS_ASSIGN)
                index_reads(x, &ins->src, c);
            else
                for (int k = 0; k < ins->call.nargs; k++)
                    index_reads(x, &ins->call.args[k], c);
        }
    x->taken = ARENA_ARRAY(&x->arena, unsigned, x->ncand);
    x->heap = ARENA_ARRAY(&x->arena, int, x->ncand);
    return x;
}

void names_index_release(void)
{
    if (!kept)
        return;
    arena_free(&kept->arena);
    free(kept);
    kept = NULL;
}

NamesIndex *names_index(const Function *fn)
{
    if (kept && kept->fn == fn && kept->serial == fn->serial)
        return kept;
    names_index_release();
    kept = build(fn);
    return kept;
}

void names_index_begin(NamesIndex *x)
{
    x->now++;
    x->nheap = 0;
}

/* The heap holds each candidate at most once per walk: a candidate is
 * marked when pushed, and pushed only if unmarked. */
static void push(NamesIndex *x, int c)
{
    if (x->taken[c] == x->now)
        return;
    x->taken[c] = x->now;
    int i = x->nheap++;
    while (i > 0 && x->heap[(i - 1) / 2] > c) {
        x->heap[i] = x->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    x->heap[i] = c;
}

void names_index_add_readers(NamesIndex *x, const char *key, int after)
{
    int n;
    const char *root = ir_key_root(key, &n);
    int id = keymap_find_n(&x->roots, root, (size_t)n);
    if (id < 0)
        return;
    const IntList *l = &x->readers[id];
    int lo = 0, hi = l->n;   /* the first reader after `after` */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (l->v[mid] <= after)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int k = lo; k < l->n; k++)
        push(x, l->v[k]);
}

int names_index_next(NamesIndex *x)
{
    if (!x->nheap)
        return -1;
    int top = x->heap[0], last = x->heap[--x->nheap], i = 0;
    for (;;) {
        int child = 2 * i + 1;
        if (child >= x->nheap)
            break;
        if (child + 1 < x->nheap && x->heap[child + 1] < x->heap[child])
            child++;
        if (x->heap[child] >= last)
            break;
        x->heap[i] = x->heap[child];
        i = child;
    }
    if (x->nheap)
        x->heap[i] = last;
    return top;
}

const Ins *names_index_candidate(const NamesIndex *x, int c)
{
    return x->cand[c];
}

const Ins *const *names_index_fills(const NamesIndex *x, int *n)
{
    *n = x->nfills;
    return x->fills;
}
