/* ir_io.c - see ir_io.h. Every field of every IR structure is written, in
 * declaration order; reading builds the same graph. */
#include "ir_io.h"

#include <limits.h>
#include <string.h>

enum { MAX_COUNT = INT_MAX / 64 };

/* A field added to the IR must be written and read here too, or a unit
 * analysed from its copy silently loses it: these sizes (x86-64) fail the
 * build until this file is updated. */
#if defined(__x86_64__) && defined(__LP64__)
_Static_assert(sizeof(Operand) == 120 && sizeof(Call) == 32 && sizeof(Ins) == 296 &&
                   sizeof(Block) == 280 && sizeof(Var) == 24 && sizeof(Function) == 112 &&
                   sizeof(SrcLoc) == 16 && sizeof(Compare) == 32,
               "an IR structure changed: write and read its new fields in ir_io.c");
#endif

static void put_loc(BlobWriter *w, SrcLoc l)
{
    blob_put_str(w, l.file);
    blob_put_int(w, l.line);
    blob_put_int(w, l.col);
}

static SrcLoc get_loc(BlobReader *r)
{
    SrcLoc l;
    l.file = blob_str(r);
    l.line = (unsigned)blob_int(r);
    l.col = (unsigned)blob_int(r);
    return l;
}

static void put_operand(BlobWriter *w, const Operand *o)
{
    blob_put_int(w, o->kind);
    blob_put_str(w, o->key);
    blob_put_int(w, o->ival);
    blob_put_int(w, o->has_ival | o->to_const << 1 | o->to_pointer << 2 | o->or_safe << 3 |
                    o->to_message << 4);
    blob_put_int(w, o->nreads);
    for (int i = 0; i < o->nreads; i++)
        blob_put_str(w, o->reads[i]);
    blob_put_str(w, o->text);
    put_loc(w, o->loc);
    put_loc(w, o->end);
    blob_put_int(w, o->bits_set);
    blob_put_str(w, o->bits_var);
}

static void get_operand(BlobReader *r, Operand *o)
{
    o->kind = (OperandKind)blob_int(r);
    o->key = blob_str(r);
    o->ival = blob_int(r);
    long long flags = blob_int(r);
    o->has_ival = flags & 1;
    o->to_const = flags & 2;
    o->to_pointer = flags & 4;
    o->or_safe = flags & 8;
    o->to_message = flags & 16;
    o->nreads = blob_count(r, MAX_COUNT);
    o->reads = o->nreads ? ARENA_ARRAY(r->a, const char *, o->nreads) : NULL;
    for (int i = 0; i < o->nreads; i++)
        o->reads[i] = blob_str(r);
    o->text = blob_str(r);
    o->loc = get_loc(r);
    o->end = get_loc(r);
    o->bits_set = blob_int(r);
    o->bits_var = blob_str(r);
}

static void put_ins(BlobWriter *w, const Ins *in)
{
    blob_put_int(w, in->kind);
    put_loc(w, in->loc);
    put_operand(w, &in->dst);
    put_operand(w, &in->src);
    const Call *c = &in->call;
    blob_put_str(w, c->callee);
    blob_put_int(w, c->kind);
    blob_put_int(w, c->noreturn | c->libc << 1 | c->chosen << 2);
    blob_put_int(w, c->nargs);
    for (int i = 0; i < c->nargs; i++)
        put_operand(w, &c->args[i]);
}

static void get_ins(BlobReader *r, Ins *in)
{
    in->kind = (InsKind)blob_int(r);
    in->loc = get_loc(r);
    get_operand(r, &in->dst);
    get_operand(r, &in->src);
    Call *c = &in->call;
    c->callee = blob_str(r);
    c->kind = (CalleeKind)blob_int(r);
    long long flags = blob_int(r);
    c->noreturn = flags & 1;
    c->libc = flags & 2;
    c->chosen = flags & 4;
    c->nargs = blob_count(r, MAX_COUNT);
    c->args = c->nargs ? ARENA_ARRAY(r->a, Operand, c->nargs) : NULL;
    for (int i = 0; i < c->nargs; i++)
        get_operand(r, &c->args[i]);
}

