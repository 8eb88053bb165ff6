/* risk_facts.c - what a translation unit shows about the whole program
 * for the risk of its findings (risk.h): directories it makes writable by
 * others, where it drops its rights, and which of its functions receive
 * names from a directory walk. (Signs of privilege are each function's:
 * evidence.h.) */
#include "risk_facts.h"

#include <string.h>

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

/* An argument that holds the real user's id: getuid(), or a variable
 * named for it (ruid, real_uid, a passwd entry's pw_uid). */
static bool real_uid(const Function *fn, const Operand *o)
{
    const char *t = o->text ? o->text : "";
    const char *k = o->key ? o->key : "";
    return strstr(t, "getuid") || !strcmp(risk_temp_callee(fn, o->key), "getuid") ||
           strstr(k, "ruid") || strstr(k, "real_uid") || strstr(t, "pw_uid");
}

bool risk_is_drop_call(const Function *fn, const Call *c)
{
    if (!c->callee || !in_list(c->callee, drop_calls) || c->nargs < 1)
        return false;
    for (int i = 0; i < c->nargs; i++)
        if (!real_uid(fn, &c->args[i]) && !(c->args[i].has_ival && c->args[i].ival == -1))
            return false;
    return true;
}

/* mkdir(dir, 01777), chmod(dir, 0775): a directory others may write. */
static void note_shared_dir(RiskFacts *rf, Arena *a, const Ins *ins)
{
    const Call *c = &ins->call;
    bool maker = !strcmp(c->callee, "mkdir") || !strcmp(c->callee, "chmod");
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


RiskFacts *risk_facts(Arena *a, Function *const *fns, int n)
{
    RiskFacts *rf = ARENA_ARRAY(a, RiskFacts, 1);
    for (int i = 0; i < n; i++) {
        const Function *fn = fns[i];
        for (int b = 0; b < fn->nblocks; b++)
            for (int k = 0; k < fn->blocks[b]->nins; k++) {
                const Ins *ins = &fn->blocks[b]->ins[k];
                if (ins->kind == INS_CALL && ins->call.callee) {
                    note_shared_dir(rf, a, ins);
                    note_walker(rf, &ins->call);
                }
            }
    }
    return rf;
}

/* The setuid family: each sets some user or group id. */
static const char *const id_setters[] = {"setuid", "seteuid", "setreuid", "setresuid",
                                         "setfsuid", "setgid", "setegid", "setregid",
                                         "setresgid", "setfsgid", NULL};

Rights risk_call_rights(const Function *fn, const Call *c)
{
    if (!c->callee)
        return RIGHTS_KEPT;
    if (risk_is_drop_call(fn, c))
        return RIGHTS_DROPPED;
    if (in_list(c->callee, drop_calls))
        return RIGHTS_REGAINED;   /* a user id that is not the real one */
    if (in_list(c->callee, id_setters))
        return RIGHTS_KEPT;       /* group ids: the user id decides */
    const Summary *s = summary_lookup(c->callee);
    if (!s)
        return RIGHTS_KEPT;
    return s->regains_rights ? RIGHTS_REGAINED : s->drops_rights ? RIGHTS_DROPPED : RIGHTS_KEPT;
}

void risk_function_rights(const Function *fn, bool *drops, bool *regains)
{
    *drops = *regains = false;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            Rights r = ins->kind == INS_CALL ? risk_call_rights(fn, &ins->call) : RIGHTS_KEPT;
            *drops |= r == RIGHTS_DROPPED;
            *regains |= r == RIGHTS_REGAINED;
        }
}

bool risk_facts_walker(const RiskFacts *rf, const char *fn)
{
    for (int i = 0; i < rf->nwalkers; i++)
        if (!strcmp(rf->walkers[i], fn))
            return true;
    return false;
}
