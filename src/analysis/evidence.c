/* evidence.c - each function's signs of privilege; see evidence.h. */
#include "evidence.h"

#include <string.h>

#include "../model/catalog.h"
#include "dom.h"
#include "../util/strmap.h"
#include "real_ids.h"
#include "rights.h"
#include "risk_facts.h"

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
    {"setregid", "the program calls setregid(): it runs with rights its user may lack"},
    {"setresgid", "the program calls setresgid(): it runs with rights its user may lack"},
    {"setfsuid", "the program calls setfsuid(): it runs with rights its user may lack"},
    {"setfsgid", "the program calls setfsgid(): it runs with rights its user may lack"},
    {"initgroups", "the program calls initgroups(): it runs as root"},
    {"setgroups", "the program calls setgroups(): it runs as root"},
    {"capset", "the program calls capset(): it holds capabilities"},
    {"cap_set_proc", "the program calls cap_set_proc(): it holds capabilities"},
    {"issetugid", "the program asks issetugid(): it is meant to run set-user-id"},
};

/* The calls of privilege_calls[] that set ids (all but the last three). */
static bool sets_ids(const char *callee)
{
    return !strncmp(callee, "set", 3) && strcmp(callee, "setgroups");
}

static const char *why_privileged(const char *callee)
{
    for (size_t i = 0; i < sizeof privilege_calls / sizeof privilege_calls[0]; i++)
        if (!strcmp(callee, privilege_calls[i].callee))
            return privilege_calls[i].why;
    return NULL;
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

/* A call that only a set-user-ID (or set-group-ID) program makes: it
 * returns to the real ids (setuid(getuid()), setresgid(g, g, g)), asks for
 * full root (setuid(0)), or asks whether it is set-ID. */
static bool setid_sign(const Function *fn, const Call *c)
{
    if (!strcmp(c->callee, "issetugid"))
        return true;
    if (!sets_ids(c->callee) || c->nargs < 1)
        return false;
    bool real = true, root = true;
    for (int i = 0; i < c->nargs; i++) {
        const Operand *a = &c->args[i];
        bool keep = a->has_ival && a->ival == -1;   /* setresuid(-1, u, -1) */
        real &= keep || real_ids_holds(fn, a);
        root &= keep || (a->has_ival && a->ival == 0);
    }
    return real || root;
}

static void sign(Arena *a, RiskReason *r, SrcLoc loc, const char *why)
{
    if (!r->text)
        *r = (RiskReason){loc, arena_strdup(a, why), RISK_PRIVILEGE, 2};
}

static void note_call(Arena *a, FnEvidence *e, StrMap *seen, const char *name)
{
    if (strmap_get(seen, name, NULL))
        return;
    strmap_put(seen, name, 1);
    const char *copy = arena_strdup(a, name);
    ARENA_PUSH(a, e->calls, e->ncalls, e->cap_calls, copy);
}

enum { NEWUSER = 0x10000000 };   /* CLONE_NEWUSER */

/* unshare(), clone() or a project's clone wrapper with CLONE_NEWUSER in
 * its flags (lxc_raw_clone_cb(fn, &d, CLONE_NEWUSER, NULL)). */
static bool makes_userns(const Call *c)
{
    if (!strstr(c->callee, "clone") && !strstr(c->callee, "unshare"))
        return false;
    for (int i = 0; i < c->nargs; i++) {
        const Operand *o = &c->args[i];
        if ((o->has_ival && (o->ival & NEWUSER)) || (o->bits_set & NEWUSER) ||
            (o->text && strstr(o->text, "CLONE_NEWUSER")))
            return true;
    }
    return false;
}

/* The functions c passes by name (a designator reads nothing). */
static void note_passes(Arena *a, const Function *fn, const Call *c, FnEvidence *e)
{
    for (int i = 0; c->callee && !c->libc && i < c->nargs; i++) {
        const Operand *o = &c->args[i];
        const char *t = o->text ? o->text + strspn(o->text, "(&") : NULL;
        if (o->kind != OPND_EXPR || !t || o->nreads)
            continue;
        for (int r = 0; r < fn->nrefs; r++)
            if (!strncmp(fn->refs[r], t, strlen(fn->refs[r])) &&
                strspn(t + strlen(fn->refs[r]), ")") == strlen(t + strlen(fn->refs[r]))) {
                struct FnPass p = {arena_strdup(a, c->callee), arena_strdup(a, fn->refs[r])};
                ARENA_PUSH(a, e->passes, e->npasses, e->cap_passes, p);
                break;
            }
    }
}

/* setuid(x), setresgid(x, x, x), setreuid(x, x): every id of the kind
 * becomes one value that is not a constant (root's 0). */
static bool switches_for_good(const Call *c)
{
    static const char *const permanent[] = {"setuid", "setgid", "setresuid", "setresgid",
                                            "setreuid", "setregid", NULL};
    bool listed = false;
    for (int i = 0; permanent[i]; i++)
        listed |= !strcmp(c->callee, permanent[i]);
    if (!listed || c->nargs < 1 || c->args[0].has_ival || !c->args[0].text)
        return false;
    for (int i = 1; i < c->nargs; i++)
        if (!c->args[i].text || strcmp(c->args[i].text, c->args[0].text))
            return false;
    return true;
}

static bool holds_key(const char *const *keys, int n, const char *key)
{
    for (int i = 0; key && i < n; i++)
        if (!strcmp(keys[i], key))
            return true;
    return false;
}

enum { MAX_PIDS = 8 };

/* The first block of a child of fork() that branch block blk starts
 * (pid == 0, pid != 0's else, `case 0:`), or -1. */
static int child_head(const Block *blk, const char *const *pids, int npids)
{
    if (blk->term == TERM_BRANCH && holds_key(pids, npids, blk->cmp.key) && !blk->cmp.value)
        return blk->cmp.op == CMP_EQ ? blk->succ[0] : blk->cmp.op == CMP_NE ? blk->succ[1] : -1;
    for (int s = 0; blk->term == TERM_SWITCH && holds_key(pids, npids, blk->cond.key) &&
                    s < blk->nsucc; s++)
        if (blk->case_labels && blk->case_labels[s] &&
            (!strcmp(blk->case_labels[s], "0") || !strcmp(blk->case_labels[s], "case 0")))
            return blk->succ[s];
    return -1;
}

/* Which blocks of fn run in a child of fork() (NULL if none): a child
 * that becomes one user for good before it runs something shows nothing
 * of the parent's rights (openssh's subprocess(), libfuse's
 * recheck_ENOTCONN_as_owner()). */
static bool *child_blocks(Arena *a, const Function *fn)
{
    const char *pids[MAX_PIDS];
    int npids = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins && npids < MAX_PIDS; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            bool forks = ins->kind == INS_CALL && ins->call.callee &&
                         (!strcmp(ins->call.callee, "fork") || !strcmp(ins->call.callee, "vfork"));
            if (ins->dst.key && (forks || (ins->kind == INS_ASSIGN &&
                                           holds_key(pids, npids, ins->src.key))))
                pids[npids++] = ins->dst.key;
        }
    if (!npids)
        return NULL;
    DomTree dom = dom_build(a, fn);
    bool *child = ARENA_ARRAY(a, bool, fn->nblocks);
    for (int b = 0; b < fn->nblocks; b++) {
        int head = child_head(fn->blocks[b], pids, npids);
        for (int k = 0; head >= 0 && k < fn->nblocks; k++)
            child[k] |= dom_dominates(&dom, head, k);
    }
    return child;
}

