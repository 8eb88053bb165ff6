/* summarize.c - computing a function's summary (summary.h) from its IR.
 *
 * For each pointer parameter, the names it holds are followed from the
 * function's entry (flow_uses, as for a check): every catalogued or
 * summarised call on them is an effect of the function on that parameter.
 *  - a check whose outcome the function returns (the return value derives
 *    from it, or a return statement runs only for some outcomes) makes the
 *    function a check of the parameter; one that ends the program for some
 *    outcomes (exit, abort, err) makes it a guard: its caller goes on only
 *    if the check passed;
 *  - a creation (mkstemp, mkdir) makes it a creation of the parameter
 *    (name-after-create follows the name in the caller);
 *  - a use (open, chmod, unlink...) makes it a use of the parameter, with
 *    the flags or mode the inner call gets: fixed, or taken from another
 *    parameter; if the descriptor the use opens is returned, the function
 *    opens its parameter. */
#include <fcntl.h>
#include <string.h>

#include "creation.h"
#include "derive.h"
#include "effects.h"
#include "flow.h"
#include "handles.h"
#include "names.h"
#include "replace.h"
#include "revalidate.h"
#include "rights.h"
#include "risk_facts.h"
#include "selector.h"
#include "summarize.h"
#include "../util/keymap.h"
#include "walks.h"
#include "work_after.h"

/* Index of the parameter whose key is `key`, or -1. */
static int param_index(const Function *fn, const char *key)
{
    for (int i = 0; i < fn->nparams && i < fn->nvars; i++)
        if (!strcmp(fn->vars[i].key, key))
            return i;
    return -1;
}

/* Is there an effect of `kind` on param (or, param -1, on global `global`)
 * that happens at every call? The first one found stands for the function;
 * before it, effects that happen only for some values of a selecting
 * argument are each kept, so that a call passing a constant finds the one
 * it runs (selector.h). */
static bool has_effect(const Summary *s, EffectKind kind, int param, const Operand *global)
{
    int selected = 0;
    for (int i = 0; i < s->n; i++) {
        const FileFunc *f = &s->effects[i].as;
        if (s->effects[i].kind == kind && f->path == param && !f->global == !global &&
            (!global || !strcmp(f->global->key, global->key)) &&
            (!f->when_arg || ++selected == WHEN_MAX))
            return true;
    }
    return false;
}

/* The wrapper's view of an effect: the inner call's semantics, on param. */
static FileFunc wrapper_view(const Function *fn, const Site *inner, int param, int role)
{
    const FileFunc *f = inner->func;
    FileFunc as = {
        .name = fn->name, .group = f->group, .roles = role, .path = param, .path2 = -1,
        .dirfd = -1, .dirfd2 = -1, .flags = -1, .flagkind = f->flagkind, .out = -1,
        .result = RES_STATUS, .fix = f->fix,
        .inner_name = f->inner_name ? f->inner_name : f->name,
        .inner_file = f->inner_file ? f->inner_file : inner->ins->loc.file,
        .inner_line = f->inner_file ? f->inner_line : inner->ins->loc.line,
        .inner_col = f->inner_file ? f->inner_col : inner->ins->loc.col,
        .dropped_by = f->dropped_by, .drop_file = f->drop_file,
        .drop_line = f->drop_line, .drop_col = f->drop_col,
    };
    return as;
}

/* Where the inner use's flags come from: fixed, or a parameter, with the
 * bits always OR'ed in (open(p, flags | O_NOFOLLOW) refuses links at every
 * call; O_EXCL from the caller through `flags | O_CLOEXEC` is O_EXCL). */
static void map_flags(const Function *fn, const Site *inner, FileFunc *as)
{
    const FileFunc *f = inner->func;
    as->flags_set = f->flags_set;
    if (f->has_fixed_flags || f->fixed_mode) {
        as->has_fixed_flags = f->has_fixed_flags;
        as->fixed_flags = f->fixed_flags;
        as->fixed_mode = f->fixed_mode;
        return;
    }
    if (!f->inner_name && (!strcmp(f->name, "creat") || !strcmp(f->name, "creat64"))) {
        as->has_fixed_flags = true;
        as->fixed_flags = O_CREAT | O_WRONLY | O_TRUNC;
        as->flagkind = F_OPEN;
        return;
    }
    if (f->flags < 0 || f->flags >= inner->ins->call.nargs)
        return;
    const Operand *o = &inner->ins->call.args[f->flags];
    if (o->has_ival && f->flagkind != F_FOPEN) {
        as->has_fixed_flags = true;
        as->fixed_flags = o->ival | f->flags_set;
    } else if (o->kind == OPND_STRING && f->flagkind == F_FOPEN) {
        as->fixed_mode = o->key;
    } else if (o->kind == OPND_LVALUE) {
        as->flags = param_index(fn, o->key);
    } else if (o->kind == OPND_EXPR && f->flagkind != F_FOPEN) {
        as->flags_set |= o->bits_set;
        as->flags = o->bits_var ? param_index(fn, o->bits_var) : -1;
    }
}

