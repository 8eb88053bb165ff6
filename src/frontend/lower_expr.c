/* lower_expr.c - expressions to Operands. An expression that names storage
 * becomes an access path ("c->path", "argv[1]", "*p"); everything else
 * becomes the set of paths it reads. Side effects (calls, assignments,
 * ++/--) are emitted as instructions into the current block, in evaluation
 * order; && || ?: make blocks (lower_cond.c). */
#include <string.h>

#include "lower.h"

void operand_add_reads(Lower *L, const char ***reads, int *n, int *cap, const Operand *o)
{
    for (int i = 0; i < o->nreads; i++) {
        bool seen = false;
        for (int k = 0; k < *n && !seen; k++)
            seen = !strcmp((*reads)[k], o->reads[i]);
        if (!seen)
            ARENA_PUSH(L->a, *reads, *n, *cap, o->reads[i]);
    }
}

static Operand operand_loc(Lower *L, CXCursor e, OperandKind kind)
{
    Operand o = {.kind = kind, .loc = cursor_loc(L->fe, e)};
    return o;
}

/* An lvalue path: it reads itself and whatever `base` (may be NULL) reads. */
static Operand operand_path(Lower *L, CXCursor e, const char *key, const Operand *base)
{
    Operand o = operand_loc(L, e, OPND_LVALUE);
    o.key = key;
    o.text = key;
    int cap = 0;
    if (base)
        operand_add_reads(L, &o.reads, &o.nreads, &cap, base);
    Operand self = {.reads = &key, .nreads = 1};
    operand_add_reads(L, &o.reads, &o.nreads, &cap, &self);
    return o;
}

/* The bits of an integer expression set whatever its variables hold: a
 * constant's, the union over `|`, the intersection of the two sides of ?:.
 * *var: the one variable OR'ed in, when the expression is nothing but it
 * and constants; NULL otherwise (*pure false once anything else is seen). */
static long long bits_set(Lower *L, CXCursor e, const char **var, bool *pure, int depth)
{
    long long v;
    e = cursor_strip(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    if (depth > 16 || (k != CXCursor_BinaryOperator && k != CXCursor_ConditionalOperator &&
                       k != CXCursor_DeclRefExpr && k != CXCursor_IntegerLiteral &&
                       k != CXCursor_ParenExpr)) {
        *pure = false;
        return 0;
    }
    if (cursor_eval_int(e, &v))
        return v;
    CXCursor *kids;
    int n = cursor_children(L->a, e, &kids);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor ref = clang_getCursorReferenced(e);
        enum CXCursorKind rk = clang_getCursorKind(ref);
        if ((rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) && !*var)
            *var = lower_var_key(L, ref);
        else
            *pure = false;
        return 0;
    }
    if (k == CXCursor_BinaryOperator && n == 2 &&
        clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Or)
        return bits_set(L, kids[0], var, pure, depth + 1) |
               bits_set(L, kids[1], var, pure, depth + 1);
    if (k == CXCursor_ConditionalOperator && n == 3) {
        *pure = false;
        return bits_set(L, kids[1], var, pure, depth + 1) &
               bits_set(L, kids[2], var, pure, depth + 1);
    }
    *pure = false;
    return 0;
}

Operand operand_expr(Lower *L, CXCursor e, const char **reads, int nreads)
{
    Operand o = operand_loc(L, e, OPND_EXPR);
    o.reads = reads;
    o.nreads = nreads;
    if (!nreads && cursor_eval_int(e, &o.ival)) {
        o.kind = OPND_INT;
        o.has_ival = true;
    }
    if (o.kind == OPND_EXPR) {
        o.text = L->fe->want_text ? cursor_text(L->fe, e) : "...";
        CXCursor x = cursor_strip(e);
        enum CXCursorKind k = clang_getCursorKind(x);
        if (k == CXCursor_BinaryOperator || k == CXCursor_ConditionalOperator) {
            bool pure = true;
            o.bits_set = bits_set(L, x, &o.bits_var, &pure, 0);
            if (!pure)
                o.bits_var = NULL;
        }
    }
    return o;
}

static bool is_path(const Operand *o)
{
    return o->kind == OPND_LVALUE || o->kind == OPND_TEMP;
}

static Operand lower_string(Lower *L, CXCursor e);

/* `static const char path[] = "/sys/...";` (or a const pointer to such a
 * literal) always holds the literal: the variable is its name. */
