/* lower_cond.c - conditions become branches, with the short-circuit
 * control flow of && || ! ?: and `x ?: y` made explicit:
 *
 *   if (a && b) T else F    ->   [a] -true-> [b] -true-> T
 *                                 |false      |false
 *                                 F           F
 *
 * A constant condition (while (1), do ... while (0)) becomes a plain jump,
 * so code after an endless loop is unreachable in the CFG as at run time. */
#include "lower.h"

/* Reads of every leaf condition, collected when && || are used as values:
 * the 0/1 they produce depends on all of them. */
typedef struct ReadAcc {
    const char **reads;
    int n, cap;
} ReadAcc;

static void cond_rec(Lower *L, CXCursor e, int t, int f, ReadAcc *acc);

static void branch_on(Lower *L, CXCursor e, const Operand *o, int t, int f)
{
    if (o->has_ival && !o->nreads) {
        lower_jump(L, o->ival ? t : f);
        return;
    }
    int b = lower_cur(L);
    lower_end_block(L, TERM_BRANCH, cursor_loc(L->fe, e), o);
    ir_add_succ(L->a, L->fn, b, t);
    ir_add_succ(L->a, L->fn, b, f);
}

static CompareOp compare_op(enum CXBinaryOperatorKind k)
{
    switch (k) {
    case CXBinaryOperator_EQ: return CMP_EQ;
    case CXBinaryOperator_NE: return CMP_NE;
    case CXBinaryOperator_LT: return CMP_LT;
    case CXBinaryOperator_LE: return CMP_LE;
    case CXBinaryOperator_GT: return CMP_GT;
    case CXBinaryOperator_GE: return CMP_GE;
    default: return CMP_NONE;
    }
}

/* The mirror image, for `constant OP key`. */
static CompareOp swapped(CompareOp op)
{
    switch (op) {
    case CMP_LT: return CMP_GT;
    case CMP_GT: return CMP_LT;
    case CMP_LE: return CMP_GE;
    case CMP_GE: return CMP_LE;
    default: return op;
    }
}

static bool is_path(const Operand *o)
{
    return o->kind == OPND_LVALUE || o->kind == OPND_TEMP;
}

/* `x & constant`, lowered side by side: the masked operand's key and the
 * mask, or false (then nothing was lowered). */
static bool masked_operand(Lower *L, CXCursor e, Operand *out, const char **key,
                           long long *mask)
{
    CXCursor x = cursor_strip(e), *kids;
    if (clang_getCursorKind(x) != CXCursor_BinaryOperator ||
        clang_getCursorBinaryOperatorKind(x) != CXBinaryOperator_And ||
        cursor_children(L->a, x, &kids) != 2)
        return false;
    Operand l = lower_expr(L, kids[0]), r = lower_expr(L, kids[1]);
    Operand both = {0};
    int cap = 0;
    operand_add_reads(L, &both.reads, &both.nreads, &cap, &l);
    operand_add_reads(L, &both.reads, &both.nreads, &cap, &r);
    *out = operand_expr(L, e, both.reads, both.nreads);
    *key = is_path(&l) && r.has_ival ? l.key : is_path(&r) && l.has_ival ? r.key : NULL;
    *mask = is_path(&l) ? r.ival : l.ival;
    return true;
}

/* `a OP b` lowered side by side, so that `key OP constant` is recorded,
 * and `(key & mask) OP constant` in `masked`. */
static Operand cond_comparison(Lower *L, CXCursor e, CompareOp op, Compare *cmp,
                               Compare *masked)
{
    CXCursor *kids;
    cursor_children(L->a, e, &kids);
    Operand a;
    const char *mkey = NULL;
    long long mask = 0;
    if (!masked_operand(L, kids[0], &a, &mkey, &mask))
        a = lower_expr(L, kids[0]);
    Operand b = lower_expr(L, kids[1]);
    if (mkey && b.has_ival)
        *masked = (Compare){op, mkey, b.ival, mask};
    Operand both = {0};
    int cap = 0;
    operand_add_reads(L, &both.reads, &both.nreads, &cap, &a);
    operand_add_reads(L, &both.reads, &both.nreads, &cap, &b);
    if (is_path(&a) && b.has_ival)
        *cmp = (Compare){op, a.key, b.ival, 0};
    else if (is_path(&b) && a.has_ival)
        *cmp = (Compare){swapped(op), b.key, a.ival, 0};
    return operand_expr(L, e, both.reads, both.nreads);
}

static void cond_leaf(Lower *L, CXCursor e, int t, int f, ReadAcc *acc)
{
    Compare cmp = {CMP_NONE, NULL, 0, 0}, masked = {CMP_NONE, NULL, 0, 0};
    CXCursor *kids;
    CompareOp op = clang_getCursorKind(e) == CXCursor_BinaryOperator
                       ? compare_op(clang_getCursorBinaryOperatorKind(e)) : CMP_NONE;
    Operand o;
    const char *mkey = NULL;
    long long mask = 0;
    if (op != CMP_NONE && cursor_children(L->a, e, &kids) == 2)
        o = cond_comparison(L, e, op, &cmp, &masked);
    else if (op == CMP_NONE && masked_operand(L, e, &o, &mkey, &mask)) {
        if (mkey)
            masked = (Compare){CMP_NE, mkey, 0, mask};   /* if (flags & doCHOWN) */
    } else
        o = lower_expr(L, e);
    if (op == CMP_NONE && is_path(&o))
        cmp = (Compare){CMP_NE, o.key, 0, 0};   /* if (f) */
    if (acc)
        operand_add_reads(L, &acc->reads, &acc->n, &acc->cap, &o);
    int b = L->cur;
    branch_on(L, e, &o, t, f);
    if (b >= 0 && L->fn->blocks[b]->term == TERM_BRANCH) {
        L->fn->blocks[b]->cmp = cmp;
        L->fn->blocks[b]->masked = masked;
    }
}