/* Does a return statement return the handle the call opened? */
static bool returns_handle(Arena *a, const Function *fn, const Site *inner)
{
    NameSet h = handles_of(a, fn, inner);
    for (int b = 0; b < fn->nblocks && h.n; b++) {
        const Block *blk = fn->blocks[b];
        if (blk->term != TERM_RETURN)
            continue;
        for (int k = 0; k < h.n; k++)
            if (ir_operand_reads(&blk->cond, h.keys[k]))
                return true;
    }
    return false;
}

/* Does the function return something decided by the given seeds of the
 * check at `inner` (its value, or by which return statement runs)? */
static bool returns_from(const SummaryInput *in, const Site *inner, const char **seeds, int n)
{
    Guards *guards = flow_guards(in->scratch, in->fn, inner, seeds, n, true);
    if (guards->returns_derived)
        return true;
    const BlockSet *d = flow_decided(in->scratch, in->fn, in->dom, in->cdep, guards);
    for (int k = 0; k < d->n; k++)
        if (in->fn->blocks[d->blocks[k]]->term == TERM_RETURN)
            return true;
    return false;
}

/* Does the function return the outcome of the check at `inner`? */
static bool returns_outcome(const SummaryInput *in, const Site *inner)
{
    const char *seeds[3];
    int n = 0;
    if (inner->ins->dst.key)
        seeds[n++] = inner->ins->dst.key;
    seeds[n++] = "errno";
    if (site_out_buffer(inner))
        seeds[n++] = site_out_buffer(inner);
    return returns_from(in, inner, seeds, n);
}

/* The pointer parameter, other than `param`, through which the function
 * hands the check's outcome to its caller (*ok = access(p, W_OK) == 0, or
 * *ok = 1 in a branch over it), or -1. Values derived from the result are
 * followed through plain assignments, in any order (derive.h). */
static int outcome_param(const SummaryInput *in, DeriveIndex *dx, const Site *inner, int param)
{
    const char *result = inner->ins->dst.key;
    const char *seeds[3];
    int n = 0;
    if (result)
        seeds[n++] = result;
    seeds[n++] = "errno";
    if (site_out_buffer(inner))
        seeds[n++] = site_out_buffer(inner);
    Guards *guards = flow_guards(in->scratch, in->fn, inner, seeds, n, true);
    const Function *fn = in->fn;
    const BlockSet *decided = flow_decided(in->scratch, fn, in->dom, in->cdep, guards);
    int nstores;
    const ParamStore *stores = derive_param_stores(dx, &nstores);
    for (int k = 0; k < nstores; k++) {
        const ParamStore *st = &stores[k];
        const Ins *ins = &fn->blocks[st->block]->ins[st->index];
        if (st->param != param &&
            (flow_decided_has(decided, st->block) || derive_reads(dx, &ins->src, seeds, n)))
            return st->param;
    }
    return -1;
}

/* Is block b decided directly by a branch over the check's outcome (not
 * by a later test nested inside one, like `if (!fp) exit(1)` after an
 * fopen() that only runs when stat() said the name was absent)? */
static bool decided_directly(const SummaryInput *in, const Guards *guards, int b)
{
    for (int i = 0; i < in->cdep->n[b]; i++)
        if (flow_is_guard(guards, in->cdep->on[b][i]))
            return true;
    return false;
}

/* Does the function end the program (exit(), abort(), err()) for some
 * outcomes of the check at `inner` and return only for the others? Then
 * it is a guard: its caller goes on only if the check passed. */
