/* ir.c - builders and access-path helpers for the IR; see ir.h. */
#include "ir.h"

#include <string.h>

Function *ir_function_new(Arena *a, const char *name, SrcLoc loc)
{
    static _Atomic unsigned long next_serial = 1;
    Function *fn = ARENA_NEW(a, Function);
    fn->serial = next_serial++;
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
            /* blocks are visited in order, so a repeated edge i -> t finds
             * i last in t's list (a scan of the list was quadratic in a
             * switch's end block) */
            Block *t = fn->blocks[b->succ[s]];
            if (!t->npred || t->pred[t->npred - 1] != i)
                ARENA_PUSH(a, t->pred, t->npred, t->cap_pred, i);
        }
    }
}

void ir_mark_reaching(const Function *fn, unsigned char *mark, int *work, int n)
{
    while (n) {
        const Block *blk = fn->blocks[work[--n]];
        for (int i = 0; i < blk->npred; i++)
            if (!mark[blk->pred[i]]) {
                mark[blk->pred[i]] = 1;
                work[n++] = blk->pred[i];
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

/* Length of the next component of an access path: ".f", "->f" or "[i]"
 * (brackets balanced, as indexes may be paths themselves). */
static size_t component_len(const char *p)
{
    if (*p == '[') {
        int depth = 0;
        size_t n = 0;
        do {
            depth += p[n] == '[' ? 1 : p[n] == ']' ? -1 : 0;
            n++;
        } while (p[n] && depth > 0);
        return n;
    }
    size_t start = *p == '-' ? 2 : 1;   /* "->" or "." */
    return start + strcspn(p + start, ".-[");
}

static bool is_constant_index(const char *c, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++)
        if (c[i] < '0' || c[i] > '9')
            return false;
    return n > 2;
}

/* May two components name the same storage?  Equal text, or two indexes
 * of which one is not a constant (a[i] may be a[3]). */
static bool components_may_alias(const char *a, size_t na, const char *b, size_t nb)
{
    if (na == nb && !strncmp(a, b, na))
        return true;
    return a[0] == '[' && b[0] == '[' &&
           (!is_constant_index(a, na) || !is_constant_index(b, nb));
}

bool ir_key_overlaps(const char *written, const char *path)
{
    /* "*p" writes through p: it changes what "p" names, and vice versa. */
    while (*written == '*')
        written++;
    while (*path == '*')
        path++;
    int rw, rp;
    ir_key_root(written, &rw);
    ir_key_root(path, &rp);
    if (rw != rp || strncmp(written, path, (size_t)rw) != 0)
        return false;
    const char *w = written + rw, *p = path + rp;
    while (*w && *p) {   /* one is a prefix of the other, component-wise */
        size_t nw = component_len(w), np = component_len(p);
        if (!components_may_alias(w, nw, p, np))
            return false;
        w += nw;
        p += np;
    }
    return true;
}

bool ir_key_index_uses(const char *written, const char *path)
{
    for (const char *b = strchr(path, '['); b; b = strchr(b + 1, '[')) {
        size_t n = component_len(b);
        char inner[256];
        if (n < 3 || n - 2 >= sizeof inner)
            continue;
        memcpy(inner, b + 1, n - 2);
        inner[n - 2] = '\0';
        if (inner[0] != '"' && !is_constant_index(b, n) && ir_key_overlaps(written, inner))
            return true;
    }
    return false;
}

bool ir_operand_reads(const Operand *o, const char *key)
{
    for (int i = 0; i < o->nreads; i++)
        if (!strcmp(o->reads[i], key))
            return true;
    return false;
}

bool ir_operand_touches(const Operand *o, const char *key)
{
    if ((o->kind == OPND_LVALUE || o->kind == OPND_ADDR) && o->key && ir_key_overlaps(key, o->key))
        return true;
    for (int r = 0; r < o->nreads; r++)
        if (ir_key_overlaps(key, o->reads[r]))
            return true;
    return false;
}

bool ir_compare_holds(CompareOp op, long long x, long long c)
{
    switch (op) {
    case CMP_EQ: return x == c;
    case CMP_NE: return x != c;
    case CMP_LT: return x < c;
    case CMP_LE: return x <= c;
    case CMP_GT: return x > c;
    case CMP_GE: return x >= c;
    case CMP_NONE: break;
    }
    return true;
}
