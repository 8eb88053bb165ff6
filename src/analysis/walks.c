/* walks.c - the checks directory walks make for the program; see walks.h
 * and model/entries.def. */
#include "walks.h"

#include "listing.h"

#include <fts.h>
#include <ftw.h>
#include <string.h>

#include "flow.h"
#include "effects.h"
#include "names.h"

typedef struct EntryFunc {
    const char *name;
    int dir;
    const char *name1, *name2, *statbuf, *type;
    bool links;
} EntryFunc;

static const EntryFunc entry_funcs[] = {
#define ENTRY(name, dir, n1, n2, sb, type, links) {#name, dir, n1, n2, sb, type, links},
#define WALKER(name, callback, flags, physical)
#include "../model/entries.def"
#undef ENTRY
#undef WALKER
};

typedef struct Walker {
    const char *name;
    int callback, flags;
    long long physical;
} Walker;

static const Walker walkers[] = {
#define ENTRY(name, dir, n1, n2, sb, type, links)
#define WALKER(name, callback, flags, physical) {#name, callback, flags, physical},
#include "../model/entries.def"
#undef ENTRY
#undef WALKER
};

enum { MAX_CALLBACKS = 64 };

/* This thread's unit: the functions it passes to a walker as callbacks. */
static _Thread_local struct {
    const char *name[MAX_CALLBACKS];
    bool links[MAX_CALLBACKS];
    int n;
} callbacks;

static const EntryFunc *entry_func(const Ins *ins)
{
    if (ins->kind != INS_CALL || !ins->call.callee || ins->call.kind != CALLEE_EXTERNAL)
        return NULL;
    for (size_t i = 0; i < sizeof(entry_funcs) / sizeof(entry_funcs[0]); i++)
        if (!strcmp(entry_funcs[i].name, ins->call.callee))
            return &entry_funcs[i];
    return NULL;
}

static const Walker *walker(const Ins *ins)
{
    if (ins->kind != INS_CALL || !ins->call.callee || ins->call.kind != CALLEE_EXTERNAL)
        return NULL;
    for (size_t i = 0; i < sizeof(walkers) / sizeof(walkers[0]); i++)
        if (!strcmp(walkers[i].name, ins->call.callee))
            return &walkers[i];
    return NULL;
}

void walks_scan_unit(Function *const *fns, int n)
{
    callbacks.n = 0;
    for (int f = 0; f < n; f++)
        for (int b = 0; b < fns[f]->nblocks; b++)
            for (int i = 0; i < fns[f]->blocks[b]->nins; i++) {
                const Ins *ins = &fns[f]->blocks[b]->ins[i];
                const Walker *w = walker(ins);
                if (!w || w->callback >= ins->call.nargs || callbacks.n == MAX_CALLBACKS)
                    continue;
                const Operand *cb = &ins->call.args[w->callback];
                if (cb->kind != OPND_EXPR || !cb->text || cb->nreads)
                    continue;   /* a function designator: its name, reading nothing */
                const Operand *fl = w->flags >= 0 && w->flags < ins->call.nargs
                                        ? &ins->call.args[w->flags] : NULL;
                callbacks.name[callbacks.n] = cb->text;
                callbacks.links[callbacks.n++] = fl && fl->has_ival && (fl->ival & w->physical);
            }
}

static Operand name_operand(Arena *a, const char *key, SrcLoc loc)
{
    Operand o = {.kind = OPND_LVALUE, .key = key, .text = key, .loc = loc};
    o.reads = ARENA_ARRAY(a, const char *, 1);
    o.reads[0] = key;
    o.nreads = 1;
    return o;
}

static FileFunc walk_func(const char *name)
{
    FileFunc f = {.name = name, .group = G_STAT, .roles = CHECK, .path = -1, .path2 = -1,
                  .dirfd = -1, .dirfd2 = -1, .flags = -1, .out = -1, .result = RES_STATUS};
    return f;
}

/* The variable the entry is stored in (ent = readdir(d)), or NULL; *at
 * becomes the store's index. */
static const char *entry_variable(const Block *blk, int *at)
{
    const char *temp = blk->ins[*at].dst.key;
    for (int i = *at + 1; temp && i < blk->nins; i++) {
        const Ins *ins = &blk->ins[i];
        if (ins->kind == INS_ASSIGN && ins->src.kind == OPND_TEMP && !strcmp(ins->src.key, temp)) {
            *at = i;
            return ins->dst.kind == OPND_LVALUE ? ins->dst.key : NULL;
        }
    }
    return NULL;
}

