/* risk_facts.c - what a translation unit shows about the whole program
 * for the risk of its findings (risk.h): directories it makes writable by
 * others, where it drops its rights, and which of its functions receive
 * names from a directory walk. (Signs of privilege are each function's:
 * evidence.h.) */
#include "risk_facts.h"

#include <string.h>

#include "listing.h"
#include "names.h"
#include "real_ids.h"
#include "summary.h"

/* Calls that give up the rights: the ids become the real user's. */
static const char *const drop_calls[] = {"setuid", "seteuid", "setreuid", "setresuid",
                                         "setfsuid", NULL};

static bool in_list(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(s, list[i]))
            return true;
    return false;
}

const char *risk_temp_callee(const Function *fn, const char *key)
{
    for (int b = 0; key && key[0] == '%' && b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind == INS_CALL && ins->call.callee && ins->dst.key &&
                !strcmp(ins->dst.key, key))
                return ins->call.callee;
        }
    return "";
}

/* An argument that holds the real user's id (real_ids.h), or a passwd
 * entry's pw_uid: the user a daemon started as root acts for. */
static bool real_uid(const Function *fn, const Operand *o)
{
    return real_ids_holds(fn, o) || (o->text && strstr(o->text, "pw_uid"));
}

static bool unchanged(const Operand *o)
{
    return o->has_ival && o->ival == -1;   /* setresuid(-1, u, -1) */
}

bool risk_is_drop_call(const Function *fn, const Call *c)
{
    if (!c->callee || !in_list(c->callee, drop_calls) || c->nargs < 1)
        return false;
    for (int i = 0; i < c->nargs; i++)
        if (!real_uid(fn, &c->args[i]) && !unchanged(&c->args[i]))
            return false;
    return true;
}

/* setuid(uid), setresuid(u, u, u), setreuid(u, u): every id of the user
 * becomes one value, not root's 0, and there is no way back (procmail's
 * setids() to the recipient): the process has that user's rights only. */
static bool permanent_switch(const Call *c)
{
    bool all = !strcmp(c->callee, "setuid") || !strcmp(c->callee, "setresuid") ||
               !strcmp(c->callee, "setreuid");
    if (!all || c->nargs < 1 || c->args[0].has_ival || !c->args[0].text)
        return false;
    for (int i = 1; i < c->nargs; i++)
        if (!c->args[i].text || strcmp(c->args[i].text, c->args[0].text))
            return false;
    return true;
}

/* The parameter of fn (index) that o is, or -1. */
static int param_of(const Function *fn, const Operand *o)
{
    for (int p = 0; o->kind == OPND_LVALUE && o->key && p < fn->nparams && p < fn->nvars; p++)
        if (!strcmp(fn->vars[p].key, o->key))
            return p;
    return -1;
}

/* mkdir(dir, 0700): a directory only the program's user may enter. */
static void note_private_dir(RiskFacts *rf, Arena *a, const Ins *ins)
{
    const Call *c = &ins->call;
    if (strcmp(c->callee, "mkdir") || c->nargs < 2 || c->args[0].kind != OPND_STRING ||
        !c->args[1].has_ival || (c->args[1].ival & 077) || rf->nprivate >= RISK_MAX_SHARED)
        return;
    const char *key = c->args[0].key;
    rf->private_dirs[rf->nprivate].dir = arena_strndup(a, key + 1, strlen(key) - 2);
    rf->private_dirs[rf->nprivate++].loc = ins->loc;
}

/* mkdir(dir, 01777), chmod(dir, 0775): a directory others may write. */
static void note_shared_dir(RiskFacts *rf, Arena *a, const Ins *ins)
{
    const Call *c = &ins->call;
    bool maker = !strcmp(c->callee, "mkdir") || !strcmp(c->callee, "chmod");
    note_private_dir(rf, a, ins);
    if (!maker || c->nargs < 2 || c->args[0].kind != OPND_STRING || !c->args[1].has_ival ||
        !(c->args[1].ival & 022) || rf->nshared >= RISK_MAX_SHARED)
        return;
    const char *key = c->args[0].key;
    rf->shared[rf->nshared].dir = arena_strndup(a, key + 1, strlen(key) - 2);
    rf->shared[rf->nshared].loc = ins->loc;
    rf->shared[rf->nshared++].mode = c->args[1].ival;
}

