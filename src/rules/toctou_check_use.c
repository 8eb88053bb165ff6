/* toctou_check_use.c - CWE-367, CERT FIO45-C: check, then use by name.
 *
 *     if (access(path, W_OK) == 0)         <- check: decides the use
 *         fd = open(path, O_WRONLY);       <- use: same, unchanged name
 *
 * Reported when a call of the access() or stat() family on a name reaches
 * a call that operates on the same name (same variable, field or literal,
 * not overwritten in between), and the use runs only for one outcome of
 * the check (a branch on its result or its stat buffer decides it).
 * Not reported: creation that fails if the name exists (O_CREAT|O_EXCL,
 * fopen "x"); O_NOFOLLOW after an lstat() link check; descriptor-relative
 * *at() calls; /proc/self/fd/N names. */
#include <fcntl.h>
#include <string.h>

#include "../analysis/flow.h"
#include "rules.h"

enum { MAX_USES_PER_CHECK = 64 };

static bool is_check(const FileFunc *f)
{
    return (f->roles & CHECK) && (f->group == G_ACCESS || f->group == G_STAT);
}

/* The values a check decides: its result and the buffer it fills. */
static int check_seeds(const Site *c, const char **seeds)
{
    int n = 0;
    if (c->ins->dst.kind != OPND_NONE)
        seeds[n++] = c->ins->dst.key;
    int out = c->func->out;
    if (out >= 0 && out < c->ins->call.nargs) {
        const Operand *buf = &c->ins->call.args[out];
        if (buf->kind == OPND_ADDR || buf->kind == OPND_LVALUE)
            seeds[n++] = buf->key;
    }
    return n;
}

/* Creation that fails when the name exists never follows a planted link. */
static bool creates_exclusively(const Site *use)
{
    long long flags;
    if (site_flags(use->ins, use->func, &flags) && use->func->flagkind == F_OPEN)
        return (flags & O_CREAT) && (flags & O_EXCL);
    const char *mode = site_mode(use->ins, use->func);
    return mode && strchr(mode, 'x');
}

static bool checks_for_links(const Site *check)
{
    const char *n = check->func->name;
    long long flags;
    if (strstr(n, "lstat") || strstr(n, "lxstat"))
        return true;
    return check->func->flagkind == F_AT && site_flags(check->ins, check->func, &flags) &&
           (flags & AT_SYMLINK_NOFOLLOW);
}

static bool refuses_links(const Site *use)
{
    long long flags;
    if (!site_flags(use->ins, use->func, &flags))
        return false;
    if (use->func->flagkind == F_OPEN)
        return flags & O_NOFOLLOW;
    return use->func->flagkind == F_AT && (flags & AT_SYMLINK_NOFOLLOW);
}

static bool is_safe_use(const Site *check, const Site *use)
{
    if (creates_exclusively(use))
        return true;
    return checks_for_links(check) && refuses_links(use);
}

static void report(const RuleInput *in, Findings *out, const Site *check, const Site *use)
{
    const char *name = site_display_key(out->arena, use->path->key);
    const char *msg = arena_printf(out->arena,
        "%s() of '%s' after %s() checked it: another process can replace the file in "
        "between; %s",
        use->func->name, name, check->func->name,
        use->func->fix ? use->func->fix : "operate on a descriptor you opened once");
    Finding *f = finding_add(out, in->rule, in->fn, use->ins->loc, msg);
    finding_note(out, f, check->ins->loc,
                 arena_printf(out->arena, "'%s' checked here by %s()", name, check->func->name));
}

static void check_one(const RuleInput *in, Findings *out, const Site *check)
{
    const char *seeds[2];
    int nseeds = check_seeds(check, seeds);
    if (!nseeds)
        return;   /* result ignored: nothing can depend on it */
    Site uses[MAX_USES_PER_CHECK];
    int n = flow_uses(in->scratch, in->fn, check, check->path->key, uses, MAX_USES_PER_CHECK);
    if (!n)
        return;
    bool *guards = flow_guards(in->scratch, in->fn, check, seeds, nseeds);
    for (int i = 0; i < n; i++) {
        if (!(uses[i].func->roles & USE) || is_safe_use(check, &uses[i]))
            continue;
        if (flow_is_guarded(in->scratch, in->fn, in->dom, in->cdep, guards, uses[i].block))
            report(in, out, check, &uses[i]);
    }
}

void rule_toctou_check_use(const RuleInput *in, Findings *out)
{
    const Function *fn = in->fn;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        if (in->dom->idom[b] < 0)
            continue;   /* unreachable */
        for (int i = 0; i < blk->nins; i++) {
            const FileFunc *f = site_func(&blk->ins[i]);
            if (!f || !is_check(f))
                continue;
            const Operand *p = site_path(&blk->ins[i], f, 0);
            if (!p)
                continue;
            Site check = {b, i, &blk->ins[i], f, p};
            check_one(in, out, &check);
        }
    }
}
