/* lock_order.c - lock-order: two paths take the same two locks in
 * opposite orders (CWE-833, deadlock).
 *
 *     void a(void) { lock(&m1); lock(&m2); ... }   <- m1 then m2
 *     void b(void) { lock(&m2); lock(&m1); ... }   <- m2 then m1: a thread in
 *                                                     a() and one in b() can
 *                                                     each wait for the other
 *
 * Per function, a forward may-dataflow over the CFG computes the locks
 * held at each acquisition (acquire adds, release removes, union at
 * joins); each acquisition that can wait adds an edge held -> acquired.
 * Edges are collected for the whole translation unit (a rule sees one
 * function at a time, so they live in per-thread state that the finish
 * hook reports and clears), with calls of the program's own functions
 * expanded by what those functions acquire, transitively. Each pair of
 * opposite edges is reported once.
 *
 * Locks: pthread mutexes, rwlocks and spinlocks, C11 mtx_t, flock(),
 * lockf() and fcntl() record locks (named by the file opened), and lock
 * files (created with O_EXCL or link(), released by unlink()). A try-lock
 * cannot wait, so it adds no edge, but it is held on its success branch.
 *
 * Lock identity: a global (or a global's field) by its access path; a
 * field reached through a pointer by the struct type pointed at and the
 * field path, so s->mu in one function and t->mu in another are the same
 * lock when s and t point at the same struct type; locals and
 * parameters only within their function; a file by its literal name (or
 * the global variable holding it). Elements with variable indexes are
 * not tracked. */
#include <stdlib.h>
#include <string.h>

#include "../analysis/creation.h"
#include "../analysis/locks.h"
#include "../analysis/origin.h"
#include "../analysis/sites.h"
#include "../util/strmap.h"
#include "rules.h"

enum { MAX_HELD = 16, MAX_SUMMARY = 64, MAX_FNS = 4096 };

typedef struct Held {
    const char *id;         /* identity */
    const char *shown;      /* as written where it was acquired */
    SrcLoc loc;             /* where it was acquired */
    const char *fn;         /* in which function */
    bool shared;            /* taken to read: another reader does not wait */
    const char *freed;      /* in a summary: the caller's locks ("id\n" each) the
                             * function released before this acquisition, which a
                             * caller holding them does not hold while it waits */
} Held;

/* In a held set, a mark "~id": the function released lock id, which it
 * had not taken itself (its caller's: find_interrupted() unlocks f->lock,
 * then takes curr->lock). Marks are no locks held. */
static bool is_mark(const Held *h)
{
    return h->id[0] == '~';
}

typedef struct HeldSet {
    Held item[MAX_HELD];
    int n;
} HeldSet;

typedef struct Edge {
    Held held, acq;         /* acq.loc: the acquisition, or the call that makes it */
    const char *fn;
    const char *via;        /* the function called, for an acquisition inside a call */
    SrcLoc inner;           /* where the call acquires it */
    const char *inner_fn;   /* in which function (via, or one it calls) */
    bool reported;          /* its pair was reported */
} Edge;

typedef struct CallSite {
    const char *caller, *callee;
    HeldSet held;
    SrcLoc loc;
} CallSite;

typedef struct Summary {
    const char *name;
    Held acq[MAX_SUMMARY];  /* acquisitions that can wait, this function's own and its callees' */
    int nacq;
    const char **callees;
    int ncallees, cap_callees;
} Summary;

typedef struct TuState {
    const Findings *owner;
    Arena arena;
    Edge *edges;
    int nedges, cap_edges;
    CallSite *calls;
    int ncalls, cap_calls;
    Summary *fns;
    int nfns, cap_fns;
} TuState;

/* One translation unit is analysed on one thread from its first function
 * to the finish hook. */
static _Thread_local TuState *tu;

static TuState *state_for(const Findings *out)
{
    if (tu && tu->owner != out) {   /* a unit that never finished */
        arena_free(&tu->arena);
        free(tu);
        tu = NULL;
    }
    if (!tu) {
        tu = calloc(1, sizeof *tu);
        if (!tu)
            abort();
        tu->owner = out;
    }
    return tu;
}