static bool exits_on_outcome(const SummaryInput *in, const Site *inner)
{
    const char *seeds[3];
    int n = 0;
    if (inner->ins->dst.key)
        seeds[n++] = inner->ins->dst.key;
    seeds[n++] = "errno";
    if (site_out_buffer(inner))
        seeds[n++] = site_out_buffer(inner);
    Guards *guards = flow_guards(in->scratch, in->fn, inner, seeds, n, true);
    for (int b = 0; b < in->fn->nblocks; b++)
        if (in->fn->blocks[b]->term == TERM_NORETURN && in->dom->idom[b] >= 0 &&
            decided_directly(in, guards, b))
            return true;
    return false;
}

/* The pointer parameter the check at `inner` fills for the caller
 * (do_stat(p, st) { return stat(p, st); }: the caller tests st), or -1. */
static int filled_param(const Function *fn, const Site *inner)
{
    const char *buf = site_out_buffer(inner);
    int out = inner->func->out;
    if (!buf || inner->ins->call.args[out].kind != OPND_LVALUE)
        return -1;   /* &local: the function's own buffer */
    int q = param_index(fn, buf);
    return q >= 0 && fn->vars[q].pointer ? q : -1;
}

/* Is all the function tells about the name whether it exists: access(F_OK)
 * inside, or a stat() whose buffer does not decide what it returns (read
 * nowhere, or only copied into an option string) and is not the caller's? */
static bool answers_existence_only(const SummaryInput *in, const Site *inner)
{
    const FileFunc *f = inner->func;
    if (f->existence_only)
        return true;
    if (f->inner_name)
        return false;
    if (f->group == G_ACCESS) {
        int mode = f->path + 1;
        const Operand *m = mode < inner->ins->call.nargs ? &inner->ins->call.args[mode] : NULL;
        return m && m->has_ival && m->ival == 0;   /* F_OK */
    }
    const char *buf = site_out_buffer(inner);
    return (buf && filled_param(in->fn, inner) < 0 &&
            effect_stat_unread(in->scratch, in->fn, inner, buf, NULL)) ||
           effect_resolved_unread(in->scratch, in->fn, inner);
}

/* The successor of a branch `key == 0` / `key != 0` taken when key is
 * NULL (a bare `if (key)` is `key != 0`), or -1 for another branch. */
static int null_successor(const Block *blk)
{
    if (blk->term != TERM_BRANCH || blk->nsucc != 2 || blk->cmp.value != 0)
        return -1;
    return blk->cmp.op == CMP_EQ ? blk->succ[0] : blk->cmp.op == CMP_NE ? blk->succ[1] : -1;
}

/* Does block x, control dependent on branch `on`, run when `on` takes
 * its edge to succ (x is succ or post-dominates it)? */
static bool runs_on_edge(const DomTree *post, int succ, int x)
{
    return succ == x || (post->idom[succ] >= 0 && dom_dominates(post, x, succ));
}

/* The successor of a test of a descriptor taken when it is negative (no
 * descriptor: fd < 0, fd == -1, fd >= 0's false edge...), or -1. */
static int no_descriptor_successor(const Block *blk)
{
    const Compare *c = &blk->cmp;
    if (blk->term != TERM_BRANCH || blk->nsucc != 2)
        return -1;
    if ((c->op == CMP_LT && c->value == 0) || (c->op == CMP_EQ && c->value == -1) ||
        (c->op == CMP_LE && c->value == -1))
        return blk->succ[0];
    if ((c->op == CMP_GE && c->value == 0) || (c->op == CMP_NE && c->value == -1) ||
        (c->op == CMP_GT && c->value == -1))
        return blk->succ[1];
    return -1;
}

/* An integer parameter whose negative value sends block b to the by-name
 * side: rsync's copy_xattrs(src, fd, name, dest_fd) calls
 * `dest_fd >= 0 ? fsetxattr(dest_fd, ...) : lsetxattr(name, ...)`. The
 * effect on name is the function's only at calls that pass no descriptor:
 * 1 + that parameter's index, or 0. */
static int by_name_without(const SummaryInput *in, const DomTree *post, int param, int b)
{
    const Function *fn = in->fn;
    for (int i = 0; i < in->cdep->n[b]; i++) {
        const Block *blk = fn->blocks[in->cdep->on[b][i]];
        int j = blk->cmp.key ? param_index(fn, blk->cmp.key) : -1;
        int side = no_descriptor_successor(blk);
        if (j >= 0 && j != param && !fn->vars[j].pointer && side >= 0 &&
            runs_on_edge(post, side, b))
            return j + 1;
    }
    return 0;
}

