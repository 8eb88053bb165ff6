/* name_after_open.c - CERT FIO01-C: after opening a file, the program
 * operates on it by name again (chmod, chown, stat, truncate, utimes,
 * chdir) while the descriptor is still open and in use:
 *
 *     fd = open(path, O_WRONLY | O_CREAT, 0600);
 *     chmod(path, 0644);                <- path may name another file now
 *     write(fd, ...);
 *
 * The name is looked up again, so the call may act on a different file
 * than the descriptor; the descriptor-based call is the fix (fchmod(fd)).
 * No check needs to decide the use: the descriptor makes the name
 * unnecessary. Not reported when every path closes the descriptor first,
 * when the descriptor is not read again (the failure path of open), or
 * for names no other process can replace ("/", "/proc/...": see
 * checkuse_kernel_name()). */
#include <string.h>

#include "../analysis/feasible.h"
#include "../analysis/flow.h"
#include "../analysis/handles.h"
#include "../analysis/revalidate.h"
#include "checkuse.h"
#include "fixes.h"
#include "rules.h"

/* By-name call -> its descriptor form. */
static const struct { const char *name, *fd_form; } fd_forms[] = {
    {"chmod", "fchmod"},     {"lchmod", "fchmod"},   {"fchmodat", "fchmod"},
    {"chown", "fchown"},     {"lchown", "fchown"},   {"fchownat", "fchown"},
    {"stat", "fstat"},       {"stat64", "fstat64"},  {"lstat", "fstat"},
    {"lstat64", "fstat64"},  {"fstatat", "fstat"},   {"statx", "fstat"},
    {"truncate", "ftruncate"}, {"truncate64", "ftruncate64"},
    {"utime", "futimens"},   {"utimes", "futimes"},  {"lutimes", "futimes"},
    {"utimensat", "futimens"}, {"chdir", "fchdir"},  {"setxattr", "fsetxattr"},
    {"lsetxattr", "fsetxattr"}, {NULL, NULL},
};

static const char *fd_form(const char *name)
{
    for (int i = 0; fd_forms[i].name; i++)
        if (!strcmp(fd_forms[i].name, name))
            return fd_forms[i].fd_form;
    return NULL;
}

/* mkstemp() and friends open the name they write into their argument. */
static const char *const temp_openers[] = {"mkstemp", "mkostemp", "mkstemps", "mkostemps",
                                           "mkstemp64", "mkostemp64", NULL};

/* The name an open-like call opens, or NULL; *handle_kind is its result. */
static const Operand *opened_name(const Ins *ins, const FileFunc **f, bool *is_file)
{
    *f = site_func(ins);
    if (*f && ((*f)->roles & OPEN) && (*f)->result != RES_STATUS) {
        *is_file = (*f)->result == RES_FILE;
        return site_path(ins, *f, 0);
    }
    *f = NULL;
    if (ins->kind != INS_CALL || ins->call.kind != CALLEE_EXTERNAL || !ins->call.callee ||
        ins->call.nargs < 1)
        return NULL;
    for (int i = 0; temp_openers[i]; i++)
        if (!strcmp(ins->call.callee, temp_openers[i]) &&
            ins->call.args[0].kind == OPND_LVALUE) {
            *is_file = false;
            return &ins->call.args[0];
        }
    return NULL;
}

/* The edit that makes the call use the descriptor: "chmod(path" ->
 * "fchmod(fd" (the other arguments stay), when the descriptor is a
 * variable and the call is written out (not from a macro) on one line. */
static void attach_fix(Findings *out, Finding *f, const Ins *use, const char *form,
                       const char *handle)
{
    const Operand *name = fix_call_arg(use, 0);
    if (name && name->end.line == use->loc.line)
        fix_replace(out, f, use->loc, name->end, arena_printf(out->arena, "%s(%s", form, handle));
}