/* ---- lock identity ---------------------------------------------------- */

static bool constant_indexes(const char *key)
{
    for (const char *p = strchr(key, '['); p; p = strchr(p + 1, '[')) {
        const char *q = p + 1;
        q += strspn(q, "0123456789");
        if (*q != ']' || q == p + 1)
            return false;
    }
    return true;
}

/* The struct type the variable at the start of key (before `arrow`)
 * points at: f->lock of a struct fuse and d->lock of a struct fuse_dh are
 * different locks. NULL when not known. */
static const char *base_record(const Function *fn, const char *key, const char *arrow)
{
    while (*key == '*' || *key == '(')
        key++;
    size_t n = strcspn(key, ".[-");
    if (key + n != arrow || n >= 256)
        return NULL;
    char name[256];
    memcpy(name, key, n);
    name[n] = '\0';
    const Var *v = ir_find_var(fn, name);
    return v ? v->record : NULL;
}

/* The identity of the lock operand o (&m, &s->mu, a mutex pointer). */
static const char *memory_id(Arena *a, const Function *fn, const Operand *o)
{
    if ((o->kind != OPND_ADDR && o->kind != OPND_LVALUE) || !o->key || !constant_indexes(o->key))
        return NULL;
    const char *key = o->key;
    const char *deref = o->kind == OPND_LVALUE ? "*" : "";
    const char *arrow = strstr(key, "->");
    if (arrow) {   /* a field through a pointer: by the field path */
        char *field = arena_strdup(a, arrow);
        char *w = field;
        for (const char *r = arrow; *r; r++) {
            if (r[0] == '-' && r[1] == '>') {
                *w++ = '.';
                r++;
            } else {
                *w++ = *r;
            }
        }
        *w = '\0';
        const char *record = base_record(fn, key, arrow);
        return arena_printf(a, "field %s%s%s%s", record ? record : "", record ? ":" : "", deref, field);
    }
    const Var *v = ir_find_var(fn, key);
    if (!v || v->kind == VAR_GLOBAL)
        return arena_printf(a, "global %s%s", deref, key);
    return arena_printf(a, "%s::%s%s", fn->name, deref, key);
}

/* The identity of a file by its name: the literal it is made of, or the
 * global (or field) holding it. kind: "file" (flock, fcntl...: released by
 * close) or "lock file" (exists while held: released by unlink). */
static const char *name_id(Arena *a, OriginCtx *oc, const Function *fn, int b, int i,
                           const Operand *path, const char *kind)
{
    Shapes s = origin_shapes(oc, b, i, path);
    if (s.n == 1 && shape_is_literal(s.item[0].text))
        return arena_printf(a, "%s %s", kind, s.item[0].text);
    if (path->kind == OPND_LVALUE && constant_indexes(path->key)) {
        if (strstr(path->key, "->"))
            return arena_printf(a, "%s field %s", kind, strstr(path->key, "->"));
        const Var *v = ir_find_var(fn, path->key);
        if (!v || v->kind == VAR_GLOBAL)
            return arena_printf(a, "%s %s", kind, path->key);
    }
    return NULL;
}

/* How a lock is shown: 'm', 's->mu', 'path', or a literal "/var/lock/x". */
static const char *display(Arena *a, const Operand *o)
{
    if (o->kind == OPND_STRING)
        return o->key;
    if (o->key && (o->kind == OPND_LVALUE || o->kind == OPND_ADDR))
        return arena_printf(a, "'%s'", site_display_name(a, o));
    return "(a lock)";
}

static const char *file_id(Arena *a, OriginCtx *oc, const Function *fn, int b, int i,
                           const Operand *fd, const char **shown)
{
    int ob = 0, oi = 0;
    const Ins *open = origin_call(oc, b, i, fd, &ob, &oi);
    const FileFunc *f = open ? site_libc_func(open) : NULL;
    if (!f || f->group != G_OPEN)
        return NULL;
    const Operand *path = creation_path(open, f);
    if (!path)
        return NULL;
    *shown = display(a, path);
    return name_id(a, oc, fn, ob, oi, path, "file");
}

/* ---- what each instruction does ------------------------------------- */