/* Does block b run only when another pointer parameter is NULL (the
 * wrapper acts by name only without its context: util-linux's
 * ul_path_access(pc, ...) falls back to access() when pc is NULL)? Callers
 * pass the context, so such an effect is not the function's. An effect on
 * the side where the parameter is not NULL (after `assert(src)` or `if
 * (!src) return`) is the function's. */
typedef struct Climb {
    int *seen, *work;           /* blocks seen, by stamp; the work list */
    int stamp;
} Climb;

/* The arrays are the function's size: allocated once per parameter and
 * stamped per site (per site they made memory grow with sites x blocks,
 * 87 MB for a switch of 4,000 cases). */
static bool only_without_other_param(const SummaryInput *in, const DomTree *post, int param,
                                     int b, Climb *c)
{
    const Function *fn = in->fn;
    if (!c->seen) {
        c->seen = ARENA_ARRAY(in->scratch, int, fn->nblocks);
        c->work = ARENA_ARRAY(in->scratch, int, fn->nblocks);
    }
    int stamp = ++c->stamp, *seen = c->seen, *work = c->work, n = 0;
    work[n++] = b;
    seen[b] = stamp;
    while (n) {
        int x = work[--n];
        for (int i = 0; i < in->cdep->n[x]; i++) {
            int on = in->cdep->on[x][i];
            const Block *blk = fn->blocks[on];
            int j = blk->cmp.key ? param_index(fn, blk->cmp.key) : -1;
            int null_side = null_successor(blk);
            if (j >= 0 && j != param && fn->vars[j].pointer && null_side >= 0 &&
                runs_on_edge(post, null_side, x))
                return true;
            if (seen[on] != stamp) {
                seen[on] = stamp;
                work[n++] = on;
            }
        }
    }
    return false;
}

/* Does the site create its name anew (mkdir, mkfifo, the target of
 * link)? */
static bool site_creates(const Site *site)
{
    int which = site->path == site_path(site->ins, site->func, 0) ? 0 : 1;
    return site->func->roles & (which == 0 ? NEWNAME : NEWNAME2);
}

/* Does the site make the file at its name: a creation (site_creates), an
 * open that creates (creat(), O_CREAT, fopen "w"), or a program function
 * that does one of these on that argument, however deep (libfuse's
 * create_testfile() -> create_path_fd() -> create_file() -> creat())? */
enum { MAX_MADE_VIEWS = 8 };

static bool site_makes(const Site *site)
{
    Creation c = creation_of(site->ins, site->func);
    if (site_creates(site) || c == CREATE_YES || c == CREATE_EXCL)
        return true;
    const FileFunc *views[MAX_MADE_VIEWS];
    int n = site_views(site->ins, views, MAX_MADE_VIEWS);
    for (int v = 0; v < n; v++)
        if ((views[v]->roles & NEWNAME) && !views[v]->global &&
            site_path(site->ins, views[v], 0) == site->path)
            return true;
    return false;
}

/* Does a creation of the parameter run before the use on every path
 * (mkdir(p), then open(p, O_DIRECTORY|O_NOFOLLOW) to fchown it)? The
 * creation fails if anything is there: after it the name is the
 * function's own new file, and a caller's check decides nothing about
 * the use (what happens after the creation is judged inside). */
static bool after_own_creation(const SummaryInput *in, const Site *sites, int n, const Site *use)
{
    for (int i = 0; i < n; i++) {
        const Site *c = &sites[i];
        if (c == use || !site_creates(c))
            continue;
        if (c->block == use->block ? c->index < use->index
                                   : dom_dominates(in->dom, c->block, use->block))
            return true;
    }
    return false;
}

/* Does the function verify what the open at `use` opened: a stat() or
 * lstat() of the same name whose buffer it compares with an fstat() of
 * the returned descriptor (postfix's safe_open(): lstat, open, fstat,
 * st_dev/st_ino compared, in either order)? CERT POS35-C inside the
 * helper: for its callers it is a safe open, not an open by name. */