static bool is_const_literal_var(CXCursor var, CXCursor *literal)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(var));
    bool array = t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray;
    bool const_object = array ? clang_isConstQualifiedType(t) ||
                                    clang_isConstQualifiedType(clang_getArrayElementType(t))
                              : t.kind == CXType_Pointer && clang_isConstQualifiedType(t);
    if (!const_object)
        return false;
    CXCursor init = clang_Cursor_getVarDeclInitializer(var);
    if (clang_Cursor_isNull(init))
        return false;
    *literal = cursor_strip(init);
    return clang_getCursorKind(*literal) == CXCursor_StringLiteral;
}

static Operand lower_declref(Lower *L, CXCursor e)
{
    CXCursor ref = clang_getCursorReferenced(e);
    CXCursor literal;
    switch (clang_getCursorKind(ref)) {
    case CXCursor_VarDecl:
        if (is_const_literal_var(ref, &literal)) {
            Operand o = lower_string(L, literal);
            o.loc = cursor_loc(L->fe, e);
            return o;
        }
        return operand_path(L, e, lower_var_key(L, ref), NULL);
    case CXCursor_ParmDecl:
        return operand_path(L, e, lower_var_key(L, ref), NULL);
    case CXCursor_EnumConstantDecl: {
        Operand o = operand_loc(L, e, OPND_INT);
        o.ival = clang_getEnumConstantDeclValue(ref);
        o.has_ival = true;
        return o;
    }
    case CXCursor_FunctionDecl: {
        Operand o = operand_loc(L, e, OPND_EXPR);
        o.text = cursor_name(L->a, e);   /* a function designator */
        ARENA_PUSH(L->a, L->fn->refs, L->fn->nrefs, L->fn->cap_refs, o.text);
        return o;
    }
    default: {
        Operand o = operand_loc(L, e, OPND_EXPR);
        o.text = cursor_name(L->a, e);
        return o;
    }
    }
}

static bool is_pointer(CXCursor e)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(e));
    return t.kind == CXType_Pointer;
}

static Operand lower_member(Lower *L, CXCursor e)
{
    CXCursor *kids;
    int n = cursor_children(L->a, e, &kids);
    const char *field = cursor_name(L->a, e);
    if (n < 1)
        return operand_expr(L, e, NULL, 0);
    Operand base = lower_expr(L, kids[0]);
    if (!is_path(&base))
        return operand_expr(L, e, base.reads, base.nreads);
    const char *sep = is_pointer(cursor_strip(kids[0])) ? "->" : ".";
    return operand_path(L, e, arena_printf(L->a, "%s%s%s", base.key, sep, field), &base);
}

static Operand lower_subscript(Lower *L, CXCursor e)
{
    CXCursor *kids;
    int n = cursor_children(L->a, e, &kids);
    if (n != 2)
        return operand_expr(L, e, NULL, 0);
    Operand base = lower_expr(L, kids[0]);
    Operand index = lower_expr(L, kids[1]);
    Operand both = {0};
    int cap = 0;
    operand_add_reads(L, &both.reads, &both.nreads, &cap, &base);
    operand_add_reads(L, &both.reads, &both.nreads, &cap, &index);
    if (!is_path(&base))
        return operand_expr(L, e, both.reads, both.nreads);
    const char *key = index.has_ival ? arena_printf(L->a, "%s[%lld]", base.key, index.ival)
                      : index.kind == OPND_LVALUE ? arena_printf(L->a, "%s[%s]", base.key, index.key)
                                                  : arena_printf(L->a, "%s[*]", base.key);
    return operand_path(L, e, key, &both);
}

/* dst = src as an instruction in the current block. */
static void emit_assign(Lower *L, CXCursor e, const Operand *dst, const Operand *src)
{
    Ins *ins = ir_append(L->a, L->fn, lower_cur(L), INS_ASSIGN, cursor_loc(L->fe, e));
    ins->dst = *dst;
    ins->src = *src;
}