/* Evaluate `first`; continue with `second` in a new block named label. */
static void cond_chain(Lower *L, CXCursor first, CXCursor second, bool and, int t, int f,
                       ReadAcc *acc)
{
    int mid = ir_block_new(L->a, L->fn, and ? "and.rhs" : "or.rhs");
    cond_rec(L, first, and ? mid : t, and ? f : mid, acc);
    L->cur = mid;
    cond_rec(L, second, t, f, acc);
}

static void cond_binary(Lower *L, CXCursor e, int t, int f, ReadAcc *acc)
{
    CXCursor *kids;
    if (cursor_children(L->a, e, &kids) != 2) {
        cond_leaf(L, e, t, f, acc);
        return;
    }
    switch (clang_getCursorBinaryOperatorKind(e)) {
    case CXBinaryOperator_LAnd:
        cond_chain(L, kids[0], kids[1], true, t, f, acc);
        break;
    case CXBinaryOperator_LOr:
        cond_chain(L, kids[0], kids[1], false, t, f, acc);
        break;
    case CXBinaryOperator_Comma:
        lower_expr(L, kids[0]);
        cond_rec(L, kids[1], t, f, acc);
        break;
    default:
        cond_leaf(L, e, t, f, acc);
    }
}

static void cond_ternary(Lower *L, CXCursor e, int t, int f, ReadAcc *acc)
{
    CXCursor *kids;
    if (cursor_children(L->a, e, &kids) != 3) {
        cond_leaf(L, e, t, f, acc);
        return;
    }
    int bt = ir_block_new(L->a, L->fn, "cond.true");
    int bf = ir_block_new(L->a, L->fn, "cond.false");
    cond_rec(L, kids[0], bt, bf, acc);
    L->cur = bt;
    cond_rec(L, kids[1], t, f, acc);
    L->cur = bf;
    cond_rec(L, kids[2], t, f, acc);
}

static void cond_rec(Lower *L, CXCursor e, int t, int f, ReadAcc *acc)
{
    e = cursor_strip(e);
    if (!lower_enter(L, e)) {
        Operand opaque = operand_expr(L, e, NULL, 0);
        opaque.has_ival = false;
        branch_on(L, e, &opaque, t, f);
        return;
    }
    CXCursor x, y, *kids;
    switch (clang_getCursorKind(e)) {
    case CXCursor_BinaryOperator:
        cond_binary(L, e, t, f, acc);
        break;
    case CXCursor_UnaryOperator:
        if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot &&
            cursor_children(L->a, e, &kids) == 1)
            cond_rec(L, kids[0], f, t, acc);
        else
            cond_leaf(L, e, t, f, acc);
        break;
    case CXCursor_ConditionalOperator:
        cond_ternary(L, e, t, f, acc);
        break;
    default:
        if (cursor_is_binary_conditional(L->a, e, &x, &y)) {
            int yb = ir_block_new(L->a, L->fn, "cond.false");
            cond_rec(L, x, t, yb, acc);
            L->cur = yb;
            cond_rec(L, y, t, f, acc);
        } else {
            cond_leaf(L, e, t, f, acc);
        }
    }
    lower_leave(L);
}

void lower_cond(Lower *L, CXCursor e, int t, int f)
{
    cond_rec(L, e, t, f, NULL);
}

/* temp = value in the current block, then on to join. */
static void assign_and_join(Lower *L, CXCursor e, const Operand *temp, const Operand *value,
                            int join)
{
    lower_assign_temp(L, e, temp, value);
    lower_jump(L, join);
}

Operand lower_logical_value(Lower *L, CXCursor e)
{
    Operand temp = operand_temp(L, e);
    int bt = ir_block_new(L->a, L->fn, "logic.true");
    int bf = ir_block_new(L->a, L->fn, "logic.false");
    int join = ir_block_new(L->a, L->fn, "logic.end");
    ReadAcc acc = {0};
    cond_rec(L, e, bt, bf, &acc);
    Operand value = operand_expr(L, e, acc.reads, acc.n);
    L->cur = bt;
    assign_and_join(L, e, &temp, &value, join);
    L->cur = bf;
    assign_and_join(L, e, &temp, &value, join);
    L->cur = join;
    return temp;
}

Operand lower_conditional_value(Lower *L, CXCursor e)
{
    Operand temp = operand_temp(L, e);
    int bt = ir_block_new(L->a, L->fn, "cond.true");
    int bf = ir_block_new(L->a, L->fn, "cond.false");
    int join = ir_block_new(L->a, L->fn, "cond.end");
    CXCursor x, y, *kids;
    if (cursor_is_binary_conditional(L->a, e, &x, &y)) {
        Operand xv = lower_expr(L, x);   /* evaluated once, used twice */
        branch_on(L, x, &xv, bt, bf);
        L->cur = bt;
        assign_and_join(L, e, &temp, &xv, join);
        L->cur = bf;
        Operand yv = lower_expr(L, y);
        assign_and_join(L, e, &temp, &yv, join);
    } else if (cursor_children(L->a, e, &kids) == 3) {
        lower_cond(L, kids[0], bt, bf);
        L->cur = bt;
        Operand a = lower_expr(L, kids[1]);
        assign_and_join(L, e, &temp, &a, join);
        L->cur = bf;
        Operand b = lower_expr(L, kids[2]);
        assign_and_join(L, e, &temp, &b, join);
    } else {
        lower_jump(L, join);
    }
    L->cur = join;
    return temp;
}
