/* feasible.c - correlated branches make a check->use pair impossible; see
 * feasible.h. */
#include "feasible.h"

#include <string.h>

#include "../util/intset.h"

enum { MAX_VARS = FEAS_MAX_VARS, NVALUES = FEAS_NVALUES };

/* The fallback, when a tracked variable meets more constants than it has
 * room for (values are then numbered by the order the search met them):
 * one search from the entry per check, as it always was. What it reached,
 * per block: entered before the check (REACH_BEFORE), after it
 * (REACH_AFTER). */
enum { REACH_BEFORE = 1, REACH_AFTER = 2 };

typedef struct Search {
    unsigned char *seen;        /* [block][value][after the check] */
    int *work, nwork;
} Search;

static void push(Search *s, int b, int v, int after_check)
{
    int k = (b * NVALUES + v) * 2 + after_check;
    if (s->seen[k])
        return;
    s->seen[k] = 1;
    s->work[s->nwork++] = k;
}

/* Every state reachable from the entry, tracking t: the blocks entered
 * before and after the check, into reach. The states (the function's size
 * times the values) live only as long as the search. */
static void explore(const Function *fn, const Site *check, Tracked *t, unsigned char *reach)
{
    Arena mine = {0};
    int states = fn->nblocks * NVALUES * 2;
    Search s = {ARENA_ARRAY(&mine, unsigned char, states), ARENA_ARRAY(&mine, int, states), 0};
    push(&s, fn->entry, FEAS_UNKNOWN, 0);
    while (s.nwork) {
        int k = s.work[--s.nwork];
        int b = k / 2 / NVALUES, v = k / 2 % NVALUES, on = k % 2;
        const Block *blk = fn->blocks[b];
        reach[b] |= on ? REACH_AFTER : REACH_BEFORE;
        if (b == check->block)
            on = 1;   /* past the check (a walk's callback: checked on entry) */
        v = feasible_run_block(t, blk, v);
        int out2[2];
        feasible_branch_out(blk, t, v, out2);
        for (int e = 0; e < blk->nsucc; e++) {
            int w = feasible_edge_value(out2, v, e);
            if (w >= 0)
                push(&s, blk->succ[e], w, on);
        }
    }
    arena_free(&mine);
}

/* ---- one check ----------------------------------------------------- */

/* The states reachable past the check, tracking one key: searched forward
 * from the check's states (read from the function's search from the
 * entry), only as far as the uses asked about need. */
typedef struct Onward {
    const char *key;            /* NULL: none */
    Tracked *t;                 /* the tracked key and its constants */
    uint64_t at_check;          /* the values on entering the check's block */
    IntSet states, blocks;      /* reached so far */
    int *work, next, nwork, cap;  /* a queue: work[next..nwork) */
    unsigned char *reach;       /* the fallback's answer, or NULL */
} Onward;

struct Feasibility {
    Arena arena;                /* the searches, released at the end */
    const Function *fn;
    const CtrlDeps *cdep;
    FeasibleIndex *index;
    Site check;
    Onward *onward;
    int nonward, cap;
};

static void reach_state(Feasibility *f, Onward *o, int b, int v)
{
    if (!intset_add(&f->arena, &o->states, b * NVALUES + v))
        return;
    intset_add(&f->arena, &o->blocks, b);
    ARENA_PUSH(&f->arena, o->work, o->nwork, o->cap, b * NVALUES + v);
}

/* The successors' states of block b entered with v. */
static void leave(Feasibility *f, Onward *o, int b, int v)
{
    const Block *blk = f->fn->blocks[b];
    Tracked *t = o->t;
    v = feasible_run_block(t, blk, v);
    int out2[2];
    feasible_branch_out(blk, t, v, out2);
    for (int e = 0; e < blk->nsucc; e++) {
        int w = feasible_edge_value(out2, v, e);
        if (w >= 0)
            reach_state(f, o, blk->succ[e], w);
    }
}

static Onward *onward_of(Feasibility *f, const char *key)
{
    for (int i = 0; i < f->nonward; i++)
        if (key ? f->onward[i].key && !strcmp(f->onward[i].key, key) : !f->onward[i].key)
            return &f->onward[i];
    Onward o = {.key = key};
    Tracked *local = ARENA_NEW(&f->arena, Tracked);
    if (key && feasible_entered_at(f->index, key, f->check.block, local, &o.at_check)) {
        o.t = local;
    } else {
        Entered *e = feasible_entered(f->index, key);
        o.t = &e->t;
        o.at_check = e->values[f->check.block];
    }
    ARENA_PUSH(&f->arena, f->onward, f->nonward, f->cap, o);
    Onward *mine = &f->onward[f->nonward - 1];
    if (mine->t->dropped) {
        mine->reach = ARENA_ARRAY(&f->arena, unsigned char, f->fn->nblocks);
        Tracked t = {.key = key};
        explore(f->fn, &f->check, &t, mine->reach);
        return mine;
    }
    for (int v = 0; v < NVALUES; v++)
        if (mine->at_check & ((uint64_t)1 << v))
            leave(f, mine, f->check.block, v);
    return mine;
}