typedef struct Event {
    LockAct act;            /* LOCK_NONE: no lock; a call of a program function if callee */
    const char *id, *shown;
    const char *result;     /* LOCK_TRY: the key holding the call's result */
    const char *callee;
    bool shared;            /* LockCall.shared */
    const char *mark;       /* "~id" (is_mark()), for an acquisition or release */
} Event;

static Event event_of(Arena *a, OriginCtx *oc, const Function *fn, int b, int i)
{
    const Ins *ins = &fn->blocks[b]->ins[i];
    Event e = {LOCK_NONE, NULL, NULL, NULL, NULL, false, NULL};
    if (ins->kind != INS_CALL)
        return e;
    if (ins->call.kind == CALLEE_DEFINED && ins->call.callee) {
        e.callee = ins->call.callee;
        return e;
    }
    LockCall lc = lock_call(fn, b, i);
    if (lc.act != LOCK_NONE && lc.uncertain)
        return e;
    if (lc.act != LOCK_NONE && lc.arg < ins->call.nargs) {
        const Operand *o = &ins->call.args[lc.arg];
        const char *shown = NULL;
        e.id = lc.obj == LOBJ_MEMORY ? memory_id(a, fn, o) : file_id(a, oc, fn, b, i, o, &shown);
        if (!e.id)
            return e;
        e.act = lc.act;
        e.shared = lc.shared;
        e.shown = lc.obj == LOBJ_MEMORY ? display(a, o) : shown;
        e.result = ins->dst.kind != OPND_NONE ? ins->dst.key : NULL;
        return e;
    }
    /* lock files: created with O_EXCL or by link(), removed by unlink() */
    const FileFunc *f = site_libc_func(ins);
    if (!f)
        return e;
    const Operand *path = NULL;
    LockAct act = LOCK_NONE;
    if (creation_of(ins, f) == CREATE_EXCL) {
        path = creation_path(ins, f);
        act = LOCK_ACQUIRE;
    } else if (f->group == G_NAMESPACE && (f->roles & NEWNAME2) && f->path2 >= 0 &&
               f->path2 < ins->call.nargs) {
        path = site_path(ins, f, 1);
        act = LOCK_ACQUIRE;
    } else if (f->group == G_NAMESPACE && f->path2 < 0 && !(f->roles & NEWNAME)) {
        path = site_path(ins, f, 0);   /* unlink, remove */
        act = LOCK_RELEASE;
    }
    if (!path)
        return e;
    Shapes s = origin_shapes(oc, b, i, path);
    if (lockname_of(&s, path) == LOCKNAME_NO)
        return e;
    e.id = name_id(a, oc, fn, b, i, path, "lock file");
    if (!e.id)
        return e;
    e.act = act;
    e.shown = display(a, path);
    return e;
}

/* ---- the held-locks dataflow ---------------------------------------- */

static bool held_has(const HeldSet *s, const char *id)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->item[i].id, id))
            return true;
    return false;
}

static bool held_add(HeldSet *s, Held h)
{
    if (held_has(s, h.id) || s->n == MAX_HELD)
        return false;
    s->item[s->n++] = h;
    return true;
}

static void held_remove(HeldSet *s, const char *id)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->item[i].id, id)) {
            memmove(&s->item[i], &s->item[i + 1], sizeof(Held) * (size_t)(s->n - i - 1));
            s->n--;
            return;
        }
}

typedef struct Pending {        /* a try-lock whose success a branch decides */
    Held lock;
    const char *keys[4];
    int nkeys;
} Pending;

typedef struct Walk {
    const RuleInput *in;
    TuState *tu;
    Event **ev;                 /* per block, per instruction */
    HeldSet *entry;
    bool record;                /* last pass: add edges and call sites */
    Summary *self;
} Walk;

static void add_edge(TuState *t, const Edge *e)
{
    for (int i = 0; i < t->nedges; i++)
        if (!strcmp(t->edges[i].held.id, e->held.id) && !strcmp(t->edges[i].acq.id, e->acq.id) &&
            t->edges[i].held.shared == e->held.shared && t->edges[i].acq.shared == e->acq.shared)
            return;   /* the first edge of each order and modes is the one reported */
    ARENA_PUSH(&t->arena, t->edges, t->nedges, t->cap_edges, *e);
}

