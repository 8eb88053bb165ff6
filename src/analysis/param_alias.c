/* param_alias.c - see param_alias.h. A pointer argument is derived from
 * another when it is computed from it (buf + n) or held in a variable the
 * caller sets from it (chp = strchr(buf, '\0'); chp2 = buf2 + (chp - buf)). */
#include "param_alias.h"

#include <string.h>

#include "names_index.h"

typedef struct Alias {
    const char *fn;
    int into, buf;
} Alias;

static _Thread_local struct {
    Arena arena;
    Alias *items;
    int n, cap;
} aliases;

static bool reads_key(const Operand *o, const char *key)
{
    for (int r = 0; r < o->nreads; r++)
        if (!strcmp(o->reads[r], key))
            return true;
    return false;
}

/* Is what instruction ins stores computed from key: an expression reading
 * it, or a call returning a pointer into its argument (strchr(buf, 0))? */
static bool computed_from(const Ins *ins, const char *key)
{
    if (ins->kind == INS_ASSIGN)
        return ins->src.kind != OPND_LVALUE && ins->src.kind != OPND_TEMP &&
               reads_key(&ins->src, key);
    if (!ins->call.callee || !names_points_into_arg(ins->call.callee))
        return false;
    for (int k = 0; k < ins->call.nargs; k++)
        if (reads_key(&ins->call.args[k], key))
            return true;
    return false;
}

/* Does fn store into variable (or temporary) `var` a value computed from
 * key, directly or through the temporary of a call (chp = %1, %1 =
 * strchr(buf, 0))? */
static bool set_from(const Function *fn, const char *var, const char *key, int depth)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (!ins->dst.key || strcmp(ins->dst.key, var))
                continue;
            if (computed_from(ins, key) ||
                (depth == 0 && ins->kind == INS_ASSIGN && ins->src.kind == OPND_TEMP &&
                 set_from(fn, ins->src.key, key, 1)))
                return true;
        }
    return false;
}

static bool derived_from(const Function *fn, const Operand *arg, const char *key)
{
    if (arg->kind == OPND_EXPR)
        return reads_key(arg, key);
    return arg->kind == OPND_LVALUE && strcmp(arg->key, key) && set_from(fn, arg->key, key, 0);
}

static void note(const char *callee, int into, int buf)
{
    if (param_alias_into(callee, into, buf))
        return;
    Alias a = {arena_strdup(&aliases.arena, callee), into, buf};
    ARENA_PUSH(&aliases.arena, aliases.items, aliases.n, aliases.cap, a);
}

static void scan_call(const Function *fn, const Call *c)
{
    for (int i = 0; i < c->nargs; i++) {
        const Operand *buf = &c->args[i];
        if (buf->kind != OPND_LVALUE)
            continue;
        /* (to_pointer is not known for a call of an old-style definition) */
        for (int j = 0; j < c->nargs; j++)
            if (j != i && !c->args[j].to_const && derived_from(fn, &c->args[j], buf->key))
                note(c->callee, j, i);
    }
}

void param_alias_scan_unit(Function *const *fns, int n)
{
    param_alias_release();
    for (int f = 0; f < n; f++)
        for (int b = 0; b < fns[f]->nblocks; b++)
            for (int i = 0; i < fns[f]->blocks[b]->nins; i++) {
                const Ins *ins = &fns[f]->blocks[b]->ins[i];
                if (ins->kind == INS_CALL && ins->call.kind == CALLEE_DEFINED &&
                    ins->call.callee && ins->call.nargs >= 2)
                    scan_call(fns[f], &ins->call);
            }
}

void param_alias_release(void)
{
    arena_free(&aliases.arena);
    aliases.items = NULL;
    aliases.n = aliases.cap = 0;
}

bool param_alias_into(const char *fn, int into, int buf)
{
    for (int i = 0; i < aliases.n; i++)
        if (aliases.items[i].into == into && aliases.items[i].buf == buf &&
            !strcmp(aliases.items[i].fn, fn))
            return true;
    return false;
}