static bool verifies_open(const SummaryInput *in, const Site *sites, int n, const Site *use)
{
    if (use->func->group != G_OPEN || !returns_handle(in->scratch, in->fn, use))
        return false;
    for (int i = 0; i < n; i++) {
        const Site *c = &sites[i];
        const char *buf = c != use && c->func->group == G_STAT ? site_out_buffer(c) : NULL;
            if (buf && revalidated(in->scratch, in->fn, use, buf))
            return true;
    }
    return false;
}

/* Is `name` the buffer `buf`, or a pointer set to it (path = buf)? */
static bool holds_buffer(const Function *fn, const char *buf, const char *name)
{
    if (!strcmp(buf, name))
        return true;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind == INS_ASSIGN && ins->dst.key && !strcmp(ins->dst.key, name) &&
                ins->src.key && !strcmp(ins->src.key, buf))
                return true;
        }
    return false;
}

/* Does a fill call (snprintf, strcpy, asprintf...) write a buffer that
 * reads both parameters `param` and `other`, and that the inner call's
 * name is (path = buf, or buf itself)? */
static bool built_from(const Function *fn, const Site *inner, int param, int other)
{
    const char *name = inner->path->key;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (!names_is_fill(ins) || !ins->call.args[0].key)
                continue;
            bool reads_param = false, reads_other = false;
            for (int k = 1; k < ins->call.nargs; k++) {
                reads_param |= ir_operand_reads(&ins->call.args[k], fn->vars[param].key);
                reads_other |= ir_operand_reads(&ins->call.args[k], fn->vars[other].key);
            }
            if (reads_param && reads_other &&
                holds_buffer(fn, ins->call.args[0].key, name))
                return true;
        }
    return false;
}

/* 1 + another parameter that makes up the inner call's name with param
 * (snprintf(buf, n, "%s/%s", root, sub); stat(buf): the name is root/sub,
 * and check_perms(root, NULL) and check_perms(root, "data") name two
 * files), or 0. Through a summarised call, its own part if a parameter is
 * passed there. */
static int name_part_of(const Function *fn, const Site *inner, int param)
{
    const FileFunc *f = inner->func;
    if (f->name_part && f->name_part <= inner->ins->call.nargs) {
        const Operand *o = &inner->ins->call.args[f->name_part - 1];
        int q = o->kind == OPND_LVALUE ? param_index(fn, o->key) : -1;
        return q >= 0 ? q + 1 : 0;
    }
    for (int q = 0; q < fn->nparams && q < fn->nvars; q++)
        if (q != param && fn->vars[q].pointer && built_from(fn, inner, param, q))
            return q + 1;
    return 0;
}

/* rename(tmp, p) on the parameter p: the wrapper replaces p by its own
 * temporary (replace.h), or by the file another parameter names
 * (xrename(from, to)); either way it never follows a link at p. */
static void map_replacement(const SummaryInput *in, const Site *site, FileFunc *as)
{
    if (replace_is_atomic(in->scratch, in->fn, in->dom, site)) {
        as->replaces = true;
        return;
    }
    int k = replace_source_argument(site);
    const Operand *src = k >= 0 && k < site->ins->call.nargs ? &site->ins->call.args[k] : NULL;
    int q = src && src->kind == OPND_LVALUE ? param_index(in->fn, src->key) : -1;
    as->replaced_by = q >= 0 ? q + 1 : 0;
}

static void add_effect(Arena *a, Summary *s, EffectKind kind, FileFunc as)
{
    Effect e = {kind, as};
    ARENA_PUSH(a, s->effects, s->n, s->cap, e);
}

/* Is the site an open whose descriptor (or stream) the function works
 * through (reads, writes, hands on): the file's content is the work, not
 * a look at the file? (One it returns is its caller's to judge.) */
static bool opens_for_work(const SummaryInput *in, const Site *site)
{
    if (site->func->group != G_OPEN || !(site->func->roles & USE))
        return false;
    NameSet h = handles_of(in->scratch, in->fn, site);
    return handles_worked_through(in->fn, &h);
}

/* Is the site a readlink() whose target the function makes a link with
 * (copy_file(): symlink(target, dest) copies the link)? It reads the link
 * for the work, as an open whose descriptor is read does: no check. */