static const char *keep(TuState *t, const char *s)
{
    return s ? arena_strdup(&t->arena, s) : NULL;
}

static Held kept(TuState *t, Held h)
{
    return (Held){keep(t, h.id), keep(t, h.shown), h.loc, keep(t, h.fn), h.shared, keep(t, h.freed)};
}

/* The marks of cur as a "id\n" list, or NULL. */
static const char *freed_of(Arena *a, const HeldSet *cur)
{
    const char *list = NULL;
    for (int k = 0; k < cur->n; k++)
        if (is_mark(&cur->item[k]))
            list = arena_printf(a, "%s%s\n", list ? list : "", cur->item[k].id + 1);
    return list;
}

static bool freed_has(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; p && *p; p = strchr(p, '\n') + 1)
        if (!strncmp(p, id, n) && p[n] == '\n')
            return true;
    return false;
}

static void summary_add(TuState *t, Summary *s, Held h)
{
    for (int i = 0; i < s->nacq; i++)
        if (!strcmp(s->acq[i].id, h.id)) {
            if (s->acq[i].shared && !h.shared)   /* taken to write too: that one waits on readers */
                s->acq[i] = kept(t, h);
            else if (!h.freed)   /* taken somewhere with the caller's locks still held */
                s->acq[i].freed = NULL;
            return;
        }
    if (s->nacq < MAX_SUMMARY)
        s->acq[s->nacq++] = kept(t, h);
}

/* Is a release of lock `id` reachable from block `from` without passing
 * through block `avoid`? */
static bool release_reachable(const Walk *w, int from, int avoid, const char *id)
{
    const Function *fn = w->in->fn;
    bool *seen = ARENA_ARRAY(w->in->scratch, bool, fn->nblocks);
    int *work = ARENA_ARRAY(w->in->scratch, int, fn->nblocks), nw = 0;
    if (from == avoid)
        return false;
    seen[from] = true;
    work[nw++] = from;
    while (nw) {
        int b = work[--nw];
        const Block *blk = fn->blocks[b];
        for (int i = 0; i < blk->nins; i++)
            if (w->ev[b][i].act == LOCK_RELEASE && !strcmp(w->ev[b][i].id, id))
                return true;
        for (int k = 0; k < blk->nsucc; k++)
            if (!seen[blk->succ[k]] && blk->succ[k] != avoid) {
                seen[blk->succ[k]] = true;
                work[nw++] = blk->succ[k];
            }
    }
    return false;
}

/* Which edge of block b's branch on a try-lock's result is the success:
 * the one from which the lock is released (the failure side does not
 * hold it, so it does not release it). -1 if both or neither. */
static int success_side(const Walk *w, int b, const char *id)
{
    const Block *blk = w->in->fn->blocks[b];
    if (blk->nsucc != 2)
        return -1;
    bool t = release_reachable(w, blk->succ[0], b, id);
    bool f = release_reachable(w, blk->succ[1], b, id);
    return t == f ? -1 : t ? 0 : 1;
}

