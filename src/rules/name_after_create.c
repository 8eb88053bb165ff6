/* name_after_create.c - CERT FIO01-C: a file the program has just made
 * (mkdir, mkfifo, mknod, open with O_CREAT, symlink, bind() of an AF_UNIX
 * socket, the new name of link or rename) gets its owner, mode or times
 * changed by name, with no check in between:
 *
 *     mkdir(dir, 0700);
 *     chown(dir, uid, gid);           <- dir may no longer be the new directory
 *
 * The creation is the check here: the program believes the name is still
 * its new file, but whoever can write the parent directory can rename it
 * away and put a link (or a file of their own) there, and the change by
 * name follows it. A removal (unlink(X) ... chmod(X)) is the same
 * belief about a name something else has made since. Not reported: the
 * descriptor forms (fchown, fchmod), *at() calls relative to a directory
 * descriptor, kernel-owned names, lchown() of a new directory (effects.h). When the creation's result decides the
 * change, toctou-check-use reports the pair; while an open() descriptor
 * is in use, name-after-open does (precedence.def keeps theirs). */
#include <string.h>

#include "../analysis/creation.h"
#include "../analysis/effects.h"
#include "../analysis/feasible.h"
#include "../analysis/flow.h"
#include "../analysis/names.h"
#include "../analysis/outcome.h"
#include "checkuse.h"
#include "rules.h"

enum { MAX_VIEWS = 8 };

typedef struct Made {
    const char *keys[2];    /* the name, and what a socket's sun_path was copied from */
    int nkeys;
    const char *verb;       /* "created", "removed" */
} Made;

/* bind(s, (struct sockaddr *)&sa, ...): "sa.sun_path"; through a pointer
 * addr: "addr->sun_path"; and the name strcpy()/snprintf("%s") put there. */
static void socket_name(const RuleInput *in, const Site *s, Made *m)
{
    const Operand *a = &s->ins->call.args[s->func->path];
    const char *sep = a->kind == OPND_ADDR ? "." : a->kind == OPND_LVALUE ? "->" : NULL;
    if (!sep)
        return;
    const char *key = arena_printf(in->scratch, "%s%ssun_path", a->key, sep);
    m->keys[m->nkeys++] = key;
    const char *from = names_copied_from(
        in->scratch, names_fill_before(in->scratch, in->fn, s->block, s->index, key));
    if (from)
        m->keys[m->nkeys++] = from;
}

static bool is_removal(const FileFunc *f)
{
    return f->group == G_NAMESPACE && f->path2 < 0 && !(f->roles & NEWNAME) &&
           strcmp(f->name, "rmdir");
}

/* What the call makes (or removes) by name, if anything. */
static Made made_by(const RuleInput *in, const Site *s)
{
    Made m = {{NULL, NULL}, 0, "created"};
    const FileFunc *f = s->func;
    const Operand *p = NULL;
    if (f->roles & SOCKNAME)
        socket_name(in, s, &m);
    else if (f->roles & NEWNAME)
        p = site_path(s->ins, f, 0);
    else if (f->group == G_NAMESPACE && f->path2 >= 0)
        p = site_path(s->ins, f, 1);   /* link()'s or rename()'s new name */
    else if (f->group == G_OPEN && creation_of(s->ins, f) != CREATE_NO &&
             creation_of(s->ins, f) != CREATE_UNKNOWN)
        p = site_path(s->ins, f, 0);
    else if (is_removal(f)) {
        p = site_path(s->ins, f, 0);
        m.verb = "removed";
    }
    if (p)
        m.keys[m.nkeys++] = p->key;
    return m;
}

static const char *fix_for(const Site *use)
{
    if (use->func->group == G_MODIFY && strstr(use->func->name, "own"))
        return "open the new file with O_NOFOLLOW (O_DIRECTORY for a directory) and use "
               "fchown() on the descriptor, or create it relative to a directory descriptor "
               "and use fchownat(AT_SYMLINK_NOFOLLOW)";
    return "set the mode at creation (the mode argument and umask()), or open the new file "
           "with O_NOFOLLOW and use the descriptor (fchmod(), futimens())";
}

static void report(const RuleInput *in, Findings *out, const Site *made, const Made *m,
                   const Site *use)
{
    const char *name = site_display_name(out->arena, use->path);
    const char *note = arena_printf(out->arena, "'%s' %s here by %s()", name, m->verb,
                                    made->func->name);
    bool removed = !strcmp(m->verb, "removed");
    StepRole role = removed ? ROLE_REMOVE : ROLE_CREATE;
    Finding *prev = findings_at(out, in->rule, use->ins->loc);   /* one per use: a note per check */
    if (prev) {
        finding_note_as(out, prev, made->ins->loc, role, note);
        return;
    }
    const char *msg = arena_printf(out->arena,
        "%s() of '%s' after %s() %s it: %s; %s", use->func->name, name, made->func->name,
        m->verb,
        removed ? "whatever has the name now was made by someone else since"
                : "the name is looked up again and may no longer be the new file (another "
                  "process can rename it away and plant a link)",
        fix_for(use));
    Finding *f = finding_add(out, in->rule, in->fn, use->ins->loc, msg);
    finding_note_as(out, f, made->ins->loc, role, note);
}