static bool copies_link_target(const SummaryInput *in, DeriveIndex *dx, const Site *site)
{
    if (site->func->group != G_LINK)
        return false;
    const char *seeds[2];
    int n = 0;
    if (site->ins->dst.key)
        seeds[n++] = site->ins->dst.key;
    if (site_out_buffer(site))
        seeds[n++] = site_out_buffer(site);
    for (int b = 0; b < in->fn->nblocks && n; b++)
        for (int i = 0; i < in->fn->blocks[b]->nins; i++) {
            const Ins *ins = &in->fn->blocks[b]->ins[i];
            const FileFunc *f = ins->kind == INS_CALL ? site_func(ins) : NULL;
            if (!f || !(f->roles & (NEWNAME | NEWNAME2)))
                continue;
            for (int k = 0; k < ins->call.nargs; k++)
                if (k != f->path && k != f->path2 && derive_reads(dx, &ins->call.args[k], seeds, n))
                    return true;
        }
    return false;
}

/* Is the site link(old, new) on either of its names: the file stays at
 * the old name and gets the new one, both the helper's work? */
static bool links_from(const Site *site)
{
    const FileFunc *f = site->func;
    const char *n = f->inner_name ? f->inner_name : f->name;
    return f->group == G_NAMESPACE && f->path2 >= 0 && !strncmp(n, "link", 4);
}

/* Per site of the name: does it work on the name itself: change, remove,
 * link, run or enter it, or open it for its content (busybox
 * copy_file(): lstat() the source, then copy it; procmail's dirfile():
 * stat() for the inode number of the new name, then link the file there)?
 * And per site, is it an open whose handle the function works through?
 * Made once per name: every check of the name asks about every site. */
static bool *work_sites(const SummaryInput *in, const Site *sites, int n, bool **opens_work)
{
    bool *work = ARENA_ARRAY(in->scratch, bool, n + 1);
    *opens_work = ARENA_ARRAY(in->scratch, bool, n + 1);
    for (int i = 0; i < n; i++) {
        const Site *use = &sites[i];
        Group g = use->func->group;
        (*opens_work)[i] = opens_for_work(in, use);
        work[i] = (g == G_MODIFY || g == G_NAMESPACE || g == G_ENTER || g == G_EXEC ||
                   (g == G_OPEN && (*opens_work)[i])) &&
                  (use->func->roles & USE) && !site_creates(use);
    }
    return work;
}

/* The effects on what parameter `param` names, or (param -1) global
 * `global`, followed from the function's entry. */
/* A use after the function gave its rights up runs with them given up
 * at every call: its caller's check and this use ask with different ids
 * only in the caller's mind. */
static void mark_dropped(const RightsFlow *rights, const Site *site, FileFunc *as)
{
    const Ins *drop = rights_dropped_before(rights, site->block, site->index);
    if (!drop)
        return;
    as->dropped_by = drop->call.callee;
    as->drop_file = drop->loc.file;
    as->drop_line = drop->loc.line;
    as->drop_col = drop->loc.col;
}