/* Run block b from its entry state; fill out[k] for each successor k. */
static void run_block(Walk *w, int b, HeldSet *out)
{
    const Function *fn = w->in->fn;
    const Block *blk = fn->blocks[b];
    HeldSet cur = w->entry[b];
    Pending pend[4];
    int npend = 0;
    for (int i = 0; i < blk->nins; i++) {
        const Ins *ins = &blk->ins[i];
        const Event *e = &w->ev[b][i];
        for (int p = 0; p < npend; p++)   /* rc = trylock(...): rc holds the result too */
            if (ins->kind == INS_ASSIGN && ins->dst.kind == OPND_LVALUE && pend[p].nkeys < 4 &&
                (ins->src.kind == OPND_TEMP || ins->src.kind == OPND_LVALUE))
                for (int k = 0; k < pend[p].nkeys; k++)
                    if (!strcmp(pend[p].keys[k], ins->src.key)) {
                        pend[p].keys[pend[p].nkeys++] = ins->dst.key;
                        break;
                    }
        if (e->callee) {
            if (w->record) {
                TuState *t = w->tu;
                bool known = false;
                for (int k = 0; k < w->self->ncallees && !known; k++)
                    known = !strcmp(w->self->callees[k], e->callee);
                if (!known)
                    ARENA_PUSH(&t->arena, w->self->callees, w->self->ncallees,
                               w->self->cap_callees, keep(t, e->callee));
                if (cur.n) {
                    CallSite cs = {keep(t, fn->name), keep(t, e->callee), {.n = 0}, ins->loc};
                    for (int k = 0; k < cur.n; k++)
                        if (!is_mark(&cur.item[k]))
                            cs.held.item[cs.held.n++] = kept(t, cur.item[k]);
                    ARENA_PUSH(&t->arena, t->calls, t->ncalls, t->cap_calls, cs);
                }
            }
            continue;
        }
        Held h = {e->id, e->shown, ins->loc, fn->name, e->shared, NULL};
        const char *mark = e->mark;
        switch (e->act) {
        case LOCK_ACQUIRE:
            held_remove(&cur, mark);   /* the caller's lock, taken again */
            if (w->record) {
                h.freed = freed_of(w->in->scratch, &cur);
                summary_add(w->tu, w->self, h);
                h.freed = NULL;
                for (int k = 0; k < cur.n; k++) {
                    if (!strcmp(cur.item[k].id, e->id) || is_mark(&cur.item[k]))
                        continue;
                    Edge ed = {kept(w->tu, cur.item[k]), kept(w->tu, h), keep(w->tu, fn->name),
                               NULL, {0}, NULL};
                    add_edge(w->tu, &ed);
                }
            }
            held_add(&cur, h);
            break;
        case LOCK_TRY:
            if (npend < 4 && e->result) {
                pend[npend] = (Pending){h, {e->result}, 1};
                npend++;
            } else {
                held_add(&cur, h);
            }
            break;
        case LOCK_RELEASE:
            if (held_has(&cur, e->id))
                held_remove(&cur, e->id);
            else
                held_add(&cur, (Held){mark, e->shown, ins->loc, fn->name, false, NULL});
            for (int p = 0; p < npend; p++)
                if (!strcmp(pend[p].lock.id, e->id))
                    pend[p] = pend[--npend];
            break;
        default:
            break;
        }
    }
    for (int k = 0; k < blk->nsucc; k++)
        out[k] = cur;
    for (int p = 0; p < npend; p++) {
        int side = -1;
        for (int j = 0; j < pend[p].nkeys && side < 0 && blk->term == TERM_BRANCH; j++)
            if ((blk->cond.key && !strcmp(blk->cond.key, pend[p].keys[j])) ||
                ir_operand_reads(&blk->cond, pend[p].keys[j]))
                side = success_side(w, b, pend[p].lock.id);
        for (int k = 0; k < blk->nsucc; k++)
            if (side < 0 || side == k)
                held_add(&out[k], pend[p].lock);
    }
}

static void analyse(Walk *w)
{
    const Function *fn = w->in->fn;
    int n = fn->nblocks;
    bool *queued = ARENA_ARRAY(w->in->scratch, bool, n);
    bool *entered = ARENA_ARRAY(w->in->scratch, bool, n);
    int *work = ARENA_ARRAY(w->in->scratch, int, n), nw = 0;
    HeldSet *out = ARENA_ARRAY(w->in->scratch, HeldSet, 2);
    int cap_out = 2;
    work[nw++] = fn->entry;
    queued[fn->entry] = entered[fn->entry] = true;
    while (nw) {
        int b = work[--nw];
        queued[b] = false;
        const Block *blk = fn->blocks[b];
        if (blk->nsucc > cap_out) {
            cap_out = blk->nsucc;
            out = ARENA_ARRAY(w->in->scratch, HeldSet, cap_out);
        }
        run_block(w, b, out);
        for (int k = 0; k < blk->nsucc; k++) {
            int s = blk->succ[k];
            bool grew = !entered[s];
            entered[s] = true;
            for (int j = 0; j < out[k].n; j++)
                grew |= held_add(&w->entry[s], out[k].item[j]);
            if (grew && !queued[s]) {
                queued[s] = true;
                work[nw++] = s;
            }
        }
    }
    /* last pass, on the fixed point: record */
    w->record = true;
    for (int b = 0; b < n; b++) {
        if (!entered[b])
            continue;
        const Block *blk = fn->blocks[b];
        if (blk->nsucc > cap_out) {
            cap_out = blk->nsucc;
            out = ARENA_ARRAY(w->in->scratch, HeldSet, cap_out);
        }
        run_block(w, b, out);
    }
}

