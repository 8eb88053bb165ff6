/* ir.c - builders and access-path helpers for the IR; see ir.h. */
#include "ir.h"

#include <string.h>

Function *ir_function_new(Arena *a, const char *name, SrcLoc loc)
{
    Function *fn = ARENA_NEW(a, Function);
    fn->name = arena_strdup(a, name);
    fn->loc = loc;
    fn->entry = ir_block_new(a, fn, "entry");
    fn->exit = ir_block_new(a, fn, "exit");
    fn->blocks[fn->exit]->term = TERM_EXIT;
    return fn;
}

int ir_block_new(Arena *a, Function *fn, const char *label)
{
    Block *b = ARENA_NEW(a, Block);
    b->id = fn->nblocks;
    b->label = label;
    b->term = TERM_GOTO;
    ARENA_PUSH(a, fn->blocks, fn->nblocks, fn->cap_blocks, b);
    return b->id;
}

Ins *ir_append(Arena *a, Function *fn, int block, InsKind kind, SrcLoc loc)
{
    Block *b = fn->blocks[block];
    Ins zero = {0};
    ARENA_PUSH(a, b->ins, b->nins, b->cap_ins, zero);
    Ins *ins = &b->ins[b->nins - 1];
    ins->kind = kind;
    ins->loc = loc;
    return ins;
}

void ir_add_succ(Arena *a, Function *fn, int from, int to)
{
    Block *b = fn->blocks[from];
    ARENA_PUSH(a, b->succ, b->nsucc, b->cap_succ, to);
}

void ir_compute_preds(Arena *a, Function *fn)
{
    for (int i = 0; i < fn->nblocks; i++)
        fn->blocks[i]->npred = 0;
    for (int i = 0; i < fn->nblocks; i++) {
        Block *b = fn->blocks[i];
        for (int s = 0; s < b->nsucc; s++) {
            Block *t = fn->blocks[b->succ[s]];
            bool seen = false;
            for (int p = 0; p < t->npred; p++)
                seen |= t->pred[p] == i;
            if (!seen)
                ARENA_PUSH(a, t->pred, t->npred, t->cap_pred, i);
        }
    }
}

const char *ir_new_temp(Arena *a, Function *fn)
{
    return arena_printf(a, "%%%d", ++fn->ntemps);
}

const Var *ir_find_var(const Function *fn, const char *key)
{
    int n;
    key = ir_key_root(key, &n);
    for (int i = 0; i < fn->nvars; i++)
        if ((int)strlen(fn->vars[i].key) == n && !strncmp(fn->vars[i].key, key, (size_t)n))
            return &fn->vars[i];
    return NULL;
}

const char *ir_key_root(const char *key, int *len)
{
    if (key[0] == '"') {
        *len = (int)strlen(key);
        return key;
    }
    while (*key == '*')
        key++;
    *len = (int)strcspn(key, ".-[");
    return key;
}

static bool is_boundary(char c)
{
    return c == '\0' || c == '.' || c == '[' || c == '-';
}

bool ir_key_overlaps(const char *written, const char *path)
{
    /* "*p" writes through p: it changes what "p" names, and vice versa. */
    while (*written == '*')
        written++;
    while (*path == '*')
        path++;
    size_t lw = strlen(written), lp = strlen(path);
    size_t n = lw < lp ? lw : lp;
    if (strncmp(written, path, n) != 0) {
        /* An unknown index "[*]" overlaps any index at the same place. */
        const char *sw = strstr(written, "[*]"), *sp = strstr(path, "[");
        if (sw && sp && sw - written == sp - path && !strncmp(written, path, (size_t)(sw - written)))
            return true;
        return false;
    }
    return is_boundary(written[n]) && is_boundary(path[n]);
}

bool ir_operand_reads(const Operand *o, const char *key)
{
    for (int i = 0; i < o->nreads; i++)
        if (!strcmp(o->reads[i], key))
            return true;
    return false;
}