static void put_ints(BlobWriter *w, const int *v, int n)
{
    blob_put_int(w, n);
    for (int i = 0; i < n; i++)
        blob_put_int(w, v[i]);
}

/* An int array of the count read, its capacity the same. */
static int *get_ints(BlobReader *r, int *n, int *cap)
{
    *n = *cap = blob_count(r, MAX_COUNT);
    int *v = *n ? ARENA_ARRAY(r->a, int, *n) : NULL;
    for (int i = 0; i < *n; i++)
        v[i] = (int)blob_int(r);
    return v;
}

static void put_block(BlobWriter *w, const Block *b)
{
    blob_put_int(w, b->id);
    blob_put_str(w, b->label);
    blob_put_int(w, b->nins);
    for (int i = 0; i < b->nins; i++)
        put_ins(w, &b->ins[i]);
    blob_put_int(w, b->term);
    put_operand(w, &b->cond);
    blob_put_int(w, b->cmp.op);
    blob_put_str(w, b->cmp.key);
    blob_put_int(w, b->cmp.value);
    blob_put_int(w, b->masked.op);
    blob_put_str(w, b->masked.key);
    blob_put_int(w, b->masked.value);
    blob_put_int(w, b->masked.mask);
    put_loc(w, b->term_loc);
    put_ints(w, b->succ, b->nsucc);
    blob_put_int(w, b->case_labels != NULL);
    for (int i = 0; b->case_labels && i < b->nsucc; i++)
        blob_put_str(w, b->case_labels[i]);
    put_ints(w, b->pred, b->npred);
}

static Block *get_block(BlobReader *r)
{
    Block *b = ARENA_NEW(r->a, Block);
    b->id = (int)blob_int(r);
    b->label = blob_str(r);
    b->nins = b->cap_ins = blob_count(r, MAX_COUNT);
    b->ins = b->nins ? ARENA_ARRAY(r->a, Ins, b->nins) : NULL;
    for (int i = 0; i < b->nins; i++)
        get_ins(r, &b->ins[i]);
    b->term = (TermKind)blob_int(r);
    get_operand(r, &b->cond);
    b->cmp.op = (CompareOp)blob_int(r);
    b->cmp.key = blob_str(r);
    b->cmp.value = blob_int(r);
    b->masked.op = (CompareOp)blob_int(r);
    b->masked.key = blob_str(r);
    b->masked.value = blob_int(r);
    b->masked.mask = blob_int(r);
    b->term_loc = get_loc(r);
    b->succ = get_ints(r, &b->nsucc, &b->cap_succ);
    if (blob_int(r)) {
        b->case_labels = ARENA_ARRAY(r->a, const char *, b->nsucc + 1);
        for (int i = 0; i < b->nsucc; i++)
            b->case_labels[i] = blob_str(r);
    }
    b->pred = get_ints(r, &b->npred, &b->cap_pred);
    return b;
}

static void put_function(BlobWriter *w, const Function *fn)
{
    blob_put_str(w, fn->name);
    put_loc(w, fn->loc);
    blob_put_int(w, fn->nblocks);
    for (int i = 0; i < fn->nblocks; i++)
        put_block(w, fn->blocks[i]);
    blob_put_int(w, fn->entry);
    blob_put_int(w, fn->exit);
    blob_put_int(w, fn->nvars);
    for (int i = 0; i < fn->nvars; i++) {
        blob_put_str(w, fn->vars[i].key);
        blob_put_int(w, fn->vars[i].kind);
        blob_put_int(w, fn->vars[i].pointer);
        blob_put_str(w, fn->vars[i].record);
    }
    blob_put_int(w, fn->nparams);
    blob_put_int(w, fn->exported);
    blob_put_int(w, fn->ntemps);
    blob_put_str(w, fn->incomplete);
    blob_put_int(w, fn->nrefs);
    for (int i = 0; i < fn->nrefs; i++)
        blob_put_str(w, fn->refs[i]);
}