static void scan_call(Arena *a, const Function *fn, const Ins *ins, FnEvidence *e, StrMap *seen,
                      bool in_child)
{
    const Call *c = &ins->call;
    note_passes(a, fn, c, e);
    bool quiet = sets_ids(c->callee) && (e->userns || (in_child && switches_for_good(c)));
    const char *why = quiet ? NULL : why_privileged(c->callee);
    if (why)
        sign(a, &e->privileged, ins->loc, why);
    if (why && setid_sign(fn, c))
        sign(a, &e->setid, ins->loc, why);
    if (chowns_to_other(c))
        sign(a, &e->privileged, ins->loc,
             "the program chown()s files to other users: it runs as root");
    if (!c->libc && !c->chosen && !catalog_find(c->callee))
        note_call(a, e, seen, c->callee);   /* a table's entries are dispatched to, like commands */
}

/* Record which program functions fn calls only after a drop of its
 * rights (rights.h): what they do runs with one user's rights. */
static void note_dropped_calls(Arena *a, Arena *scratch, const Function *fn, FnEvidence *e)
{
    const RightsFlow *rights = rights_flow(scratch, fn);
    StrMap after = {0};   /* callee -> 1: every call after a drop; 0: not */
    const Ins *drop = NULL;
    for (int b = 0; b < fn->nblocks; b++)
        for (int k = 0; k < fn->blocks[b]->nins; k++) {
            const Ins *ins = &fn->blocks[b]->ins[k];
            const Call *c = &ins->call;
            if (ins->kind != INS_CALL || !c->callee || c->libc || c->chosen ||
                catalog_find(c->callee))
                continue;
            const Ins *by = rights_dropped_before(rights, b, k);
            int was = 1;
            strmap_get(&after, c->callee, &was);
            strmap_put(&after, c->callee, was && by);
            drop = by && !drop ? by : drop;
        }
    for (int i = 0; drop && i < e->ncalls; i++) {
        int all;
        if (strmap_get(&after, e->calls[i], &all) && all)
            ARENA_PUSH(a, e->dropped_calls, e->ndropped, e->cap_dropped, e->calls[i]);
    }
    if (e->ndropped)
        e->drop = (RiskReason){drop->loc,
                               arena_printf(a, "it runs after %s() in %s() gave the rights up",
                                            drop->call.callee, fn->name),
                               RISK_PRIVILEGE, -3 /* decisive: risk.c */};
    strmap_free(&after);
}

FnEvidence evidence_of(Arena *a, const Function *fn)
{
    FnEvidence e = {.name = arena_strdup(a, fn->name), .exported = fn->exported};
    StrMap seen = {0};
    if (!strncmp(fn->name, "pam_sm_", 7))
        sign(a, &e.privileged, fn->loc,
             arena_printf(a, "%s(): a PAM module, run inside privileged programs", fn->name));
    for (int b = 0; b < fn->nblocks; b++)
        for (int k = 0; k < fn->blocks[b]->nins; k++)
            e.userns |= fn->blocks[b]->ins[k].kind == INS_CALL &&
                        fn->blocks[b]->ins[k].call.callee &&
                        makes_userns(&fn->blocks[b]->ins[k].call);
    Arena scratch = {0};
    const bool *child = child_blocks(&scratch, fn);
    for (int b = 0; b < fn->nblocks; b++)
        for (int k = 0; k < fn->blocks[b]->nins; k++) {
            const Ins *ins = &fn->blocks[b]->ins[k];
            if (ins->kind == INS_CALL && ins->call.callee)
                scan_call(a, fn, ins, &e, &seen, child && child[b]);
        }
    note_dropped_calls(a, &scratch, fn, &e);
    arena_free(&scratch);
    for (int i = 0; i < fn->nrefs; i++)
        note_call(a, &e, &seen, fn->refs[i]);
    strmap_free(&seen);
    return e;
}
