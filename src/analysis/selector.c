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

/* What a search knows of the selecting value: one of the constants
 * (known, v), any other value (!known), or, with mask, only that its bits
 * under mask are all v (set: mask; clear: 0). */
typedef struct Known {
    bool known;
    long long v;
    long long mask;
} Known;

static bool tests_bits(const Block *blk, const char *key)
{
    const Compare *m = &blk->masked;
    return blk->term == TERM_BRANCH && blk->nsucc == 2 && m->key && !strcmp(m->key, key) &&
           (m->op == CMP_EQ || m->op == CMP_NE);
}

/* Can edge e of blk be taken when key holds what k says? */
static bool edge_open(const Block *blk, const char *key, int e, const Known *what)
{
    if (what->mask) {
        const Compare *m = &blk->masked;
        return !tests_bits(blk, key) || m->mask != what->mask ||
               ir_compare_holds(m->op, what->v & m->mask, m->value) == (e == 0);
    }
    bool known = what->known;
    long long v = what->v;
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

/* Does block `target` run for some path from the entry with key as k
 * says? */
static bool reaches(Arena *a, const Function *fn, const char *key, const Known *k, int target)
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
            if (!seen[s] && edge_open(blk, key, e, k)) {
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
    for (int i = 0; i < as->when_n; i++) {
        long long c = as->when_vals[i];
        Known value = {true, c, 0}, set = {true, c, c}, clear = {true, 0, c};
        if (as->when_bits)
            runs |= (unsigned)reaches(a, fn, key, &set, b) << 2 * i |
                    (unsigned)reaches(a, fn, key, &clear, b) << (2 * i + 1);
        else if (reaches(a, fn, key, &value, b))
            runs |= 1u << i;
    }
    Known other = {false, 0, 0};
    if (!as->when_bits && reaches(a, fn, key, &other, b))
        runs |= 1u << as->when_n;
    return runs;
}

/* The masks `key` is tested with (flags & doCHOWN, (flags & 3) == 0); false
 * when there are none or too many. */
static bool collect_masks(const Function *fn, const char *key, FileFunc *as)
{
    bool full = false;
    as->when_n = 0;
    as->when_bits = true;
    for (int b = 0; b < fn->nblocks; b++)
        if (tests_bits(fn->blocks[b], key) && fn->blocks[b]->masked.mask)
            add_value(as, fn->blocks[b]->masked.mask, &full);
    return as->when_n > 0 && !full;
}

/* Does the parameter at key select whether block b runs, by its value
 * (switch, ==) or its bits? Then sel says how. */
static bool selects(Arena *scratch, const Function *fn, const Var *v, const char *key, int b,
                    FileFunc *sel)
{
    for (int by_bits = 0; by_bits < 2; by_bits++) {
        *sel = (FileFunc){0};
        if (by_bits ? v->pointer || !collect_masks(fn, key, sel) : !collect_values(fn, key, sel))
            continue;
        unsigned all = by_bits ? (1u << 2 * sel->when_n) - 1 : (1u << (sel->when_n + 1)) - 1;
        sel->when_runs = runs_for(scratch, fn, key, sel, b);
        if (sel->when_runs != 0 && sel->when_runs != all)
            return true;   /* else dead code, or it runs whatever the value */
    }
    return false;
}

void selector_of_block(Arena *scratch, const Function *fn, int param, int b, FileFunc *as)
{
    for (int j = 0; j < fn->nparams && j < fn->nvars; j++) {
        const Var *v = &fn->vars[j];
        const char *key = selector_key(scratch, v);
        FileFunc sel;
        if (j == param || changed(fn, v->key, key) || !selects(scratch, fn, v, key, b, &sel))
            continue;
        as->when_arg = j + 1;
        as->when_first_char = v->pointer;
        as->when_bits = sel.when_bits;
        as->when_n = sel.when_n;
        memcpy(as->when_vals, sel.when_vals, sizeof as->when_vals);
        as->when_runs = sel.when_runs;
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
    if (f->when_bits) {   /* unique(.., doFD | doMAILDIR): doCHOWN's branch does not run */
        for (int i = 0; i < f->when_n; i++) {
            long long m = f->when_vals[i];
            int which = (v & m) == m ? 0 : (v & m) == 0 ? 1 : -1;
            if (which >= 0 && !(f->when_runs >> (2 * i + which) & 1u))
                return false;
        }
        return true;
    }
    for (int i = 0; i < f->when_n; i++)
        if (f->when_vals[i] == v)
            return f->when_runs >> i & 1u;
    return f->when_runs >> f->when_n & 1u;
}
