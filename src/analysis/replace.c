/* replace.c - a name replaced by the program's own file; see replace.h. */
#include "replace.h"

#include <string.h>

#include "creation.h"
#include "effects.h"
#include "flow.h"

static bool is_maker(const char *callee)
{
    static const char *const makers[] = {"mkstemp", "mkostemp", "mkstemps", "mkostemps",
                                         "mkstemp64", NULL};
    for (int k = 0; makers[k]; k++)
        if (!strcmp(callee, makers[k]))
            return true;
    return false;
}

/* Does the call at (b, i) come before `before` on every path to it (before
 * it in its block, or in a block that dominates it)? */
static bool always_before(const DomTree *dom, int b, int i, const Site *before)
{
    return b == before->block ? i < before->index : dom_dominates(dom, b, before->block);
}

bool replace_made(const Function *fn, const DomTree *dom, const char *key, const Site *before,
                  bool exclusively)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_CALL || !ins->call.callee || !ins->call.nargs)
                continue;
            const FileFunc *f = site_libc_func(ins);
            const Operand *p0 = f ? site_path(ins, f, 0) : &ins->call.args[0];
            if (!p0 || !p0->key || strcmp(p0->key, key))
                continue;
            if (before && !always_before(dom, b, i, before))
                continue;
            if (is_maker(ins->call.callee))
                return true;
            Creation c = f ? creation_of(ins, f) : CREATE_NO;
            if (f && (c == CREATE_EXCL || (!exclusively && c == CREATE_YES) ||
                      (f->roles & NEWNAME)))
                return true;
        }
    return false;
}

bool replace_mounted(const Function *fn, const DomTree *dom, const char *key, const Site *before)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_CALL || !always_before(dom, b, i, before))
                continue;
            const FileFunc *views[8];
            int n = site_views(ins, views, 8);
            for (int v = 0; v < n; v++) {
                const char *does = views[v]->inner_name ? views[v]->inner_name : views[v]->name;
                const Operand *on = site_path(ins, views[v], 0);
                if (!strcmp(does, "mount") && on && on->key && !strcmp(on->key, key))
                    return true;
            }
        }
    return false;
}

/* Does the view f of the call at (b, i) make or write the file named
 * `key`: an open that creates or writes it (a helper's too: save(tmp)
 * with fopen(tmp, "w") inside), or a creation of the name (mkdir,
 * symlink(target, key), link(old, key))? */
static bool view_writes(const Ins *ins, int b, int i, const FileFunc *f, const char *key)
{
    for (int which = 0; which < 2; which++) {
        const Operand *p = site_path(ins, f, which);
        if (!p || !p->key || strcmp(p->key, key))
            continue;
        if (f->roles & (which == 0 ? NEWNAME : NEWNAME2))
            return true;
        Site s = {b, i, ins, f, p};
        Creation c = creation_of(ins, f);
        if (which == 0 && f->group == G_OPEN &&
            (c == CREATE_YES || c == CREATE_EXCL || !effect_read_only(&s)))
            return true;
    }
    return false;
}

/* Does a call hand `key`'s address to a callee that may store a name
 * there (mnt_open_uniq_filename(filename, &tmp) makes the temporary and
 * says its name)? */
static bool named_through_address(const Ins *ins, const char *key)
{
    for (int k = 0; k < ins->call.nargs; k++) {
        const Operand *o = &ins->call.args[k];
        if (o->kind == OPND_ADDR && o->key && !strcmp(o->key, key) && !o->to_const)
            return true;
    }
    return false;
}

/* Does fn make, write or name through its address the file `key`,
 * anywhere but at `except`; or copy such a name into key (opened = tmp,
 * libblkid's save.c), up to `depth` copies away? */
static bool produced_here(const Function *fn, const DomTree *dom, const char *key,
                          const Ins *except, int depth)
{
    if (replace_made(fn, dom, key, NULL, true))
        return true;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins == except || dom->idom[b] < 0)
                continue;
            if (ins->kind == INS_ASSIGN) {
                if (depth > 0 && ins->dst.key && !strcmp(ins->dst.key, key) &&
                    ins->src.kind == OPND_LVALUE && strcmp(ins->src.key, key) &&
                    produced_here(fn, dom, ins->src.key, except, depth - 1))
                    return true;
                continue;
            }
            if (named_through_address(ins, key))
                return true;
            const FileFunc *views[8];
            int n = site_views(ins, views, 8);
            for (int v = 0; v < n; v++)
                if (view_writes(ins, b, i, views[v], key))
                    return true;
        }
    return false;
}

int replace_source_argument(const Site *use)
{
    const FileFunc *f = use->func;
    if (f->replaced_by)
        return f->replaced_by - 1;
    if (f->inner_name || strncmp(f->name, "rename", 6) || f->path2 < 0 ||
        use->path != site_path(use->ins, f, 1))
        return -1;
    return f->path;
}

bool replace_is_atomic(Arena *a, const Function *fn, const DomTree *dom, const Site *use)
{
    (void)a;
    if (use->func->replaces)
        return true;
    int k = replace_source_argument(use);
    if (k < 0 || k >= use->ins->call.nargs)
        return false;
    const Operand *src = &use->ins->call.args[k];
    return src->kind == OPND_LVALUE && src->key && use->path->key &&
           strcmp(src->key, use->path->key) && produced_here(fn, dom, src->key, use->ins, 2);
}

bool replace_onto_itself(const Site *use, const char *checked)
{
    const FileFunc *f = use->func;
    if (f->inner_name || strncmp(f->name, "rename", 6) || use->path != site_path(use->ins, f, 0))
        return false;
    const Operand *to = site_path(use->ins, f, 1);
    return to && to->key && checked && (!strcmp(to->key, checked) || !strcmp(to->key, use->path->key));
}

bool replace_backup_link(Arena *a, const Function *fn, const DomTree *dom, const Site *use)
{
    const FileFunc *f = use->func;
    if (f->inner_name || strncmp(f->name, "link", 4) || !use->path->key ||
        use->path != site_path(use->ins, f, 0))
        return false;
    int n;
    Site *later = flow_uses(a, fn, use, use->path->key, NULL, NULL, &n);
    for (int i = 0; i < n; i++)
        if (replace_is_atomic(a, fn, dom, &later[i]))
            return true;
    return false;
}