static Operand lower_unary(Lower *L, CXCursor e)
{
    CXCursor *kids;
    if (cursor_children(L->a, e, &kids) != 1)
        return operand_expr(L, e, NULL, 0);
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);
    Operand sub = lower_expr(L, kids[0]);
    switch (op) {
    case CXUnaryOperator_AddrOf:
        if (sub.kind == OPND_LVALUE) {
            Operand o = operand_loc(L, e, OPND_ADDR);
            o.key = sub.key;
            o.text = arena_printf(L->a, "&%s", sub.key);
            return o;
        }
        return operand_expr(L, e, sub.reads, sub.nreads);
    case CXUnaryOperator_Deref:
        if (sub.kind == OPND_ADDR)   /* *&x, and *__errno_location() */
            return operand_path(L, e, sub.key, NULL);
        if (is_path(&sub))
            return operand_path(L, e, arena_printf(L->a, "*%s", sub.key), &sub);
        return operand_expr(L, e, sub.reads, sub.nreads);
    case CXUnaryOperator_PostInc:
    case CXUnaryOperator_PostDec:
    case CXUnaryOperator_PreInc:
    case CXUnaryOperator_PreDec: {
        Operand src = operand_expr(L, e, sub.reads, sub.nreads);
        if (is_path(&sub))
            emit_assign(L, e, &sub, &src);
        return sub;
    }
    default:
        return operand_expr(L, e, sub.reads, sub.nreads);
    }
}

/* `x |= BITS` with constant BITS: the value stored is x OR'ed with
 * constants, kept as bits_set/bits_var like `x | BITS`, so that a bit set
 * is told from a counter (x += 1), whose operator the IR does not keep. */
static void src_or_bits(Lower *L, CXCursor e, CXCursor rhs, const Operand *lhs, Operand *src)
{
    if (clang_getCursorBinaryOperatorKind(e) != CXBinaryOperator_OrAssign)
        return;
    const char *var = NULL;
    bool pure = true;
    long long bits = bits_set(L, rhs, &var, &pure, 0);
    if (pure && !var && bits) {
        src->bits_set = bits;
        src->bits_var = lhs->key;
    }
}

static Operand lower_assign(Lower *L, CXCursor e, bool compound)
{
    CXCursor *kids;
    if (cursor_children(L->a, e, &kids) != 2)
        return operand_expr(L, e, NULL, 0);
    Operand rhs = lower_expr(L, kids[1]);
    Operand lhs = lower_expr(L, kids[0]);
    Operand src = rhs;
    if (compound) {
        const char **reads = NULL;
        int n = 0, cap = 0;
        operand_add_reads(L, &reads, &n, &cap, &lhs);
        operand_add_reads(L, &reads, &n, &cap, &rhs);
        src = operand_expr(L, e, reads, n);
        if (is_path(&lhs))
            src_or_bits(L, e, kids[1], &lhs, &src);
    }
    if (is_path(&lhs))
        emit_assign(L, e, &lhs, &src);
    return lhs;
}

static bool is_plain_binary(CXCursor e)
{
    if (clang_getCursorKind(e) != CXCursor_BinaryOperator)
        return false;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
    return op != CXBinaryOperator_Assign && op != CXBinaryOperator_LAnd &&
           op != CXBinaryOperator_LOr && op != CXBinaryOperator_Comma;
}

/* Arithmetic and comparisons. Generated code nests them by the thousand
 * down the left operand (a+b+c+...), so that spine is walked in a loop. */
static Operand lower_arith(Lower *L, CXCursor e)
{
    CXCursor *spine = NULL;
    int n = 0, cap = 0;
    for (CXCursor c = e; is_plain_binary(c);) {
        ARENA_PUSH(L->a, spine, n, cap, c);
        CXCursor *kids;
        if (cursor_children(L->a, c, &kids) != 2)
            break;
        c = cursor_strip(kids[0]);
    }
    const char **reads = NULL;
    int nreads = 0, rcap = 0;
    CXCursor *kids;
    cursor_children(L->a, spine[n - 1], &kids);
    Operand left = lower_expr(L, kids[0]);
    operand_add_reads(L, &reads, &nreads, &rcap, &left);
    for (int i = n - 1; i >= 0; i--) {
        if (cursor_children(L->a, spine[i], &kids) != 2)
            continue;
        Operand right = lower_expr(L, kids[1]);
        operand_add_reads(L, &reads, &nreads, &rcap, &right);
    }
    if (n > 64 && !nreads) {   /* long constant chains: skip clang's folding */
        Operand o = operand_loc(L, e, OPND_EXPR);
        o.text = "...";
        return o;
    }
    return operand_expr(L, e, reads, nreads);
}

