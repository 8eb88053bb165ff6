/* real_ids.c - values that hold the real ids; see real_ids.h. */
#include "real_ids.h"

#include <string.h>

#include "../util/strmap.h"
#include "risk_facts.h"

/* This thread's unit: its globals set from the real ids only (1), or
 * also from anything else (0). */
static _Thread_local StrMap globals;

enum { MAX_DEPTH = 4 };

static bool holds(const Function *fn, const Operand *o, int depth);

/* getuid(), getgid(), or a name that says it (ruid, real_gid). */
static bool named_real(const Function *fn, const Operand *o)
{
    static const char *const names[] = {"getuid", "getgid", "ruid", "rgid", "real_uid",
                                         "real_gid", NULL};
    const char *t = o->text ? o->text : "";
    const char *k = o->key ? o->key : "";
    const char *callee = risk_temp_callee(fn, o->key);
    for (int i = 0; names[i]; i++)
        if (strstr(t, names[i]) || strstr(k, names[i]) || !strcmp(callee, names[i]))
            return true;
    return false;
}

/* Does the value stored by instruction i of block b hold the real id? A
 * variable stored just before in the block is judged by what was stored
 * into it there (screen's own_uid = multi_uid = real_uid, where multi_uid
 * is set to other users elsewhere). */
static bool stored_real(const Function *fn, int b, int i, int depth)
{
    const Ins *ins = &fn->blocks[b]->ins[i];
    if (ins->kind == INS_CALL)
        return ins->call.callee &&
               (!strcmp(ins->call.callee, "getuid") || !strcmp(ins->call.callee, "getgid"));
    for (int k = i - 1; ins->src.kind == OPND_LVALUE && k >= 0; k--) {
        const Ins *before = &fn->blocks[b]->ins[k];
        if (before->dst.key && !strcmp(before->dst.key, ins->src.key))
            return depth <= MAX_DEPTH && stored_real(fn, b, k, depth + 1);
    }
    return holds(fn, &ins->src, depth + 1);
}

/* What every store to `key` in fn stores: 1 real ids only, 0 something
 * else, -1 no store. */
static int stores_real(const Function *fn, const char *key, int depth)
{
    int verdict = -1;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (!ins->dst.key || strcmp(ins->dst.key, key))
                continue;
            if (!stored_real(fn, b, i, depth))
                return 0;
            verdict = 1;
        }
    return verdict;
}

static bool holds(const Function *fn, const Operand *o, int depth)
{
    if (named_real(fn, o))
        return true;
    if (o->kind != OPND_LVALUE || !o->key || depth > MAX_DEPTH)
        return false;
    const Var *v = ir_find_var(fn, o->key);
    if (!v)
        return false;
    if (v->kind == VAR_GLOBAL) {
        int real;
        return strmap_get(&globals, o->key, &real) && real;
    }
    return v->kind != VAR_PARAM && stores_real(fn, o->key, depth) == 1;
}

bool real_ids_holds(const Function *fn, const Operand *o)
{
    return holds(fn, o, 0);
}

/* One pass over the unit's stores to globals, judged with what the last
 * pass knew (a global set from another, own_uid = real_uid, is known on
 * the next); true if a verdict changed. Verdicts only grow: unknown
 * globals start as not real. */
static bool scan_pass(Function *const *fns, int n)
{
    StrMap next = {0};
    for (int f = 0; f < n; f++)
        for (int v = 0; v < fns[f]->nvars; v++) {
            const Var *var = &fns[f]->vars[v];
            int before;
            if (var->kind != VAR_GLOBAL || var->pointer)
                continue;
            int verdict = stores_real(fns[f], var->key, 0);
            if (verdict >= 0)
                strmap_put(&next, var->key,
                           verdict && (!strmap_get(&next, var->key, &before) || before));
        }
    bool changed = next.n != globals.n;
    for (int i = 0; i < next.cap && !changed; i++) {
        int was;
        changed = next.slots[i].key && (!strmap_get(&globals, next.slots[i].key, &was) ||
                                        was != next.slots[i].value);
    }
    strmap_free(&globals);
    globals = next;
    return changed;
}

void real_ids_scan_unit(Function *const *fns, int n)
{
    real_ids_release();
    for (int pass = 0; pass < MAX_DEPTH && scan_pass(fns, n); pass++)
        ;
}

void real_ids_release(void)
{
    strmap_free(&globals);
    globals = (StrMap){0};
}