static Function *get_function(BlobReader *r)
{
    Function *fn = ARENA_NEW(r->a, Function);
    fn->name = blob_str(r);
    fn->loc = get_loc(r);
    fn->nblocks = fn->cap_blocks = blob_count(r, MAX_COUNT);
    fn->blocks = ARENA_ARRAY(r->a, Block *, fn->nblocks + 1);
    for (int i = 0; i < fn->nblocks && blob_ok(r); i++)
        fn->blocks[i] = get_block(r);
    fn->entry = (int)blob_int(r);
    fn->exit = (int)blob_int(r);
    fn->nvars = fn->cap_vars = blob_count(r, MAX_COUNT);
    fn->vars = ARENA_ARRAY(r->a, Var, fn->nvars + 1);
    for (int i = 0; i < fn->nvars; i++) {
        fn->vars[i].key = blob_str(r);
        fn->vars[i].kind = (VarKind)blob_int(r);
        fn->vars[i].pointer = blob_int(r) != 0;
        fn->vars[i].record = blob_str(r);
    }
    fn->nparams = (int)blob_int(r);
    fn->exported = blob_int(r) != 0;
    fn->ntemps = (int)blob_int(r);
    fn->incomplete = blob_str(r);
    fn->nrefs = fn->cap_refs = blob_count(r, MAX_COUNT);
    fn->refs = ARENA_ARRAY(r->a, const char *, fn->nrefs + 1);
    for (int i = 0; i < fn->nrefs; i++)
        fn->refs[i] = blob_str(r);
    return fn;
}

void ir_write(BlobWriter *w, Function *const *fns, int n)
{
    blob_put_int(w, n);
    for (int i = 0; i < n; i++)
        put_function(w, fns[i]);
}

/* Block ids index blocks[] and every successor and predecessor names one:
 * what the analyses rely on without checking. */
static bool consistent(const Function *fn)
{
    for (int i = 0; i < fn->nblocks; i++) {
        const Block *b = fn->blocks[i];
        if (b->id != i)
            return false;
        for (int k = 0; k < b->nsucc; k++)
            if (b->succ[k] < 0 || b->succ[k] >= fn->nblocks)
                return false;
        for (int k = 0; k < b->npred; k++)
            if (b->pred[k] < 0 || b->pred[k] >= fn->nblocks)
                return false;
    }
    return fn->entry >= 0 && fn->entry < fn->nblocks && fn->exit >= 0 &&
           fn->exit < fn->nblocks && fn->nparams >= 0 && fn->nparams <= fn->nvars;
}

Function **ir_read(BlobReader *r, int *n)
{
    *n = blob_count(r, MAX_COUNT);
    Function **fns = ARENA_ARRAY(r->a, Function *, *n + 1);
    for (int i = 0; i < *n && blob_ok(r); i++) {
        fns[i] = get_function(r);
        if (blob_ok(r) && (!fns[i]->name || !consistent(fns[i])))
            r->failed = true;
    }
    return blob_ok(r) ? fns : NULL;
}

void ir_append_function(StrBuf *out, const Function *fn)
{
    StrBuf one = {0};
    BlobWriter w = {.out = &one};
    Function *f = (Function *)fn;
    ir_write(&w, &f, 1);
    blob_writer_free(&w);
    long long len = (long long)one.len;
    sb_putn(out, (const char *)&len, sizeof len);
    sb_putn(out, one.data ? one.data : "", one.len);
    sb_free(&one);
}

Function *ir_next_function(Arena *a, const char **p, const char *end)
{
    long long len;
    if ((size_t)(end - *p) < sizeof len)
        return NULL;
    memcpy(&len, *p, sizeof len);
    if (len < 0 || len > end - *p - (long long)sizeof len)
        return NULL;
    BlobReader r = {.a = a, .p = *p + sizeof len, .end = *p + sizeof len + len};
    int n;
    Function **fns = ir_read(&r, &n);
    if (!fns || n != 1 || r.p != r.end)
        return NULL;
    *p = r.end;
    return fns[0];
}