static void add_field(Arena *a, WalkCheck *w, const char *var, const char *field, bool name)
{
    if (!field)
        return;
    const char *key = arena_printf(a, "%s->%s", var, field);
    if (name)
        w->names[w->nnames++] = name_operand(a, key, w->site.ins->loc);
    else
        w->seeds[w->nseeds++] = key;
}

static bool entry_check(Arena *a, const Function *fn, int b, int i, WalkCheck *w)
{
    const EntryFunc *e = entry_func(&fn->blocks[b]->ins[i]);
    int stored = i;   /* the names exist once the entry is stored */
    const char *var = e ? entry_variable(fn->blocks[b], &stored) : NULL;
    if (!var)
        return false;
    const Ins *ins = &fn->blocks[b]->ins[i];
    *w = (WalkCheck){.site = {b, stored, ins, NULL, NULL}, .func = walk_func(e->name),
                     .links = e->links};
    if (e->dir >= 0 && (e->dir >= ins->call.nargs || ins->call.args[e->dir].kind != OPND_LVALUE))
        return false;
    w->dir = e->dir >= 0 ? &ins->call.args[e->dir] : NULL;
    add_field(a, w, var, e->name1, true);
    add_field(a, w, var, e->name2, true);
    add_field(a, w, var, e->statbuf, false);
    add_field(a, w, var, e->type, false);
    w->buf = e->statbuf ? w->seeds[0] : NULL;
    return true;
}

/* fn is a walker's callback: (path, stat buffer, type flag, ...). */
static bool callback_check(Arena *a, const Function *fn, WalkCheck *w)
{
    for (int k = 0; k < callbacks.n; k++) {
        if (strcmp(callbacks.name[k], fn->name) || fn->nparams < 3 || fn->nvars < 3)
            continue;
        *w = (WalkCheck){.func = walk_func("nftw"), .links = callbacks.links[k]};
        w->entry.kind = INS_CALL;
        w->entry.loc = fn->loc;
        w->site = (Site){fn->entry, -1, &w->entry, NULL, NULL};
        w->names[w->nnames++] = name_operand(a, fn->vars[0].key, fn->loc);
        w->seeds[w->nseeds++] = w->buf = fn->vars[1].key;
        w->seeds[w->nseeds++] = fn->vars[2].key;
        return true;
    }
    return false;
}

/* All of them: a cap would drop a walk without a word (issue 12). */
WalkCheck *walks_of(Arena *a, const Function *fn, const int *idom, int *count)
{
    WalkCheck *out = NULL, w;
    int n = 0, cap = 0;
    if (callback_check(a, fn, &w))
        ARENA_PUSH(a, out, n, cap, w);
    for (SiteIter it = site_iter_all(fn, idom); site_next(&it);)
        if (entry_check(a, fn, it.block, it.index, &w))
            ARENA_PUSH(a, out, n, cap, w);
    for (int k = 0; k < n; k++) {   /* now that out[] stays put */
        out[k].site.func = &out[k].func;
        out[k].site.path = &out[k].names[0];
        if (out[k].site.ins == &w.entry)   /* a callback's site is its own entry */
            out[k].site.ins = &out[k].entry;
    }
    *count = n;
    return out;
}

/* Is descriptor operand d dirfd(stream), directly or through a variable
 * assigned from it? */
static bool dirfd_of_stream(const Function *fn, const Operand *d, const void *ctx)
{
    const char *stream = ctx;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            bool defines = ins->dst.key && !strcmp(ins->dst.key, d->key);
            if (defines && ins->kind == INS_ASSIGN && ins->src.kind == OPND_TEMP && d->kind == OPND_LVALUE) {
                Operand t = {.kind = OPND_TEMP, .key = ins->src.key};
                if (dirfd_of_stream(fn, &t, ctx))
                    return true;
            } else if (defines && ins->kind == INS_CALL && ins->call.callee &&
                       !strcmp(ins->call.callee, "dirfd") && ins->call.nargs == 1 &&
                       ins->call.args[0].key && !strcmp(ins->call.args[0].key, stream)) {
                return true;
            }
        }
    return false;
}

/* Does fill signature sig take `key` as one of its inputs? */
static bool joined_from(const char *sig, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = sig ? strchr(sig, '|') : NULL; p; p = strchr(p + 1, '|'))
        if (!strncmp(p + 1, key, n) && (p[1 + n] == '|' || p[1 + n] == '\0'))
            return true;
    return false;
}

typedef struct Sites {
    Site *items;
    int n, cap;
} Sites;

/* Add s to the growing list, once. */
static void add_site(Arena *a, Sites *out, Site s)
{
    for (int k = 0; k < out->n; k++)
        if (out->items[k].ins == s.ins && out->items[k].func == s.func)
            return;
    ARENA_PUSH(a, out->items, out->n, out->cap, s);
}

