/* decisions.c - decisions kept in variables set in a branch over a check;
 * see decisions.h. */
#include "decisions.h"

#include <string.h>

#include "names.h"
#include "../util/intset.h"

enum { MAX_ROUNDS = 3 };

/* reach[b]: block b runs after the check (its own block from the check on). */
static bool *reached(Arena *a, const Function *fn, const Site *check)
{
    bool *reach = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    work[n++] = check->block;
    while (n) {
        const Block *blk = fn->blocks[work[--n]];
        for (int s = 0; s < blk->nsucc; s++)
            if (!reach[blk->succ[s]]) {
                reach[blk->succ[s]] = true;
                work[n++] = blk->succ[s];
            }
    }
    return reach;
}

/* `x |= BIT`: x OR'ed with constants only, unlike a counter (x += 1). */
static bool sets_bits(const Ins *ins)
{
    const Operand *src = &ins->src;
    return src->kind == OPND_EXPR && src->bits_set && src->bits_var &&
           !strcmp(src->bits_var, ins->dst.key);
}

/* A value that says only "this branch ran": a constant, a string, another
 * variable (pick = i), a bit set (rights |= CAN_WRITE). A call's result
 * (rc = fchown(...)) says something about that call instead. */
static bool is_marker(const Ins *ins)
{
    const Operand *src = &ins->src;
    if (ins->kind != INS_ASSIGN || (ins->dst.kind != OPND_LVALUE && ins->dst.kind != OPND_TEMP))
        return false;
    if (sets_bits(ins))
        return true;
    return !ir_operand_reads(src, ins->dst.key) &&
           (src->kind == OPND_INT || src->kind == OPND_STRING || src->kind == OPND_LVALUE ||
            src->kind == OPND_ADDR || (src->kind == OPND_EXPR && src->has_ival));
}

static bool reads_flag(const Operand *o, const NameSet *flags)
{
    for (int k = 0; k < flags->n; k++)
        if (ir_operand_reads(o, flags->keys[k]))
            return true;
    return false;
}

/* Values computed from a flag carry it (rights = t | CAN_READ). */
static void carry_flags(Arena *a, const Function *fn, const bool *reach, NameSet *flags)
{
    for (bool grew = true; grew;) {
        grew = false;
        for (int b = 0; b < fn->nblocks; b++)
            for (int i = 0; reach[b] && i < fn->blocks[b]->nins; i++) {
                const Ins *ins = &fn->blocks[b]->ins[i];
                if (ins->kind == INS_ASSIGN && ins->dst.key && reads_flag(&ins->src, flags))
                    grew |= nameset_add(a, flags, ins->dst.key);
            }
    }
}

enum { MAX_SETTINGS = 4 };

/* Is key assigned in more places than a decision needs (its start value
 * and a value or two per outcome)? An error accumulator (hasErrors = 1
 * after each failed step, then `if (!hasErrors)` before the next) records
 * many decisions and none in particular. */
static bool set_in_many_places(const Function *fn, const char *key)
{
    int n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->dst.key && ins->dst.kind == OPND_LVALUE && !strcmp(ins->dst.key, key) &&
                ++n > MAX_SETTINGS)
                return true;
        }
    return false;
}

/* Variables given a marker in the blocks the guards decide. */
static void collect_flags(Arena *a, const Function *fn, const DomTree *dom, const CtrlDeps *cd,
                          const Site *check, const bool *reach, Guards *guards, NameSet *flags)
{
    const BlockSet *decided = flow_decided(a, fn, dom, cd, guards);
    NameSet many = {0};   /* keys found set in many places, asked once */
    for (int b = 0; b < fn->nblocks; b++) {
        bool after = reach[b] || b == check->block;
        if (!after || !flow_decided_has(decided, b))
            continue;
        const Block *blk = fn->blocks[b];
        int from = b == check->block && !reach[b] ? check->index + 1 : 0;
        for (int i = from; i < blk->nins; i++) {
            const char *key = blk->ins[i].dst.key;
            if (!is_marker(&blk->ins[i]) || nameset_has(flags, key) || nameset_has(&many, key))
                continue;
            nameset_add(a, set_in_many_places(fn, key) ? &many : flags, key);
        }
    }
    carry_flags(a, fn, reach, flags);
}

static bool assigns(const Block *blk, int from, const char *key)
{
    for (int i = from; i < blk->nins; i++)
        if (blk->ins[i].dst.key && !strcmp(blk->ins[i].dst.key, key))
            return true;
    return false;
}

/* Is key given one same constant (or OR'ed the same bits) in every
 * assignment after the check, and on every path from the check to block
 * `test`? Then its value there says nothing of the outcome (seen = 1 on
 * both branches). */
