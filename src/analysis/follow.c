/* follow.c - a forward may-dataflow over the keys holding a handle; see
 * follow.h. Sets are tiny (fd, a copy, fileno(f)), so plain arrays. */
#include "follow.h"
#include "../util/keyset.h"

#include <string.h>

static bool holds(const KeySet *s, const Operand *o)
{
    if ((o->kind == OPND_LVALUE || o->kind == OPND_TEMP) && keyset_has(s, o->key))
        return true;
    for (int i = 0; i < o->nreads; i++)
        if (keyset_has(s, o->reads[i]))
            return true;
    return false;
}

typedef struct Search {
    Arena *a;
    const Function *fn;
    KeySet *in;
    bool *queued;
    int *work;
    int nwork;
    Follow out;
    int max, cap;
} Search;

/* Storage outside the function's own locals: a global, a parameter's
 * pointee, anything reached through a pointer. */
static bool outside(const Function *fn, const char *key)
{
    if (key[0] == '*' || strstr(key, "->"))
        return true;
    const Var *v = ir_find_var(fn, key);
    return !v || v->kind == VAR_GLOBAL || v->kind == VAR_STATIC_LOCAL;
}

static void record(Search *s, int b, int i, const Ins *ins, int arg)
{
    for (int k = 0; k < s->out.n; k++)
        if (s->out.calls[k].ins == ins)
            return;
    if (s->out.n < s->max)
        ARENA_PUSH(s->a, s->out.calls, s->out.n, s->cap, ((Handoff){b, i, ins, arg}));
}

static bool derives(const Call *c)
{
    static const char *const names[] = {"fileno", "_fileno", "dup", "fdopen", NULL};
    if (!c->callee || c->kind != CALLEE_EXTERNAL)
        return false;
    for (int i = 0; names[i]; i++)
        if (!strcmp(c->callee, names[i]))
            return true;
    return false;
}

static void step(Search *s, int b, int i, KeySet *keys)
{
    const Ins *ins = &s->fn->blocks[b]->ins[i];
    bool from_handle = false;
    if (ins->kind == INS_ASSIGN) {
        from_handle = holds(keys, &ins->src);
    } else {
        for (int k = 0; k < ins->call.nargs; k++)
            if (holds(keys, &ins->call.args[k])) {
                record(s, b, i, ins, k);
                if (ins->call.kind != CALLEE_EXTERNAL)
                    s->out.escapes = true;
                from_handle |= derives(&ins->call);
            }
    }
    if (ins->dst.kind == OPND_NONE || !ins->dst.key)
        return;
    if (!from_handle) {
        keyset_remove(keys, ins->dst.key);
        return;
    }
    if (ins->dst.kind == OPND_LVALUE && outside(s->fn, ins->dst.key))
        s->out.escapes = true;
    else
        keyset_add(s->a, keys, ins->dst.key);
}

/* return fd (casts are no expressions); not return fd >= 0. */
static bool returns_handle(const KeySet *s, const Operand *o)
{
    return (o->kind == OPND_LVALUE || o->kind == OPND_TEMP) && keyset_has(s, o->key);
}

static void run_block(Search *s, int b, int from, KeySet *keys)
{
    const Block *blk = s->fn->blocks[b];
    for (int i = from; i < blk->nins && keys->n; i++)
        step(s, b, i, keys);
    if (blk->term == TERM_RETURN && returns_handle(keys, &blk->cond))
        s->out.escapes = true;
    for (int k = 0; k < blk->nsucc && keys->n; k++) {
        int succ = blk->succ[k];
        bool grew = false;
        for (int i = 0; i < keys->n; i++)
            grew |= keyset_add(s->a, &s->in[succ], keys->keys[i]);
        if (grew && !s->queued[succ]) {
            s->queued[succ] = true;
            s->work[s->nwork++] = succ;
        }
    }
}

Follow follow_handle(Arena *a, const Function *fn, int block, int index, int max)
{
    int n = fn->nblocks;
    Search s = {a, fn, ARENA_ARRAY(a, KeySet, n), ARENA_ARRAY(a, bool, n), ARENA_ARRAY(a, int, n),
                0, {NULL, 0, false}, max, 0};
    const Ins *call = &fn->blocks[block]->ins[index];
    if (call->dst.kind == OPND_NONE || !call->dst.key)
        return s.out;
    KeySet start = {0};
    if (call->dst.kind == OPND_LVALUE && outside(fn, call->dst.key))
        s.out.escapes = true;
    keyset_add(a, &start, call->dst.key);
    run_block(&s, block, index + 1, &start);
    while (s.nwork) {
        int b = s.work[--s.nwork];
        s.queued[b] = false;
        KeySet keys = {0};
        for (int i = 0; i < s.in[b].n; i++)
            keyset_add(a, &keys, s.in[b].keys[i]);
        run_block(&s, b, 0, &keys);
    }
    return s.out;
}
