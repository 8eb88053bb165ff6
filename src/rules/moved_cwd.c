/* moved_cwd.c - a relative name after the working directory moved: the
 * check and the use name files of two directories.
 *
 *     chdir(JOBS); lstat(name, &st); ... chdir(SPOOL); unlink(name);
 *                                        ^ at's atd: the spool's output file
 *                                          of the same name, not the job
 *
 * A chdir() (or fchdir()) on every path from the check to the use, that
 * is one the check dominates and that dominates the use, separates them
 * unless the name is known to be absolute. chdir("/") does not count:
 * daemons enter "/" between checks and uses of absolute names, and a
 * relative name used across it would be a bug of its own. */
#include <string.h>

#include "../analysis/dom.h"
#include "../analysis/names.h"
#include "../analysis/sites.h"
#include "checkuse.h"

/* A literal or a buffer formatted from a literal that starts with '/'. */
static bool known_absolute(const RuleInput *in, const Site *s)
{
    const Operand *p = s->path;
    if (!p || !p->key)
        return false;
    if (p->kind == OPND_STRING)
        return p->key[1] == '/';
    if (p->kind != OPND_LVALUE)
        return false;
    const char *sig = names_fill_before(in->scratch, in->fn, s->block, s->index, p->key);
    const char *fmt = sig ? strchr(sig, '|') : NULL;
    return fmt && !strncmp(fmt, "|\"/", 3);
}

/* chdir(name) itself does not count: a program that enters the name and
 * then uses it again takes it to be absolute (util-linux switch_root:
 * chdir(newroot), then mount(newroot, "/", MS_MOVE)). */
static bool enters_other_dir(const Ins *ins, const char *name)
{
    const FileFunc *f = ins->kind == INS_CALL ? site_libc_func(ins) : NULL;
    if (!f || f->group != G_ENTER)
        return false;
    if (!strcmp(f->name, "fchdir"))
        return true;
    if (strcmp(f->name, "chdir") || ins->call.nargs < 1)
        return false;
    const Operand *to = &ins->call.args[0];
    if (to->key && name && !strcmp(to->key, name))
        return false;
    return !(to->kind == OPND_STRING && !strcmp(to->key, "\"/\""));
}

/* Is (b, i) after a and before z, on every path from a to z? */
static bool between(const DomTree *dom, const Site *a, int b, int i, const Site *z)
{
    bool after_a = b == a->block ? i > a->index : dom_dominates(dom, a->block, b);
    bool before_z = b == z->block ? i < z->index : dom_dominates(dom, b, z->block);
    return after_a && before_z;
}

/* The calls that enter a directory (chdir, fchdir), listed once per
 * function: every (check, use) pair asks, and most functions have none. */
typedef struct Enters {
    Site *calls;
    int n, cap;
} Enters;

static const Enters *enters_of(const RuleInput *in)
{
    if (in->shared->moved_cwd)
        return in->shared->moved_cwd;
    Arena *a = &in->shared->arena;
    Enters *e = ARENA_ARRAY(a, Enters, 1);
    const Function *fn = in->fn;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            const FileFunc *f = ins->kind == INS_CALL ? site_libc_func(ins) : NULL;
            if (f && f->group == G_ENTER) {
                Site s = {b, i, ins, f, NULL};
                ARENA_PUSH(a, e->calls, e->n, e->cap, s);
            }
        }
    in->shared->moved_cwd = e;
    return e;
}

bool checkuse_cwd_moved(const RuleInput *in, const Site *check, const Site *use)
{
    const Enters *e = enters_of(in);
    if (!e->n || known_absolute(in, check) || known_absolute(in, use) || check->block < 0)
        return false;
    for (int k = 0; k < e->n; k++) {
        const Site *s = &e->calls[k];
        if (dom_dominates(in->dom, s->block, use->block) &&
            enters_other_dir(s->ins, use->path ? use->path->key : NULL) &&
            between(in->dom, check, s->block, s->index, use))
            return true;
    }
    return false;
}