void rule_lock_order(const RuleInput *in, Findings *out)
{
    const Function *fn = in->fn;
    Event **ev = ARENA_ARRAY(in->scratch, Event *, fn->nblocks);
    OriginCtx *oc = NULL;
    bool any = false;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        ev[b] = ARENA_ARRAY(in->scratch, Event, blk->nins + 1);
        if (in->dom->idom[b] < 0)
            continue;
        for (int i = 0; i < blk->nins; i++) {
            if (!oc && blk->ins[i].kind == INS_CALL)
                oc = origin_ctx(in->scratch, fn);
            ev[b][i] = event_of(in->scratch, oc, fn, b, i);
            if (ev[b][i].act == LOCK_ACQUIRE || ev[b][i].act == LOCK_RELEASE)
                ev[b][i].mark = arena_printf(in->scratch, "~%s", ev[b][i].id);
            any |= ev[b][i].act != LOCK_NONE || ev[b][i].callee;
        }
    }
    TuState *t = state_for(out);
    if (t->nfns >= MAX_FNS)
        return;
    Summary self = {keep(t, fn->name), {{0}}, 0, NULL, 0, 0};
    if (any) {
        Walk w = {in, t, ev, ARENA_ARRAY(in->scratch, HeldSet, fn->nblocks), false, &self};
        analyse(&w);
    }
    ARENA_PUSH(&t->arena, t->fns, t->nfns, t->cap_fns, self);
}

/* ---- the end of the translation unit --------------------------------- */

/* The first of the unit's functions called name, by a hash of their
 * names (byname): a unit may define thousands, each with many callees. */
static Summary *find_fn(TuState *t, const StrMap *byname, const char *name)
{
    int i;
    return strmap_get(byname, name, &i) ? &t->fns[i] : NULL;
}

static void index_fns(const TuState *t, StrMap *byname)
{
    for (int i = 0; i < t->nfns; i++)
        if (!strmap_get(byname, t->fns[i].name, NULL))
            strmap_put(byname, t->fns[i].name, i);
}

/* What each function acquires, with what its callees acquire. */
static void close_summaries(TuState *t, const StrMap *byname)
{
    for (bool grew = true; grew;) {
        grew = false;
        for (int i = 0; i < t->nfns; i++) {
            Summary *s = &t->fns[i];
            for (int c = 0; c < s->ncallees; c++) {
                Summary *callee = find_fn(t, byname, s->callees[c]);
                if (!callee || callee == s)
                    continue;
                for (int k = 0; k < callee->nacq; k++) {
                    int before = s->nacq;
                    summary_add(t, s, callee->acq[k]);
                    grew |= s->nacq != before;
                }
            }
        }
    }
}

static void expand_calls(TuState *t, const StrMap *byname)
{
    for (int c = 0; c < t->ncalls; c++) {
        const CallSite *cs = &t->calls[c];
        Summary *callee = find_fn(t, byname, cs->callee);
        if (!callee)
            continue;
        for (int k = 0; k < callee->nacq; k++)
            for (int h = 0; h < cs->held.n; h++) {
                if (!strcmp(cs->held.item[h].id, callee->acq[k].id) ||
                    freed_has(callee->acq[k].freed, cs->held.item[h].id))
                    continue;
                Held acq = callee->acq[k];
                acq.loc = cs->loc;
                acq.fn = cs->caller;
                Edge e = {cs->held.item[h], acq, cs->caller, cs->callee, callee->acq[k].loc,
                          callee->acq[k].fn};
                add_edge(t, &e);
            }
    }
}