/* Does the program make the name again itself before the use, on every
 * path (unlink(f); create_testfile(f); chmod(f): libfuse's
 * test_syscalls.c, the creation three helpers down)? Then the use is
 * about its own new file (followed from that creation), not about what
 * someone else made after the removal. */
static bool before_use(const RuleInput *in, int block, int index, const Site *use)
{
    return block == use->block ? index < use->index : dom_dominates(in->dom, block, use->block);
}

/* bind() of an AF_UNIX socket made the name (its sun_path, copied from the
 * use's name) before the use: unlink(path); bind(s, &sa, ...); chmod(path)
 * (screen's socket.c, fcron's fcrondyn_svr.c) is about the socket the
 * program made, not about what someone else made after the removal. */
static bool socket_made_before(const RuleInput *in, const Site *use)
{
    for (SiteIter it = site_iter_all(in->fn, in->dom->idom); site_next(&it);) {
        if (!it.func || !(it.func->roles & SOCKNAME) || !before_use(in, it.block, it.index, use))
            continue;
        Site s = {it.block, it.index, it.ins, it.func, NULL};
        Made m = made_by(in, &s);
        for (int k = 0; k < m.nkeys; k++)
            if (use->path->key && !strcmp(m.keys[k], use->path->key))
                return true;
    }
    return false;
}

static bool remade_before(const RuleInput *in, const Site *uses, int n, const Site *use)
{
    if (socket_made_before(in, use))
        return true;
    for (int i = 0; i < n; i++) {
        const Site *c = &uses[i];
        if (c->ins == use->ins || !before_use(in, c->block, c->index, use))
            continue;
        const FileFunc *views[MAX_VIEWS];
        int k = site_views(c->ins, views, MAX_VIEWS);
        for (int v = 0; v < k; v++) {
            Site as = *c;
            as.func = views[v];
            Made m = made_by(in, &as);
            if (m.nkeys && strcmp(m.verb, "removed") && site_path(c->ins, views[v], 0) == c->path)
                return true;
        }
    }
    return false;
}

/* Is the use reached only when the creating call failed (fd == -1 after an
 * open with O_CREAT, mknod() != 0)? Then it made nothing there: rsync's
 * receiver falls back to working on an existing name when its
 * open(O_CREAT) fails with EACCES. A failed removal still leaves a name
 * someone else may make, so only creations. */
static bool made_nothing(const RuleInput *in, const Site *made, const Made *m, const Site *use)
{
    if (strcmp(m->verb, "created"))
        return false;
    return outcome_failed_at(in->scratch, in->fn, in->dom, made, use->block);
}

static void follow_name(const RuleInput *in, Findings *out, const Site *made, const Made *m,
                        const char *key)
{
    if (checkuse_kernel_name(in, made->block, made->index, key))
        return;
    int n;
    Site *uses = flow_uses(in->scratch, in->fn, made, key, NULL, NULL, &n);
    Feasibility *feasible = feasible_begin(in->scratch, in->fn, in->cdep, made);
    for (int i = 0; i < n; i++)
        if (uses[i].func->group == G_MODIFY && !effect_new_dir_changed_itself(made, &uses[i]) &&
            !(!strcmp(m->verb, "removed") && remade_before(in, uses, n, &uses[i])) &&
            !made_nothing(in, made, m, &uses[i]) &&
            !feasible_pair_infeasible(feasible, &uses[i]))
            report(in, out, made, m, &uses[i]);
    feasible_end(feasible);
}

static void follow_made(const RuleInput *in, Findings *out, const SiteIter *it,
                        const FileFunc *f)
{
    Site s = {it->block, it->index, it->ins, f, NULL};
    Made m = made_by(in, &s);
    for (int k = 0; k < m.nkeys; k++)
        follow_name(in, out, &s, &m, m.keys[k]);
}

void rule_name_after_create(const RuleInput *in, Findings *out)
{
    for (SiteIter it = site_iter_all(in->fn, in->dom->idom); site_next(&it);) {
        if (it.func) {
            follow_made(in, out, &it, it.func);
            continue;
        }
        /* a program function summarised as a creation, or as an open that
         * creates, counts too: fd = create_output(name, O_RDWR), then
         * set_times(name); fp = fmkomstemp(backup), then chmod(backup).
         * Not a wrapped unlink(): only creations. */
        const FileFunc *views[MAX_VIEWS];
        int n = site_views(it.ins, views, MAX_VIEWS);
        for (int v = 0; v < n; v++)
            if (views[v]->group == G_OPEN || (views[v]->roles & NEWNAME))
                follow_made(in, out, &it, views[v]);
    }
}