/* nftw(dir, fn, ...), ftw(): fn's first parameter is a listed name. */
static void note_walker(RiskFacts *rf, const Call *c)
{
    if ((strcmp(c->callee, "nftw") && strcmp(c->callee, "ftw") && strcmp(c->callee, "nftw64")) ||
        c->nargs < 2 || !c->args[1].text || rf->nwalkers >= RISK_MAX_WALKERS)
        return;
    const char *t = c->args[1].text;
    rf->walkers[rf->nwalkers++] = t[0] == '&' ? t + 1 : t;
}


static bool reads_listed(const Function *fn, const Operand *o)
{
    for (int r = 0; r < o->nreads; r++)
        if (listing_entry(fn, o->reads[r]))
            return true;
    return listing_entry(fn, o->key);
}

/* Does o, just before (b, i) of fn, hold an entry's name: it reads one, is
 * filled from one (snprintf(p, n, "%s/%s", dir, de->d_name)), or is the
 * result of a call given one (concat_path_file(dir, de->d_name)),
 * directly or through a copy? */
static bool holds_listed(Arena *a, const Function *fn, int b, int i, const Operand *o, int depth)
{
    if (reads_listed(fn, o))
        return true;
    if (!o->key || depth > 3 || (o->kind != OPND_LVALUE && o->kind != OPND_TEMP))
        return false;
    const char *fill = o->kind == OPND_LVALUE ? names_fill_before(a, fn, b, i, o->key) : NULL;
    if (listing_in_fill(fn, fill) || (o->kind == OPND_LVALUE && listing_fills(fn, o->key)))
        return true;
    for (int db = 0; db < fn->nblocks; db++)
        for (int di = 0; di < fn->blocks[db]->nins; di++) {
            const Ins *def = &fn->blocks[db]->ins[di];
            if (!def->dst.key || strcmp(def->dst.key, o->key))
                continue;
            if (def->kind == INS_ASSIGN && holds_listed(a, fn, db, di, &def->src, depth + 1))
                return true;
            for (int k = 0; def->kind == INS_CALL && k < def->call.nargs; k++)
                if (reads_listed(fn, &def->call.args[k]))
                    return true;
        }
    return false;
}

bool risk_facts_entry_name(const Function *fn, const char *key)
{
    size_t n = key ? strlen(key) : 0;
    return n > 8 && !strcmp(key + n - 8, "->d_name") && listing_entry(fn, key);
}

/* chdir("/var/spool/cron/atjobs"): relative names resolve there. chdir("/")
 * adds nothing (only root writes it); a directory not known, or fchdir(),
 * leaves the working directory unknown. */
static void note_cwd(RiskFacts *rf, Arena *a, const Ins *ins)
{
    const Call *c = &ins->call;
    if (!strcmp(c->callee, "fchdir")) {
        rf->cwd_unknown = true;
        return;
    }
    if (strcmp(c->callee, "chdir") || c->nargs < 1)
        return;
    const char *key = c->args[0].kind == OPND_STRING ? c->args[0].key : NULL;
    if (!key || key[1] != '/' || rf->ncwd >= RISK_MAX_SHARED) {
        rf->cwd_unknown = true;
        return;
    }
    if (!strcmp(key, "\"/\""))
        return;
    rf->cwd[rf->ncwd].dir = arena_strndup(a, key + 1, strlen(key) - 2);
    rf->cwd[rf->ncwd++].loc = ins->loc;
}

/* Calls of the unit's functions that pass a listed name. */
static void note_listed_args(RiskFacts *rf, Arena *a, const Function *fn, int b, int i)
{
    const Ins *ins = &fn->blocks[b]->ins[i];
    if (ins->call.kind != CALLEE_DEFINED)
        return;
    for (int k = 0; k < ins->call.nargs && rf->nlisted < RISK_MAX_LISTED; k++)
        if (!risk_facts_listed_param(rf, ins->call.callee, k, NULL) &&
            holds_listed(a, fn, b, i, &ins->call.args[k], 0)) {
            rf->listed[rf->nlisted].bare = risk_facts_entry_name(fn, ins->call.args[k].key);
            rf->listed[rf->nlisted].callee = ins->call.callee;
            rf->listed[rf->nlisted].param = k;
            rf->listed[rf->nlisted++].loc = ins->loc;
        }
}