static bool fixed_at(Arena *a, const Function *fn, const Site *check, const bool *reach,
                     const char *key, int test)
{
    bool have = false, bits = false;
    long long value = 0;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        int from = b == check->block && !reach[b] ? check->index + 1 : 0;
        for (int i = from; (reach[b] || b == check->block) && i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (!ins->dst.key || strcmp(ins->dst.key, key))
                continue;
            bool is_bits = sets_bits(ins);   /* the same bits OR'ed in (seen |= 1) */
            long long v = is_bits ? ins->src.bits_set : ins->src.ival;
            if ((!is_bits && ins->src.kind != OPND_INT) || (have && (v != value || is_bits != bits)))
                return false;
            have = true;
            bits = is_bits;
            value = v;
        }
    }
    if (!have || assigns(fn->blocks[check->block], check->index + 1, key))
        return have;
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    const Block *start = fn->blocks[check->block];
    for (int s = 0; s < start->nsucc; s++)
        if (!seen[start->succ[s]]) {
            seen[start->succ[s]] = true;
            work[n++] = start->succ[s];
        }
    while (n) {
        int b = work[--n];
        const Block *blk = fn->blocks[b];
        if (assigns(blk, 0, key))
            continue;
        if (b == test)
            return false;
        for (int s = 0; s < blk->nsucc; s++)
            if (!seen[blk->succ[s]]) {
                seen[blk->succ[s]] = true;
                work[n++] = blk->succ[s];
            }
    }
    return true;
}

/* Does the branch at block b read a flag whose value there depends on the
 * check's outcome? */
static bool tests_decision(Arena *a, const Function *fn, const Site *check, const bool *reach,
                           const NameSet *flags, int b)
{
    const Operand *cond = &fn->blocks[b]->cond;
    for (int k = 0; k < flags->n; k++)
        if (ir_operand_reads(cond, flags->keys[k]) &&
            !fixed_at(a, fn, check, reach, flags->keys[k], b))
            return true;
    return false;
}

/* The blocks run after the check, searched forward from it only as far as
 * asked (a check's decided blocks are mostly right after it). */
typedef struct Onward {
    Arena *a;
    const Function *fn;
    IntSet seen;
    int *work, next, nwork, cap;   /* a queue: work[next..nwork) */
} Onward;

static void onward_add(Onward *o, int b)
{
    if (intset_add(o->a, &o->seen, b))
        ARENA_PUSH(o->a, o->work, o->nwork, o->cap, b);
}

static bool onward_reaches(Onward *o, int b)
{
    while (!intset_has(&o->seen, b) && o->next < o->nwork) {
        const Block *blk = o->fn->blocks[o->work[o->next++]];   /* breadth first */
        for (int s = 0; s < blk->nsucc; s++)
            onward_add(o, blk->succ[s]);
    }
    return intset_has(&o->seen, b);
}

/* Is any variable given a marker after the check in a block the guards
 * decide? Most checks decide no such block: then there is no flag to
 * follow, and no need to sweep the function for one. */
static bool marks_decided(Arena *a, const Function *fn, const DomTree *dom, const CtrlDeps *cd,
                          const Site *check, Guards *guards)
{
    const BlockSet *decided = flow_decided(a, fn, dom, cd, guards);
    Onward o = {a, fn, {0}, NULL, 0, 0, 0};
    const Block *start = fn->blocks[check->block];
    for (int s = 0; s < start->nsucc; s++)
        onward_add(&o, start->succ[s]);
    for (int k = 0; k < decided->n; k++) {
        int b = decided->blocks[k];
        bool again = onward_reaches(&o, b);   /* after the check, or the check's block again */
        if (!again && b != check->block)
            continue;
        const Block *blk = fn->blocks[b];
        for (int i = b == check->block && !again ? check->index + 1 : 0; i < blk->nins; i++)
            if (is_marker(&blk->ins[i]))
                return true;
    }
    return false;
}

void decisions_add_flags(Arena *a, const Function *fn, const DomTree *dom, const CtrlDeps *cd,
                         const Site *check, Guards *guards)
{
    if (!marks_decided(a, fn, dom, cd, check, guards))
        return;
    bool *reach = reached(a, fn, check);
    bool *is_guard = ARENA_ARRAY(a, bool, fn->nblocks);
    for (int k = 0; k < guards->n; k++)
        is_guard[guards->blocks[k]] = true;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        NameSet flags = {0};
        collect_flags(a, fn, dom, cd, check, reach, guards, &flags);
        bool grew = false;
        for (int b = 0; flags.n && b < fn->nblocks; b++) {
            const Block *blk = fn->blocks[b];
            if (!reach[b] || is_guard[b] || (blk->term != TERM_BRANCH && blk->term != TERM_SWITCH) ||
                !tests_decision(a, fn, check, reach, &flags, b))
                continue;
            grew = is_guard[b] = true;
            ARENA_PUSH(a, guards->blocks, guards->n, guards->cap, b);
            guards->decided = NULL;   /* asked again with the new guards */
        }
        if (!grew)
            return;
    }
}