static int loc_cmp(SrcLoc a, SrcLoc b)
{
    int c = strcmp(a.file ? a.file : "", b.file ? b.file : "");
    if (c)
        return c;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    return a.col < b.col ? -1 : a.col > b.col;
}

static const char *acquired_how(Arena *a, const Edge *e)
{
    return e->via ? arena_printf(a, "%s acquired (by %s()) while %s is held", e->acq.shown,
                                 e->via, e->held.shown)
                  : arena_printf(a, "%s acquired while %s is held", e->acq.shown,
                                 e->held.shown);
}

static void report_pair(const Rule *rule, Findings *out, const Edge *r, const Edge *o)
{
    Arena *a = out->arena;
    const char *where = strcmp(r->fn, o->fn)
        ? arena_printf(a, "%s() takes them in the opposite order", o->fn)
        : "another path of this function takes them in the opposite order";
    const char *msg = arena_printf(a,
        "lock order inversion: %s, but %s: two threads can each hold one and wait for the "
        "other forever; take %s and %s in one fixed order everywhere",
        acquired_how(a, r), where, r->held.shown, r->acq.shown);
    Function fake = {.name = r->fn};
    Finding *f = finding_add(out, rule, &fake, r->acq.loc, msg);
    f->role = ROLE_LOCK;
    finding_note_as(out, f, r->held.loc, ROLE_LOCK,
                    arena_printf(a, "%s acquired here", r->held.shown));
    if (r->via)
        finding_note_as(out, f, r->inner, ROLE_LOCK,
                        arena_printf(a, "%s acquired here, in %s()", r->acq.shown, r->inner_fn));
    finding_note_as(out, f, o->held.loc, ROLE_LOCK,
                    arena_printf(a, "the opposite order: %s acquired here, in %s()",
                                 o->held.shown, o->fn));
    finding_note_as(out, f, o->acq.loc, ROLE_LOCK,
                    arena_printf(a, "then %s", acquired_how(a, o)));
    if (o->via)
        finding_note_as(out, f, o->inner, ROLE_LOCK,
                        arena_printf(a, "%s acquired here, in %s()", o->acq.shown, o->inner_fn));
}

/* Can the thread in edge x wait for the lock y holds (x acquires what y
 * holds)? Not when both take it to read: readers share an rwlock (or a
 * LOCK_SH, F_RDLCK file lock), so two threads that only read-lock both
 * locks cannot deadlock on them. */
static bool waits(const Edge *x, const Edge *y)
{
    return !(x->acq.shared && y->held.shared);
}

/* Was the same pair of locks already reported from an edge before i (in
 * other modes)? */
static bool pair_reported(const TuState *t, int i)
{
    for (int k = 0; k < i; k++)
        if (t->edges[k].reported && !strcmp(t->edges[k].held.id, t->edges[i].held.id) &&
            !strcmp(t->edges[k].acq.id, t->edges[i].acq.id))
            return true;
    return false;
}

void rule_lock_order_finish(const Rule *rule, Findings *out)
{
    TuState *t = tu;
    if (!t)
        return;
    if (t->owner == out) {
        StrMap byname = {0};
        index_fns(t, &byname);
        close_summaries(t, &byname);
        expand_calls(t, &byname);
        strmap_free(&byname);
        for (int i = 0; i < t->nedges; i++) {
            const Edge *x = &t->edges[i];
            if (strcmp(x->held.id, x->acq.id) >= 0)
                continue;   /* each pair once: from its smaller identity */
            if (pair_reported(t, i))
                continue;
            for (int j = 0; j < t->nedges; j++) {
                const Edge *y = &t->edges[j];
                if (strcmp(y->held.id, x->acq.id) || strcmp(y->acq.id, x->held.id) ||
                    !waits(x, y) || !waits(y, x))
                    continue;
                t->edges[i].reported = true;
                /* report on the later second acquisition */
                if (loc_cmp(x->acq.loc, y->acq.loc) > 0)
                    report_pair(rule, out, x, y);
                else
                    report_pair(rule, out, y, x);
                break;
            }
        }
    }
    arena_free(&t->arena);
    free(t);
    tu = NULL;
}