/* Is block b entered on some path past the check? */
static bool onward_reaches(Feasibility *f, Onward *o, int b)
{
    while (!intset_has(&o->blocks, b) && o->next < o->nwork) {
        int k = o->work[o->next++];   /* breadth first: the uses near the check first */
        leave(f, o, k / NVALUES, k % NVALUES);
    }
    return intset_has(&o->blocks, b);
}

/* Is the use reachable from the entry through the check, tracking key?
 * In the use's block, after the check when the path entered it checked,
 * or when the check comes first in that block. */
static bool reachable(Feasibility *f, const Site *use, const char *key)
{
    const Site *check = &f->check;
    if (use->index < 0 || use->index >= f->fn->blocks[use->block]->nins)
        return false;
    Onward *o = onward_of(f, key);
    bool same_block_after = use->block == check->block &&
                            (check->index < 0 || check->index <= use->index);
    if (o->reach) {
        unsigned char r = o->reach[use->block];
        return (r & REACH_AFTER) || ((r & REACH_BEFORE) && same_block_after);
    }
    if (!o->at_check)
        return false;   /* the check itself is never reached */
    return same_block_after || onward_reaches(f, o, use->block);
}

/* The searches are shared by the check's uses, and the search from the
 * entry by every check of the function: one search per tracked variable
 * and function, then forward from each check as far as its uses (a switch
 * of 8,000 cases was 8,000 searches of the whole function; 2,000 if-pairs
 * 2,000 searches each). */
Feasibility *feasible_begin(Arena *a, const Function *fn, const CtrlDeps *cdep,
                            const Site *check)
{
    Feasibility *f = ARENA_NEW(a, Feasibility);
    f->fn = fn;
    f->cdep = cdep;
    f->index = feasible_index(fn);
    f->check = *check;
    return f;
}

bool feasible_pair_infeasible(Feasibility *f, const Site *use)
{
    if (!reachable(f, use, NULL))
        return true;
    const char *const *vars;
    int n = feasible_tested_vars(f->index, f->cdep, use->block, &vars);
    for (int i = 0; i < n; i++)
        if (!reachable(f, use, vars[i]))
            return true;
    return false;
}

void feasible_end(Feasibility *f)
{
    arena_free(&f->arena);
    f->nonward = f->cap = 0;
    f->onward = NULL;
}

/* ---- a use whose name was made the checked one -------------------- */

/* Does the call pass storage `key` on to be written (&key, or the pointer
 * key goes through: f(namep) for "*namep") together with the name
 * `checked` (it may copy one into the other)? */
static bool call_copies_into(const Ins *ins, const char *key, const char *checked)
{
    int n;
    const char *root = ir_key_root(key, &n);
    bool given_name = false, given_key = false;
    for (int i = 0; i < ins->call.nargs; i++) {
        const Operand *arg = &ins->call.args[i];
        given_name |= ir_operand_reads(arg, checked);
        given_key |= arg->kind == OPND_ADDR && arg->key && ir_key_overlaps(arg->key, key);
        for (int r = 0; key[0] == '*' && !arg->to_const && r < arg->nreads; r++)
            given_key |= (int)strlen(arg->reads[r]) == n &&
                          !strncmp(arg->reads[r], root, (size_t)n);
    }
    return given_name && given_key;
}

bool feasible_copy_infeasible(Arena *a, const Function *fn, const CtrlDeps *cdep,
                              const char *checked, const Site *use)
{
    const char *key = use->path->key;
    if (!key || !checked || !strcmp(key, checked) || ir_key_overlaps(key, checked))
        return false;
    int stores = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind == INS_CALL && call_copies_into(ins, key, checked))
                return false;   /* a copy the search cannot see */
            if (ins->kind != INS_ASSIGN || !ins->dst.key || strcmp(ins->dst.key, key))
                continue;
            if (!ir_operand_reads(&ins->src, checked)) {
                if (ins->src.kind == OPND_LVALUE)
                    return false;   /* *namep = copy: a name the search does not follow */
                continue;
            }
            Site store = {b, i, ins, NULL, NULL};
            Feasibility *f = feasible_begin(a, fn, cdep, &store);
            bool never = feasible_pair_infeasible(f, use);
            feasible_end(f);
            if (!never)
                return false;
            stores++;
        }
    return stores > 0;
}