const SrcLoc *risk_facts_listed_param(const RiskFacts *rf, const char *fn, int param,
                                      bool *bare)
{
    for (int i = 0; i < rf->nlisted; i++)
        if (rf->listed[i].param == param && !strcmp(rf->listed[i].callee, fn)) {
            if (bare)
                *bare = rf->listed[i].bare;
            return &rf->listed[i].loc;
        }
    return NULL;
}

RiskFacts *risk_facts(Arena *a, Function *const *fns, int n)
{
    RiskFacts *rf = ARENA_ARRAY(a, RiskFacts, 1);
    for (int i = 0; i < n; i++) {
        const Function *fn = fns[i];
        bool lists = listing_named_in(fn);   /* else no argument holds a listed name */
        for (int b = 0; b < fn->nblocks; b++)
            for (int k = 0; k < fn->blocks[b]->nins; k++) {
                const Ins *ins = &fn->blocks[b]->ins[k];
                if (ins->kind == INS_CALL && ins->call.callee) {
                    note_shared_dir(rf, a, ins);
                    note_walker(rf, &ins->call);
                    if (lists)
                        note_listed_args(rf, a, fn, b, k);
                    note_cwd(rf, a, ins);
                }
            }
    }
    return rf;
}

/* The setuid family: each sets some user or group id. */
static const char *const id_setters[] = {"setuid", "seteuid", "setreuid", "setresuid",
                                         "setfsuid", "setgid", "setegid", "setregid",
                                         "setresgid", "setfsgid", NULL};

int risk_call_ids_param(const Function *fn, const Call *c)
{
    if (!c->callee)
        return 0;
    int arg = -1;
    if (in_list(c->callee, drop_calls)) {
        for (int i = 0; i < c->nargs; i++) {
            int p = unchanged(&c->args[i]) ? arg : param_of(fn, &c->args[i]);
            if (p < 0 || (arg >= 0 && p != arg))
                return 0;
            arg = p;
        }
        return arg + 1;
    }
    const Summary *s = summary_lookup(c->callee);
    if (!s || !s->ids_param || s->ids_param > c->nargs)
        return 0;
    return param_of(fn, &c->args[s->ids_param - 1]) + 1;
}

Rights risk_call_rights(const Function *fn, const Call *c)
{
    if (!c->callee)
        return RIGHTS_KEPT;
    if (risk_is_drop_call(fn, c))
        return RIGHTS_DROPPED;
    if (in_list(c->callee, drop_calls))   /* a user id that is not the real one */
        return permanent_switch(c) ? RIGHTS_DROPPED : RIGHTS_REGAINED;
    if (in_list(c->callee, id_setters))
        return RIGHTS_KEPT;       /* group ids: the user id decides */
    const Summary *s = summary_lookup(c->callee);
    if (!s)
        return RIGHTS_KEPT;
    if (s->ids_param && s->ids_param <= c->nargs) {   /* xseteuid(real_uid) */
        const Operand *uid = &c->args[s->ids_param - 1];
        /* set_ugid(var_owner_uid, gid): that user's rights for good, not root's */
        bool for_good = s->ids_for_good && !uid->has_ival;
        return real_uid(fn, uid) || for_good ? RIGHTS_DROPPED : RIGHTS_REGAINED;
    }
    return s->regains_rights ? RIGHTS_REGAINED : s->drops_rights ? RIGHTS_DROPPED : RIGHTS_KEPT;
}

bool risk_call_for_good(const Call *c)
{
    if (!c->callee)
        return false;
    if (in_list(c->callee, drop_calls))
        return permanent_switch(c);
    const Summary *s = summary_lookup(c->callee);
    return s && s->ids_param && s->ids_for_good;
}

bool risk_facts_walker(const RiskFacts *rf, const char *fn)
{
    for (int i = 0; i < rf->nwalkers; i++)
        if (!strcmp(rf->walkers[i], fn))
            return true;
    return false;
}
