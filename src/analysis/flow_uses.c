/* flow_uses.c - forward search for later calls that name the checked file:
 * a may-dataflow over the set of storage holding the name (names.h),
 * merged by union at joins. A use is a catalogued call whose path argument
 * is in the set when the call is reached. */
#include <string.h>

#include "flow.h"
#include "flow_index.h"
#include "names.h"

typedef struct UseSearch {
    Arena *a;
    const Function *fn;
    const Site *check;
    DirMatch same_dir;      /* names relative to a descriptor it accepts, or NULL */
    const void *ctx;
    const BlockSet *within;  /* record only uses in these blocks, or NULL: all */
    FlowIndex *x;
    NameSet *in;            /* entry set per block, while marked in `entered` */
    BlockMarks *entered, *queued;
    BlockMarks *recorded;   /* instructions with a use in out */
    int *first_use;         /* per recorded instruction: where its uses start in out */
    int *work;
    int nwork, cap_work;
    Site *out;              /* every use, in the arena */
    int n, cap;
} UseSearch;

enum { MAX_VIEWS = 8 };

/* Record each view of the call (catalogue entry, or a summary's effects)
 * whose path argument holds the name. */
static void record_use(UseSearch *s, int b, int i, const NameSet *names)
{
    const Ins *ins = &s->fn->blocks[b]->ins[i];
    const FileFunc *views[MAX_VIEWS];
    if (ins == s->check->ins || (s->within && !flow_decided_has(s->within, b)))
        return;
    int nviews = site_views(ins, views, MAX_VIEWS);
    int id = s->x->first_ins[b] + i;
    /* reached again along another path: its views were recorded together */
    int first = marks_has(s->recorded, id) ? s->first_use[id] : s->n;
    for (int v = 0; v < nviews; v++) {
        const FileFunc *f = views[v];
        for (int which = 0; which < 2; which++) {
            const Operand *d = NULL;
            const Operand *p = s->same_dir ? site_path_at(ins, f, which, &d)
                                           : site_path(ins, f, which);
            if (!p || !nameset_has(names, p->key) ||
                (s->same_dir && !s->same_dir(s->fn, d, s->ctx)))
                continue;
            bool seen = false;
            for (int k = first; k < s->n && s->out[k].ins == ins && !seen; k++)
                seen = s->out[k].func == f;
            Site use = {b, i, ins, f, p};
            if (!seen) {
                if (marks_add(s->recorded, id))
                    s->first_use[id] = s->n;
                ARENA_PUSH(s->a, s->out, s->n, s->cap, use);
            }
            break;
        }
    }
}

static void run_block(UseSearch *s, int b, int from, NameSet *names)
{
    const Block *blk = s->fn->blocks[b];
    if (s->within && s->x->succmin[b] > s->within->horizon &&
        !flow_decided_has(s->within, b))
        return;   /* neither here nor further on can a use matter */
    for (int i = from; i < blk->nins && names->n; i++) {
        if (!names_call_rewrites(names, &blk->ins[i]))
            record_use(s, b, i, names);
        nameset_step(s->a, s->fn, b, i, names);
    }
    for (int k = 0; k < blk->nsucc && names->n; k++) {
        int succ = blk->succ[k];
        if (s->within && s->x->minreach[succ] > s->within->horizon)
            continue;   /* no way back to a block that matters */
        NameSet *in = &s->in[succ];
        bool grew = marks_add(s->entered, succ);
        if (grew)
            *in = (NameSet){.fill = names->fill};   /* first state; merges keep a common fill */
        else if (in->fill && (!names->fill || strcmp(in->fill, names->fill))) {
            in->fill = NULL;
            grew = true;
        }
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
        if (grew && marks_add(s->queued, succ))
            ARENA_PUSH(s->a, s->work, s->nwork, s->cap_work, succ);
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
    s->x = flow_index(fn);
    s->in = flow_slots(s->x, MARK_USES_IN, sizeof(NameSet));
    s->entered = flow_marks(s->x, MARK_USES_IN);
    s->queued = flow_marks(s->x, MARK_USES_QUEUED);
    s->recorded = flow_marks(s->x, MARK_USE_SEEN);
    s->first_use = flow_slots(s->x, MARK_USE_SEEN, sizeof(int));
    NameSet start = {.fill = names_fill_before(a, fn, check->block, check->index, key)};
    nameset_add(a, &start, key);
    names_aliases_before(a, fn, check->block, check->index, &start);
    run_block(s, check->block, check->index + 1, &start);
    while (s->nwork) {
        int b = s->work[--s->nwork];
        marks_remove(s->queued, b);
        NameSet names = copy_set(a, &s->in[b]);
        run_block(s, b, 0, &names);
    }
}

Site *flow_uses(Arena *a, const Function *fn, const Site *check, const char *key,
                    DirMatch same_dir, const void *ctx, int *n)
{
    return flow_uses_within(a, fn, check, key, same_dir, ctx, NULL, n);
}

Site *flow_uses_within(Arena *a, const Function *fn, const Site *check, const char *key,
                       DirMatch same_dir, const void *ctx, const BlockSet *within, int *n)
{
    UseSearch s = {.a = a, .fn = fn, .check = check, .same_dir = same_dir, .ctx = ctx,
                   .within = within};
    search(&s, key);
    *n = s.n;
    return s.out;
}