enum { MAX_VIEWS = 8 };

/* Calls on a buffer built from the entry's name (snprintf(p, n, "%s/%s",
 * dir, ent->d_name)): the entry joined to its directory. */
static void joined_uses(Arena *a, const Function *fn, const char *key, Sites *out)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            const FileFunc *views[MAX_VIEWS];
            int nviews = site_views(ins, views, MAX_VIEWS);
            for (int v = 0; v < nviews; v++) {
                const Operand *p = site_path(ins, views[v], 0);
                if (p && p->kind == OPND_LVALUE &&
                    joined_from(names_fill_before(a, fn, b, i, p->key), key))
                    add_site(a, out, (Site){b, i, ins, views[v], p});
            }
        }
}

Site *walks_uses(Arena *a, const Function *fn, const WalkCheck *w, int *n)
{
    Sites out = {0};
    for (int k = 0; k < w->nnames; k++) {
        const char *key = w->names[k].key;
        int m;
        Site *one = flow_uses(a, fn, &w->site, key, NULL, NULL, &m);   /* after chdir() too */
        for (int i = 0; i < m; i++)
            add_site(a, &out, one[i]);
        if (!w->dir)
            continue;
        one = flow_uses(a, fn, &w->site, key, dirfd_of_stream, w->dir->key, &m);
        for (int i = 0; i < m; i++)
            add_site(a, &out, one[i]);
        joined_uses(a, fn, key, &out);
    }
    *n = out.n;
    return out.items;
}

/* Does the entry's storage (the dirent pointer or its d_name) go to a call
 * through a pointer, which may do anything to it (busybox
 * iterate_on_dir(): func(dir_name, de, private))? */
static bool entry_passed_to_pointer(const Function *fn, const WalkCheck *w)
{
    int len;
    const char *root = ir_key_root(w->names[0].key, &len);
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_CALL || ins->call.kind != CALLEE_INDIRECT)
                continue;
            for (int k = 0; k < ins->call.nargs; k++)
                for (int r = 0; r < ins->call.args[k].nreads; r++) {
                    int n;
                    const char *arg = ir_key_root(ins->call.args[k].reads[r], &n);
                    if (n == len && !strncmp(arg, root, (size_t)len))
                        return true;
                }
        }
    return false;
}

/* A call on an entry that does more than look: it changes, writes, runs
 * or removes it, or walks it in turn doing so (a recursion that only
 * lists, like grep -r or lsattr -R, does not act). */
static bool acts_on(const Site *s)
{
    Group g = s->func->group;
    if (!(s->func->roles & USE) || g == G_STAT || g == G_ACCESS || g == G_LINK ||
        g == G_RESOLVE)
        return false;
    if (g == G_OPEN && s->func->result == RES_DIR)
        return s->func->walks;
    return g != G_OPEN || !effect_read_only(s);
}

/* A call that acts on a buffer the function fills from a listing entry
 * somewhere in its body. The look-back of joined_uses() stops at a join,
 * so a fill through a macro with a test of its own (lxc's strnprintf():
 * snprintf(), then `if (ret >= size) ret = -EIO`) is found here. */
static bool acts_on_listed_buffer(const Function *fn, const int *idom)
{
    for (SiteIter it = site_iter(fn, idom); site_next(&it);) {
        const FileFunc *views[MAX_VIEWS];
        int nviews = site_views(it.ins, views, MAX_VIEWS);
        for (int v = 0; v < nviews; v++) {
            const Operand *p = site_path(it.ins, views[v], 0);
            Site s = {it.block, it.index, it.ins, views[v], p};
            if (p && p->kind == OPND_LVALUE && acts_on(&s) && listing_fills(fn, p->key))
                return true;
        }
    }
    return false;
}

bool walks_act_on_entries(Arena *a, const Function *fn, const int *idom)
{
    int nw;
    bool lists = false;
    WalkCheck *w = walks_of(a, fn, idom, &nw);
    for (int k = 0; k < nw; k++) {
        if (!w[k].dir || !w[k].nnames)
            continue;   /* an nftw() callback's own entry is no listing of fn's */
        lists = true;
        int n;
        Site *uses = walks_uses(a, fn, &w[k], &n);
        for (int i = 0; i < n; i++)
            if (acts_on(&uses[i]))
                return true;
        if (entry_passed_to_pointer(fn, &w[k]))
            return true;
    }
    return lists && acts_on_listed_buffer(fn, idom);   /* the same for every walk: once */
}