static void summarize_name(const SummaryInput *in, const DomTree *post, const RightsFlow *rights,
                           DeriveIndex *dx, Summary *s, int param, const Operand *global)
{
    const Function *fn = in->fn;
    Ins none = {0};
    Site entry = {fn->entry, -1, &none, NULL, NULL};
    int n;
    const char *key = global ? global->key : fn->vars[param].key;
    Site *sites = flow_uses(in->scratch, fn, &entry, key, NULL, NULL, &n);
    bool *opens_work, *work = work_sites(in, sites, n, &opens_work);
    WorkAfter *after = NULL;
    bool opens = false;
    for (int i = 0; i < n && !opens; i++)
        opens = (sites[i].func->roles & OPEN) && returns_handle(in->scratch, fn, &sites[i]);
    Climb climb = {0};
    bool worked = false;
    for (int i = 0; i < n; i++) {
        const Site *site = &sites[i];
        const FileFunc *f = site->func;
        if (only_without_other_param(in, post, param, site->block, &climb))
            continue;
        /* rename(), link(), symlink() act: a helper that moves or links
         * its argument (rsync's robust_unlink(), hard_link_check()) does
         * the work and is no check of it. A helper that returns the
         * handle it opened is an open, whatever it tested on the way
         * (rsync's fd2 = open_readonly_inplace(tmp): stat, chmod, open):
         * like open() itself, a probe only if the handle is not used for
         * the work. Nor is an open whose descriptor the function reads or
         * writes (read_pid(): the pid in the file is the work), nor what
         * it tests after one, nor a readlink() whose target it copies
         * (copy_file()). */
        /* the first open that works through its handle ends the search:
         * the helper reads or writes the file for its work, and what it
         * tests afterwards is its own business (cups'
         * cupsdReadConfiguration(): read cupsd.conf, then lstat() it); so
         * does a link of the file to a new name: what the helper lstat()s
         * after link(old, new) verifies its own work (procmail's rlink(),
         * mailfold.c:273 -> 324). Not a removal: what the helper tests
         * after unlink(p) is whether the name is free, for its caller. */
        worked = worked || opens_work[i] || links_from(site);
        if ((f->roles & CHECK) && !after)
            after = work_after(in->scratch, fn, sites, work, n);
        bool acts = f->group == G_NAMESPACE || (opens && !(f->roles & OPEN)) || worked ||
                    copies_link_target(in, dx, site) ||
                    ((f->roles & CHECK) && work_after_check(after, i));
        if ((f->roles & CHECK) && !acts && !has_effect(s, EFFECT_CHECK, param, global)) {
            bool exits = exits_on_outcome(in, site);
            int out = outcome_param(in, dx, site, param);
            if (exits || out >= 0 || returns_outcome(in, site)) {
                FileFunc as = wrapper_view(fn, site, param, CHECK);
                as.existence_only = answers_existence_only(in, site);
                as.up_to_date = effect_compares_target(fn, site);
                as.guard = exits;
                as.name_part = global ? 0 : name_part_of(fn, site, param);
                as.out = out >= 0 ? out : filled_param(fn, site);
                as.global = global;
                selector_of_block(in->scratch, fn, param, site->block, &as);
                add_effect(in->arena, s, EFFECT_CHECK, as);
            }
        }
        if (site_makes(site) && !has_effect(s, EFFECT_CREATE, param, global)) {
            FileFunc as = wrapper_view(fn, site, param, NEWNAME);
            as.group = G_CREATE;
            as.global = global;
            add_effect(in->arena, s, EFFECT_CREATE, as);
        }
        if ((f->roles & USE) && !site_creates(site) && !has_effect(s, EFFECT_USE, param, global) &&
            !after_own_creation(in, sites, n, site) && !verifies_open(in, sites, n, site)) {
            FileFunc as = wrapper_view(fn, site, param, USE);
            as.global = global;
            map_flags(fn, site, &as);
            as.by_name_without = by_name_without(in, post, param, site->block);
            as.name_part = global ? 0 : name_part_of(fn, site, param);
            selector_of_block(in->scratch, fn, param, site->block, &as);
            map_replacement(in, site, &as);
            mark_dropped(rights, site, &as);
            if ((f->roles & OPEN) && returns_handle(in->scratch, fn, site)) {
                as.roles |= OPEN;
                as.result = f->result;
            } else if (f->result == RES_DIR || f->walks) {
                as.walks = f->walks || walks_act_on_entries(in->scratch, fn, in->dom->idom);
            } else if (f->group == G_OPEN) {
                NameSet h = handles_of(in->scratch, fn, site);
                as.changes_by_fd = f->changes_by_fd || handles_changed_through(fn, &h);
            }
            add_effect(in->arena, s, EFFECT_USE, as);
        }
    }
}

/* Library functions whose result depends on their arguments only, or that
 * only build, copy or release memory. */
static bool pure_libc(const char *name)
{
    static const char *const pure[] = {
        "malloc", "calloc", "realloc", "reallocarray", "free", "strlen", "strnlen", "strcpy",
        "strncpy", "strlcpy", "stpcpy", "stpncpy", "strcat", "strncat", "strlcat", "memcpy",
        "memmove", "memset", "snprintf", "sprintf", "asprintf", "strdup", "strndup", "strcmp",
        "strncmp", "strchr", "strrchr", "xmalloc", "xcalloc", "xstrdup", "xasprintf", NULL,
    };
    for (int i = 0; pure[i]; i++)
        if (!strcmp(name, pure[i]))
            return true;
    return false;
}

static bool reads_global(const KeyMap *globals, const Operand *o)
{
    for (int r = 0; r < o->nreads; r++) {
        int n;
        const char *root = ir_key_root(o->reads[r], &n);
        if (keymap_find_n(globals, root, (size_t)n) >= 0)
            return true;
    }
    return false;
}

