/* risk_facts.c - what a translation unit shows about the whole program
 * for the risk of its findings (risk.h): signs that it runs privileged,
 * directories it makes writable by others, where it drops its rights, and
 * which of its functions receive names from a directory walk. */
#include "risk_facts.h"

#include <string.h>

#include "../model/catalog.h"
#include "origin.h"
#include "summary.h"

/* Calls that only a program with rights its user lacks makes. */
static const struct {
    const char *callee;
    const char *why;
} privilege_calls[] = {
    {"setuid", "the program calls setuid(): it runs with rights its user may lack"},
    {"seteuid", "the program calls seteuid(): it runs with rights its user may lack"},
    {"setreuid", "the program calls setreuid(): it runs with rights its user may lack"},
    {"setresuid", "the program calls setresuid(): it runs with rights its user may lack"},
    {"setgid", "the program calls setgid(): it runs with rights its user may lack"},
    {"setegid", "the program calls setegid(): it runs with rights its user may lack"},
    {"setresgid", "the program calls setresgid(): it runs with rights its user may lack"},
    {"setfsuid", "the program calls setfsuid(): it runs with rights its user may lack"},
    {"initgroups", "the program calls initgroups(): it runs as root"},
    {"setgroups", "the program calls setgroups(): it runs as root"},
    {"capset", "the program calls capset(): it holds capabilities"},
    {"cap_set_proc", "the program calls cap_set_proc(): it holds capabilities"},
    {"issetugid", "the program asks issetugid(): it is meant to run set-user-id"},
};

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

/* The callee whose result temporary `key` holds, or "". */
static const char *temp_callee(const Function *fn, const char *key)
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
    return strstr(t, "getuid") || !strcmp(temp_callee(fn, o->key), "getuid") ||
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

static void set_privilege(RiskFacts *rf, SrcLoc loc, const char *why)
{
    if (rf->privilege.text)
        return;
    rf->privilege = (RiskReason){loc, why, RISK_PRIVILEGE, 2};
}

/* chown(name, uid, gid) with a uid that is not -1: files go to another
 * user, which only root may do. */
static bool chowns_to_other(const Call *c)
{
    const FileFunc *f = catalog_find(c->callee);
    bool by_fd = !strcmp(c->callee, "fchown");   /* fchown(fd, uid, gid) */
    if (!by_fd && (!f || f->group != G_MODIFY || !strstr(c->callee, "chown")))
        return false;
    int uid = f && f->path >= 0 ? f->path + 1 : 1;
    return uid < c->nargs && !(c->args[uid].has_ival && c->args[uid].ival == -1);
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

static void scan_call(RiskFacts *rf, Arena *a, const Ins *ins)
{
    const Call *c = &ins->call;
    for (size_t i = 0; i < sizeof privilege_calls / sizeof privilege_calls[0]; i++)
        if (!strcmp(c->callee, privilege_calls[i].callee))
            set_privilege(rf, ins->loc, privilege_calls[i].why);
    if (chowns_to_other(c))
        set_privilege(rf, ins->loc, "the program chown()s files to other users: it runs as root");
    note_shared_dir(rf, a, ins);
    note_walker(rf, c);
}

RiskFacts *risk_facts(Arena *a, Function *const *fns, int n)
{
    RiskFacts *rf = ARENA_ARRAY(a, RiskFacts, 1);
    for (int i = 0; i < n; i++) {
        const Function *fn = fns[i];
        if (!strncmp(fn->name, "pam_sm_", 7))
            set_privilege(rf, fn->loc,
                          arena_printf(a, "%s(): a PAM module, run inside privileged programs",
                                       fn->name));
        for (int b = 0; b < fn->nblocks; b++)
            for (int k = 0; k < fn->blocks[b]->nins; k++) {
                const Ins *ins = &fn->blocks[b]->ins[k];
                if (ins->kind == INS_CALL && ins->call.callee)
                    scan_call(rf, a, ins);
            }
    }
    return rf;
}

const RiskReason *risk_facts_privilege(const RiskFacts *rf)
{
    return rf->privilege.text ? &rf->privilege : NULL;
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
