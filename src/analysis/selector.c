/* selector.c - see selector.h. For each parameter the function compares
 * with constants (switch cases, `p == C` branches), the blocks reachable
 * from the entry are searched once per constant, and once for "any other
 * value"; a block some of these values cannot reach depends on the
 * parameter. */
#include "selector.h"

#include <stdlib.h>
#include <string.h>

/* The key of the value a parameter selects with: "t" for an integer,
 * "*mode" for a string (switch (*mode)). */
static const char *selector_key(Arena *a, const Var *v)
{
    return v->pointer ? arena_printf(a, "*%s", v->key) : v->key;
}

/* Is the value at `key` (the parameter, or what it points to) changed in
 * the function: the parameter assigned or moved (mode++), its address
 * taken, or a store through it? */
static bool changed(const Function *fn, const char *var, const char *key)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->dst.key && (!strcmp(ins->dst.key, var) || ir_key_overlaps(ins->dst.key, key)))
                return true;
            for (int k = 0; ins->kind == INS_CALL && k < ins->call.nargs; k++) {
                const Operand *o = &ins->call.args[k];
                if (o->kind == OPND_ADDR && o->key && !strcmp(o->key, var))
                    return true;
                if (o->kind == OPND_LVALUE && o->key && !strcmp(o->key, var) && !o->to_const &&
                    o->to_pointer)
                    return true;
            }
        }
    return false;
}

/* The constant of a switch successor's label "case N"; false for
 * "default" or a case whose value was not known ("case ?"). */
static bool case_value(const Block *sw, int e, long long *v)
{
    const char *label = sw->case_labels ? sw->case_labels[e] : NULL;
    if (!label || strncmp(label, "case ", 5) != 0)
        return false;
    char *end;
    *v = strtoll(label + 5, &end, 10);
    return end != label + 5 && !*end;
}

static bool switches_on(const Block *blk, const char *key)
{
    return blk->term == TERM_SWITCH && blk->cond.key && !strcmp(blk->cond.key, key);
}

static bool branches_on(const Block *blk, const char *key)
{
    return blk->term == TERM_BRANCH && blk->nsucc == 2 && blk->cmp.op != CMP_NONE &&
           blk->cmp.key && !strcmp(blk->cmp.key, key);
}

static void add_value(FileFunc *as, long long v, bool *full)
{
    for (int i = 0; i < as->when_n; i++)
        if (as->when_vals[i] == v)
            return;
    if (as->when_n == WHEN_MAX)
        *full = true;
    else
        as->when_vals[as->when_n++] = v;
}

/* The constants `key` is compared with; false when there are none, too
 * many, or a case whose value is not known. */
static bool collect_values(const Function *fn, const char *key, FileFunc *as)
{
    bool full = false;
    as->when_n = 0;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        if (branches_on(blk, key))
            add_value(as, blk->cmp.value, &full);
        for (int e = 0; switches_on(blk, key) && e < blk->nsucc; e++) {
            long long v;
            if (case_value(blk, e, &v))
                add_value(as, v, &full);
            else if (strcmp(blk->case_labels[e], "default") != 0)
                return false;   /* "case ?" */
        }
    }
    return as->when_n > 0 && !full;
}

/* Can edge e of blk be taken when key holds value v (known) or, with
 * known false, a value other than every constant collected? */
static bool edge_open(const Block *blk, const char *key, int e, bool known, long long v)
{
    if (branches_on(blk, key)) {
        const Compare *c = &blk->cmp;
        if (known)
            return ir_compare_holds(c->op, v, c->value) == (e == 0);
        if (c->op == CMP_EQ)
            return e == 1;
        if (c->op == CMP_NE)
            return e == 0;
        return true;
    }
    if (!switches_on(blk, key))
        return true;
    long long cv;
    if (case_value(blk, e, &cv))
        return known && cv == v;
    /* default: taken when no case matches */
    for (int k = 0; known && k < blk->nsucc; k++)
        if (case_value(blk, k, &cv) && cv == v)
            return false;
    return true;
}

/* Does block `target` run for some path from the entry with key at v? */
static bool reaches(Arena *a, const Function *fn, const char *key, bool known, long long v,
                    int target)
{
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    work[n++] = fn->entry;
    seen[fn->entry] = true;
    while (n) {
        int b = work[--n];
        if (b == target)
            return true;
        const Block *blk = fn->blocks[b];
        for (int e = 0; e < blk->nsucc; e++) {
            int s = blk->succ[e];
            if (!seen[s] && edge_open(blk, key, e, known, v)) {
                seen[s] = true;
                work[n++] = s;
            }
        }
    }
    return false;
}

/* The values of key (the collected constants, then any other) that let b
 * run, as when_runs bits. */
static unsigned runs_for(Arena *a, const Function *fn, const char *key, const FileFunc *as, int b)
{
    unsigned runs = 0;
    for (int i = 0; i < as->when_n; i++)
        if (reaches(a, fn, key, true, as->when_vals[i], b))
            runs |= 1u << i;
    if (reaches(a, fn, key, false, 0, b))
        runs |= 1u << as->when_n;
    return runs;
}

void selector_of_block(Arena *scratch, const Function *fn, int param, int b, FileFunc *as)
{
    for (int j = 0; j < fn->nparams && j < fn->nvars; j++) {
        const Var *v = &fn->vars[j];
        const char *key = selector_key(scratch, v);
        FileFunc sel = {0};
        if (j == param || !collect_values(fn, key, &sel) || changed(fn, v->key, key))
            continue;
        unsigned all = (1u << (sel.when_n + 1)) - 1;
        unsigned runs = runs_for(scratch, fn, key, &sel, b);
        if (runs == 0 || runs == all)
            continue;   /* dead code, or it runs whatever the value */
        as->when_arg = j + 1;
        as->when_first_char = v->pointer;
        as->when_n = sel.when_n;
        memcpy(as->when_vals, sel.when_vals, sizeof as->when_vals);
        as->when_runs = runs;
        return;
    }
}

/* The constant a call passes as the selecting argument: an integer, or
 * the first character of a string literal (key "\"r\""). */
static bool passed_constant(const Operand *o, bool first_char, long long *v)
{
    if (!first_char) {
        *v = o->ival;
        return o->has_ival;
    }
    if (o->kind != OPND_STRING || !o->key || o->key[0] != '"' || o->key[1] == '\\')
        return false;
    *v = o->key[1] == '"' && !o->key[2] ? 0 : (long long)(signed char)o->key[1];
    return true;
}

bool selector_runs(const Ins *ins, const FileFunc *f)
{
    int k = f->when_arg - 1;
    long long v;
    if (k < 0 || k >= ins->call.nargs || !passed_constant(&ins->call.args[k], f->when_first_char, &v))
        return true;
    for (int i = 0; i < f->when_n; i++)
        if (f->when_vals[i] == v)
            return f->when_runs >> i & 1u;
    return f->when_runs >> f->when_n & 1u;
}