/* Does what the function returns depend on its arguments only: it reads
 * no global (its own static buffer is its result), calls only functions
 * that build strings or memory (or program functions that are pure the
 * same way) and does no I/O? Then two calls with the same inputs return
 * the same name: join(dir, name) returning malloc'd memory, a formatter
 * filling a static buffer. Calls that end the program (on a failed
 * allocation) do not matter: when it returns, the result is the same. */
static bool result_from_arguments(Arena *a, const Function *fn)
{
    KeyMap globals = {0};   /* hashed: a function may name thousands of variables */
    for (int v = 0; v < fn->nvars; v++)
        if (fn->vars[v].kind == VAR_GLOBAL)
            keymap_intern(a, &globals, fn->vars[v].key);
    bool returns = false;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        if (blk->term == TERM_RETURN && blk->cond.kind != OPND_NONE)
            returns = true;
        if (reads_global(&globals, &blk->cond))
            return false;
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (ins->kind == INS_ASSIGN) {
                if (reads_global(&globals, &ins->src))
                    return false;
                continue;
            }
            const Call *c = &ins->call;
            const Summary *callee = c->callee ? summary_lookup(c->callee) : NULL;
            if (!c->callee || !(c->noreturn || pure_libc(c->callee) ||
                                (callee && callee->pure_result && !callee->n)))
                return false;
            for (int k = 0; k < c->nargs; k++)
                if (reads_global(&globals, &c->args[k]))
                    return false;
        }
    }
    return returns && !fn->incomplete;
}

/* Does the function fstat() one parameter into another (warn_fstat(fd,
 * st) { return fstat(fd, st); })? Then calls of it count as fstat() for
 * the verification of an open (revalidate.h). */
static void find_fstat_wrapper(const Function *fn, Summary *s)
{
    int fd, out;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_CALL || !revalidate_fstat_args(&ins->call, &fd, &out))
                continue;
            const Operand *d = &ins->call.args[fd], *o = &ins->call.args[out];
            int pd = d->kind == OPND_LVALUE ? param_index(fn, d->key) : -1;
            int po = o->kind == OPND_LVALUE ? param_index(fn, o->key) : -1;
            if (pd >= 0 && po >= 0) {
                s->fstat_fd = pd + 1;
                s->fstat_out = po + 1;
                return;
            }
        }
}

/* Does fn call a catalogued function, or one whose summary has an effect
 * at the call? summarize_name() follows a name to such calls only
 * (flow_uses() records nothing else), so without one it finds nothing. */
static bool calls_file_function(const Function *fn)
{
    const FileFunc *views[1];
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++)
            if (site_views(&fn->blocks[b]->ins[i], views, 1))
                return true;
    return false;
}

/* The checks and uses the function makes of each pointer parameter's
 * name, and of each global name it passes to a file function. */
static void summarize_names(const SummaryInput *in, const RightsFlow *rights, Summary *s)
{
    if (!calls_file_function(in->fn))
        return;     /* no name reaches a use */
    DomTree post = dom_build_post(in->scratch, in->fn);
    DeriveIndex *dx = derive_index(in->scratch, in->fn);
    for (int p = 0; p < in->fn->nparams && p < in->fn->nvars; p++)
        if (in->fn->vars[p].pointer)
            summarize_name(in, &post, rights, dx, s, p, NULL);
    /* a global name the function checks or uses is checked or used at each
     * call: check_config() tests config_path, its caller then opens it */
    for (int v = in->fn->nparams; v < in->fn->nvars; v++) {
        const Var *var = &in->fn->vars[v];
        if (var->kind == VAR_GLOBAL && var->pointer && !strchr(var->key, '\''))
            summarize_name(in, &post, rights, dx, s, -1,
                           summary_global_operand(in->arena, var->key));
    }
}

Summary summarize(const SummaryInput *in)
{
    Summary s = {.name = in->fn->name, .exported = in->fn->exported,
                 .pure_result = result_from_arguments(in->scratch, in->fn)};
    const RightsFlow *rights = rights_flow(in->scratch, in->fn);
    summarize_names(in, rights, &s);
    RightsEffect ids = rights_effect(rights);
    s.drops_rights = ids.drops;
    s.regains_rights = ids.regains;
    s.ids_param = ids.ids_param;
    s.ids_for_good = ids.for_good;
    find_fstat_wrapper(in->fn, &s);
    return s;
}