static Operand lower_binary(Lower *L, CXCursor e)
{
    switch (clang_getCursorBinaryOperatorKind(e)) {
    case CXBinaryOperator_Assign:
        return lower_assign(L, e, false);
    case CXBinaryOperator_LAnd:
    case CXBinaryOperator_LOr:
        return lower_logical_value(L, e);
    case CXBinaryOperator_Comma: {
        CXCursor *kids;
        if (cursor_children(L->a, e, &kids) != 2)
            return operand_expr(L, e, NULL, 0);
        lower_expr(L, kids[0]);
        return lower_expr(L, kids[1]);
    }
    default:
        return lower_arith(L, e);
    }
}

static Operand lower_string(Lower *L, CXCursor e)
{
    Operand o = operand_loc(L, e, OPND_STRING);
    const char *s = cursor_eval_string(L->a, e);
    /* The key is the literal's content, so equal strings spelled
     * differently (macros, concatenation) are the same name. */
    o.key = s ? arena_printf(L->a, "\"%s\"", s) : cursor_name(L->a, e);
    o.text = o.key;
    return o;
}

/* ({ stmt; ...; expr; }) : the value is that of the last statement. */
static Operand lower_stmt_expr(Lower *L, CXCursor e)
{
    CXCursor *kids;
    if (cursor_children(L->a, e, &kids) != 1)
        return operand_expr(L, e, NULL, 0);
    CXCursor *stmts;
    int n = cursor_children(L->a, kids[0], &stmts);
    for (int i = 0; i + 1 < n; i++)
        lower_stmt(L, stmts[i]);
    if (n && clang_isExpression(clang_getCursorKind(stmts[n - 1])))
        return lower_expr(L, stmts[n - 1]);
    if (n)
        lower_stmt(L, stmts[n - 1]);
    return operand_loc(L, e, OPND_NONE);
}

/* Any other expression: lower its sub-expressions, keep what they read. */
static Operand lower_generic(Lower *L, CXCursor e)
{
    CXCursor *kids;
    int n = cursor_children(L->a, e, &kids);
    const char **reads = NULL;
    int nreads = 0, cap = 0;
    for (int i = 0; i < n; i++) {
        if (!clang_isExpression(clang_getCursorKind(kids[i])))
            continue;
        Operand sub = lower_expr(L, kids[i]);
        operand_add_reads(L, &reads, &nreads, &cap, &sub);
    }
    return operand_expr(L, e, reads, nreads);
}

static Operand lower_expr_kind(Lower *L, CXCursor e)
{
    CXCursor x, y;
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr: return lower_declref(L, e);
    case CXCursor_MemberRefExpr: return lower_member(L, e);
    case CXCursor_ArraySubscriptExpr: return lower_subscript(L, e);
    case CXCursor_UnaryOperator: return lower_unary(L, e);
    case CXCursor_BinaryOperator: return lower_binary(L, e);
    case CXCursor_CompoundAssignOperator: return lower_assign(L, e, true);
    case CXCursor_ConditionalOperator: return lower_conditional_value(L, e);
    case CXCursor_CallExpr: return lower_call(L, e);
    case CXCursor_StringLiteral: return lower_string(L, e);
    case CXCursor_StmtExpr: return lower_stmt_expr(L, e);
    case CXCursor_UnaryExpr:   /* sizeof, _Alignof: operand not evaluated */
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_FloatingLiteral:
        return operand_expr(L, e, NULL, 0);
    default:
        if (cursor_is_binary_conditional(L->a, e, &x, &y))
            return lower_conditional_value(L, e);
        return lower_generic(L, e);
    }
}

Operand lower_expr(Lower *L, CXCursor e)
{
    e = cursor_strip(e);
    if (!lower_enter(L, e))
        return operand_loc(L, e, OPND_EXPR);
    Operand o = lower_expr_kind(L, e);
    lower_leave(L);
    return o;
}

Operand operand_temp(Lower *L, CXCursor e)
{
    Operand o = operand_loc(L, e, OPND_TEMP);
    o.key = ir_new_temp(L->a, L->fn);
    o.text = o.key;
    o.reads = ARENA_ARRAY(L->a, const char *, 1);
    o.reads[0] = o.key;
    o.nreads = 1;
    return o;
}

void lower_assign_temp(Lower *L, CXCursor e, const Operand *temp, const Operand *value)
{
    emit_assign(L, e, temp, value);
}