static void report(const RuleInput *in, Findings *out, const Site *open_site, const Site *use,
                   const NameSet *h, bool is_file)
{
    const char *var = handles_variable(h);
    const char *form = fd_form(use->func->name);
    const char *name = site_display_name(out->arena, use->path);
    const char *opener = open_site->func ? open_site->func->name : open_site->ins->call.callee;
    const char *opened = arena_printf(out->arena, "'%s' opened here by %s()", name, opener);
    Finding *seen = findings_at(out, in->rule, use->ins->loc);
    if (seen) {   /* opened on two paths (mkstemp, then fopen again): one finding */
        finding_note_as(out, seen, open_site->ins->loc, ROLE_OPEN, opened);
        return;
    }
    const char *handle = !var ? "the descriptor"
                         : is_file ? arena_printf(out->arena, "fileno(%s)", var)
                                   : arena_printf(out->arena, "'%s'", var);
    const char *msg = arena_printf(out->arena,
        "%s() of '%s' while it is open: the name may now refer to another file; use %s() on "
        "%s instead",
        use->func->name, name, form, handle);
    Finding *f = finding_add(out, in->rule, in->fn, use->ins->loc, msg);
    if (var)
        attach_fix(out, f, use->ins, form,
                   is_file ? arena_printf(out->arena, "fileno(%s)", var) : var);
    finding_note_as(out, f, open_site->ins->loc, ROLE_OPEN, opened);
}

/* lstat(name, &b) compared with fstat(fd, &a) (st_dev, st_ino), in any
 * order: the program asks whether the name still is the open file, which
 * is the by-name call's purpose (CERT POS35-C's comparison). */
static bool compared_with_descriptor(const RuleInput *in, const Site *open_site, const Site *use)
{
    const char *buf = use->func->group == G_STAT ? site_out_buffer(use) : NULL;
    return buf && revalidated(in->scratch, in->fn, open_site, buf);
}

static void check_open(const RuleInput *in, Findings *out, const Site *open_site, bool is_file)
{
    /* "/" and the kernel's names are nobody else's to replace; only the
     * program itself changes what "/" means (switch_root: mount MS_MOVE
     * onto "/", chroot("."), then chdir("/") into the new root) */
    if (checkuse_kernel_name(in, open_site->block, open_site->index, open_site->path->key))
        return;
    NameSet h = handles_of(in->scratch, in->fn, open_site);
    if (!h.n)
        return;
    int n;
    Site *uses = flow_uses(in->scratch, in->fn, open_site, open_site->path->key, NULL, NULL,
                               &n);
    Feasibility *feasible = feasible_begin(in->scratch, in->fn, in->cdep, open_site);
    for (int i = 0; i < n; i++) {
        if (!fd_form(uses[i].func->name) || uses[i].path != site_path(uses[i].ins, uses[i].func, 0))
            continue;
        if (handles_failed_at(in->fn, in->dom, &h, uses[i].block))
            continue;   /* if (fd < 0) chmod(name, ...): nothing is open there */
        if (compared_with_descriptor(in, open_site, &uses[i]))
            continue;
        /* the open's branch set a flag the use's branch rules out (screen's
         * OpenDevice(): *typep = PLAIN after OpenTTY(arg); the chown() of
         * *namep runs only where *typep == PTY) */
        if (feasible_pair_infeasible(feasible, &uses[i]))
            continue;
        if (handles_open_at(in->scratch, in->fn, open_site, &h, uses[i].block, uses[i].index))
            report(in, out, open_site, &uses[i], &h, is_file);
    }
    feasible_end(feasible);
}

/* Does the function call anything by name that has a descriptor form?
 * Without one no open can have a use here (and the searches from each
 * open would cost the function's size per open for nothing). */
static bool calls_by_name(const Function *fn)
{
    enum { MAX_VIEWS = 8 };
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const FileFunc *views[MAX_VIEWS];
            int n = site_views(&fn->blocks[b]->ins[i], views, MAX_VIEWS);
            for (int v = 0; v < n; v++)
                if (fd_form(views[v]->name))
                    return true;
        }
    return false;
}

void rule_name_after_open(const RuleInput *in, Findings *out)
{
    if (!calls_by_name(in->fn))
        return;
    for (SiteIter it = site_iter_all(in->fn, in->dom->idom); site_next(&it);) {
        const FileFunc *f;
        bool is_file;
        const Operand *name = opened_name(it.ins, &f, &is_file);
        if (!name || (name->kind != OPND_LVALUE && name->kind != OPND_STRING))
            continue;
        Site open_site = {it.block, it.index, it.ins, f, name};
        check_open(in, out, &open_site, is_file);
    }
}
