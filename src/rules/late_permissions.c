/* late_permissions.c - CERT FIO03-C: a file opened with O_CREAT|O_TRUNC
 * (fopen "w", creat) but without O_EXCL, whose owner or mode the program
 * fixes afterwards on the descriptor:
 *
 *     fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
 *     fchown(fd, uid, gid);
 *     fchmod(fd, 0600);                 <- too late if path already existed
 *
 * The open does not tell whether it created the file. If someone else
 * made it first, they own it or hold it open already, and keep reading
 * whatever is written after the fix. The flags are often the caller's,
 * through a wrapper: the wrapper's summary maps them to the caller's
 * argument (summary.h), so they are judged at the call. */
#include <fcntl.h>
#include <string.h>

#include "../analysis/creation.h"
#include "../analysis/handles.h"
#include "checkuse.h"
#include "rules.h"

/* The mode a libc open gives a file it creates, or -1 when not known. */
static long long creation_mode(const Ins *ins, const FileFunc *f)
{
    if (f->inner_name)
        return -1;   /* a wrapper: its mode argument is its own business */
    if (f->flagkind == F_FOPEN)
        return 0666;
    int at = !strncmp(f->name, "creat", 5) ? f->path + 1 : f->flags + 1;
    if (at <= 0 || at >= ins->call.nargs || !ins->call.args[at].has_ival)
        return -1;
    return ins->call.args[at].ival;
}

/* Creates if missing, truncates if present, never fails on an existing
 * file: the program means a new file but may get an old one. */
static bool truncating_create(const Ins *ins, const FileFunc *f)
{
    if (creation_of(ins, f) != CREATE_YES)
        return false;
    long long flags;
    if (f->flagkind == F_OPEN && site_flags(ins, f, &flags))
        return flags & O_TRUNC;
    const char *mode = site_mode(ins, f);
    return (mode && strchr(mode, 'w')) || !strncmp(f->inner_name ? f->inner_name : f->name,
                                                    "creat", 5);
}

/* fchown() always; fchmod() when it takes away something the creation
 * gave (the program tightens access), or, the creation mode unknown, when
 * it leaves others nothing. Widening (0600 -> 0644) grants what anyone
 * holding it open has anyway. */
static bool fixes_permissions(const Ins *ins, long long created)
{
    const char *c = ins->call.callee;
    if (!strcmp(c, "fchown"))
        return true;
    if (strcmp(c, "fchmod") || ins->call.nargs < 2 || !ins->call.args[1].has_ival)
        return false;
    long long mode = ins->call.args[1].ival;
    return created >= 0 ? (created & ~mode & 0777) != 0 : (mode & 07) == 0;
}

static void report(const RuleInput *in, Findings *out, const Site *open_site, const Ins *fix)
{
    const char *name = site_display_name(out->arena, open_site->path);
    const char *msg = arena_printf(out->arena,
        "%s() fixes the permissions of '%s' after %s() without O_EXCL: if the file already "
        "existed, whoever made it or holds it open keeps access to what is written; create it "
        "with O_CREAT|O_EXCL and its final mode (or in a private directory)",
        fix->call.callee, name, open_site->func->name);
    Finding *f = finding_add(out, in->rule, in->fn, fix->loc, msg);
    finding_note(out, f, open_site->ins->loc,
                 arena_printf(out->arena, "'%s' opened here with O_CREAT, truncating an "
                              "existing file", name));
}

static void check_open(const RuleInput *in, Findings *out, const Site *open_site)
{
    NameSet h = handles_of(in->scratch, in->fn, open_site);
    long long created = creation_mode(open_site->ins, open_site->func);
    for (SiteIter it = site_iter_all(in->fn, in->dom->idom); site_next(&it);) {
        const Ins *ins = it.ins;
        if (ins->kind != INS_CALL || !ins->call.callee || ins->call.kind != CALLEE_EXTERNAL ||
            ins->call.nargs < 1 || !nameset_has(&h, ins->call.args[0].key ? ins->call.args[0].key : ""))
            continue;
        if (fixes_permissions(ins, created) && !handles_failed_at(in->fn, in->dom, &h, it.block) &&
            handles_open_at(in->scratch, in->fn, open_site, &h, it.block, it.index))
            report(in, out, open_site, ins);
    }
}

void rule_late_permissions(const RuleInput *in, Findings *out)
{
    for (SiteIter it = site_iter_all(in->fn, in->dom->idom); site_next(&it);) {
        const FileFunc *f = site_func(it.ins);
        if (!f || !(f->roles & OPEN) || f->group != G_OPEN || !truncating_create(it.ins, f))
            continue;
        const Operand *path = site_path(it.ins, f, 0);
        if (!path || checkuse_kernel_name(in, it.block, it.index, path->key))
            continue;
        Site open_site = {it.block, it.index, it.ins, f, path};
        check_open(in, out, &open_site);
    }
}
