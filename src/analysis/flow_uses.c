/* flow_uses.c - forward search for later calls that name the checked file:
 * a may-dataflow over the set of storage holding the name (names.h),
 * merged by union at joins. A use is a catalogued call whose path argument
 * is in the set when the call is reached. */
#include <string.h>

#include "flow.h"
#include "names.h"

typedef struct UseSearch {
    Arena *a;
    const Function *fn;
    const Site *check;
    DirMatch same_dir;      /* names relative to a descriptor it accepts, or NULL */
    const void *ctx;
    NameSet *in;        /* entry set per block */
    bool *entered;      /* in[b] has been given a state */
    bool *queued;
    int *work;
    int nwork;
    Site *out;          /* every use, in the arena */
    int n, cap;
} UseSearch;

enum { MAX_VIEWS = 8 };

/* Record each view of the call (catalogue entry, or a summary's effects)
 * whose path argument holds the name. */
static void record_use(UseSearch *s, int b, int i, const NameSet *names)
{
    const Ins *ins = &s->fn->blocks[b]->ins[i];
    const FileFunc *views[MAX_VIEWS];
    int nviews = ins == s->check->ins ? 0 : site_views(ins, views, MAX_VIEWS);
    for (int v = 0; v < nviews; v++) {
        const FileFunc *f = views[v];
        for (int which = 0; which < 2; which++) {
            const Operand *d = NULL;
            const Operand *p = s->same_dir ? site_path_at(ins, f, which, &d)
                                           : site_path(ins, f, which);
            if (!p || !nameset_has(names, p->key) ||
                (s->same_dir && !s->same_dir(s->fn, d, s->ctx)))
                continue;
            bool seen = false;   /* reached again along another path */
            for (int k = 0; k < s->n && !seen; k++)
                seen = s->out[k].ins == ins && s->out[k].func == f;
            Site use = {b, i, ins, f, p};
            if (!seen)
                ARENA_PUSH(s->a, s->out, s->n, s->cap, use);
            break;
        }
    }
}

static void run_block(UseSearch *s, int b, int from, NameSet *names)
{
    const Block *blk = s->fn->blocks[b];
    for (int i = from; i < blk->nins && names->n; i++) {
        record_use(s, b, i, names);
        nameset_step(s->a, s->fn, b, i, names);
    }
    for (int k = 0; k < blk->nsucc && names->n; k++) {
        int succ = blk->succ[k];
        NameSet *in = &s->in[succ];
        bool grew = !s->entered[succ];
        if (grew)
            in->fill = names->fill;   /* first state; merges keep a common fill */
        else if (in->fill && (!names->fill || strcmp(in->fill, names->fill))) {
            in->fill = NULL;
            grew = true;
        }
        s->entered[succ] = true;
        for (int i = 0; i < names->n; i++)
            grew |= nameset_add(s->a, in, names->keys[i]);
        for (int i = 0; i < names->ninner; i++) {
            bool have = false;
            for (int j = 0; j < in->ninner && !have; j++)
                have = !strcmp(in->inner[j], names->inner[i]);
            if (!have) {
                ARENA_PUSH(s->a, in->inner, in->ninner, in->cap_inner, names->inner[i]);
                grew = true;
            }
        }
        if (grew && !s->queued[succ]) {
            s->queued[succ] = true;
            s->work[s->nwork++] = succ;
        }
    }
}

static NameSet copy_set(Arena *a, const NameSet *from)
{
    NameSet s = {.fill = from->fill};
    for (int i = 0; i < from->n; i++)
        nameset_add(a, &s, from->keys[i]);
    for (int i = 0; i < from->ninner; i++)
        ARENA_PUSH(a, s.inner, s.ninner, s.cap_inner, from->inner[i]);
    return s;
}

static void search(UseSearch *s, const char *key)
{
    Arena *a = s->a;
    const Function *fn = s->fn;
    const Site *check = s->check;
    int n = fn->nblocks;
    s->in = ARENA_ARRAY(a, NameSet, n);
    s->entered = ARENA_ARRAY(a, bool, n);
    s->queued = ARENA_ARRAY(a, bool, n);
    s->work = ARENA_ARRAY(a, int, n);
    NameSet start = {.fill = names_fill_before(a, fn, check->block, check->index, key)};
    nameset_add(a, &start, key);
    names_aliases_before(a, fn, check->block, check->index, &start);
    run_block(s, check->block, check->index + 1, &start);
    while (s->nwork) {
        int b = s->work[--s->nwork];
        s->queued[b] = false;
        NameSet names = copy_set(a, &s->in[b]);
        run_block(s, b, 0, &names);
    }
}

Site *flow_uses(Arena *a, const Function *fn, const Site *check, const char *key,
                    DirMatch same_dir, const void *ctx, int *n)
{
    UseSearch s = {.a = a, .fn = fn, .check = check, .same_dir = same_dir, .ctx = ctx};
    search(&s, key);
    *n = s.n;
    return s.out;
}
