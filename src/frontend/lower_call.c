/* lower_call.c - calls: arguments first, left to right, then the call,
 * whose result (if any) goes to a fresh temporary. A call that never
 * returns ends its block with an edge to the exit block. */
#include <string.h>

#include "decl_attrs.h"
#include "fortify.h"
#include "lower.h"

/* Defined by the analysed program (not libc, not a fortify wrapper). */
static bool is_defined_here(CXCursor decl)
{
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def))
        return false;
    return !clang_Location_isInSystemHeader(clang_getCursorLocation(def));
}

/* errno is `(*__errno_location())` (glibc), `(*__error())` (BSD): the
 * call yields the address of one variable, named "errno" in the IR. */
static bool is_errno_location(const char *name)
{
    return !strcmp(name, "__errno_location") || !strcmp(name, "__error") ||
           !strcmp(name, "_errno") || !strcmp(name, "___errno");
}

static bool is_builtin_expect(const char *name)
{
    return !strcmp(name, "__builtin_expect") || !strcmp(name, "__builtin_expect_with_probability");
}

/* Does "TEXT | FLAG" parse as (TEXT) | FLAG, where TEXT is the argument's
 * source? Only the operators that bind less tightly than | spoil it; a
 * macro's expansion is what the AST shows, so it is judged too. */
static bool binds_tighter_than_or(Arena *a, CXCursor c)
{
    CXCursor *kids;
    while (clang_getCursorKind(c) == CXCursor_UnexposedExpr && cursor_children(a, c, &kids) == 1)
        c = kids[0];   /* an implicit conversion: no text of its own */
    switch (clang_getCursorKind(c)) {
    case CXCursor_ConditionalOperator:
    case CXCursor_CompoundAssignOperator:
        return false;
    case CXCursor_BinaryOperator:
        switch (clang_getCursorBinaryOperatorKind(c)) {
        case CXBinaryOperator_LAnd:
        case CXBinaryOperator_LOr:
        case CXBinaryOperator_Assign:
        case CXBinaryOperator_Comma:
            return false;
        default:
            return true;
        }
    default:
        return true;
    }
}

/* Is parameter i of the called function a pointer to const (const char *)?
 * The type comes from the declaration, or the function pointer's type. */
static CXType param_type(CXType fn_type, int i)
{
    if (fn_type.kind == CXType_Pointer)
        fn_type = clang_getPointeeType(fn_type);
    fn_type = clang_getCanonicalType(fn_type);
    if (i >= clang_getNumArgTypes(fn_type)) {
        CXType none = {CXType_Invalid, {0, 0}};
        return none;   /* variadic, or no prototype */
    }
    return clang_getCanonicalType(clang_getArgType(fn_type, (unsigned)i));
}

static bool param_is_pointer_to_const(CXType fn_type, int i)
{
    CXType t = param_type(fn_type, i);
    return t.kind == CXType_Pointer && clang_isConstQualifiedType(clang_getPointeeType(t));
}

/* Is argument i in the `...` of a prototype? */
static bool is_variadic_position(CXType fn_type, int i)
{
    if (fn_type.kind == CXType_Pointer)
        fn_type = clang_getPointeeType(fn_type);
    fn_type = clang_getCanonicalType(fn_type);
    return fn_type.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(fn_type) &&
           i >= clang_getNumArgTypes(fn_type);
}

/* Does the callee only read argument i? Loggers are what real programs
 * call between a check and a use: a printf-like function reads its format
 * and every argument after it (not the buffer before it: snprintf(),
 * asprintf() write that), and what is passed in a `...` (execlp's, a
 * logger's) is read, except by the scanf family, which stores through it. */
static bool callee_only_reads(CXType fn_type, int attrs, int i)
{
    int format = fn_format_arg(attrs);
    if (format >= 0 && i >= format)
        return true;
    return !(attrs & FN_SCANF_LIKE) && is_variadic_position(fn_type, i);
}

/* Is argument i formatted into a message: by a printf-like function with
 * no buffer before its format (char * or char ** out: sprintf, snprintf,
 * asprintf build a string the program goes on using)? */
static bool formats_message(CXType fn_type, int attrs, int i)
{
    int format = fn_format_arg(attrs);
    if (format < 0 || i < format)
        return false;
    for (int j = 0; j < format; j++) {
        CXType t = param_type(fn_type, j);
        if (t.kind != CXType_Pointer)
            continue;
        CXType to = clang_getCanonicalType(clang_getPointeeType(t));
        if (to.kind == CXType_Pointer)
            to = clang_getCanonicalType(clang_getPointeeType(to));
        bool chars = to.kind == CXType_Char_S || to.kind == CXType_Char_U ||
                     to.kind == CXType_SChar || to.kind == CXType_UChar;
        if (chars && !clang_isConstQualifiedType(to))
            return false;
    }
    return true;
}

/* libc's printers, whose headers need not say format(printf): the index
 * of the format among the plain (unfortified) arguments, or -1. */
static int libc_message_format(const char *name)
{
    static const struct {
        const char *name;
        int format;
    } printers[] = {
        {"printf", 0}, {"vprintf", 0}, {"fprintf", 1}, {"vfprintf", 1}, {"dprintf", 1},
        {"vdprintf", 1}, {"syslog", 1}, {"vsyslog", 1}, {"err", 1}, {"errx", 1},
        {"verr", 1}, {"verrx", 1}, {"warn", 0}, {"warnx", 0}, {"vwarn", 0},
        {"vwarnx", 0}, {"error", 2}, {"error_at_line", 4},
    };
    for (size_t i = 0; name && i < sizeof printers / sizeof printers[0]; i++)
        if (!strcmp(name, printers[i].name))
            return printers[i].format;
    return -1;
}

/* How a call's result is shown when it is passed on as a name
 * (chmod(spool_name(user), ...)): the callee and its plain arguments. */
static const char *call_text(Lower *L, const Call *c)
{
    const char *t = arena_printf(L->a, "%s(", c->callee);
    for (int i = 0; i < c->nargs; i++) {
        const Operand *o = &c->args[i];
        const char *arg = o->kind == OPND_INT ? arena_printf(L->a, "%lld", o->ival)
                          : o->kind == OPND_ADDR ? arena_printf(L->a, "&%s", o->key)
                          : o->kind == OPND_EXPR ? "..." : o->text ? o->text : o->key;
        t = arena_printf(L->a, "%s%s%s", t, i ? ", " : "", arg);
    }
    return arena_printf(L->a, "%s)", t);
}

/* The call e with arguments kids[1..n), calling `callee` (kids[0], or,
 * chosen, one arm of a conditional or table there). */
static Operand lower_call_of(Lower *L, CXCursor e, CXCursor *kids, int n, CXCursor callee,
                             bool chosen)
{
    Call call = {.kind = CALLEE_INDIRECT, .chosen = chosen};
    int attrs = 0;
    unsigned fortified = 0;   /* arguments of a _FORTIFY_SOURCE variant to leave out */
    CXCursor decl = clang_getCursorReferenced(callee);
    if (clang_getCursorKind(callee) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(decl) == CXCursor_FunctionDecl) {
        call.callee = cursor_name(L->a, decl);
        if (is_builtin_expect(call.callee) && n >= 2)
            return lower_expr(L, kids[1]);   /* likely(x) is x */
        if (is_errno_location(call.callee)) {
            Operand errno_addr = {.kind = OPND_ADDR, .key = "errno", .text = "&errno",
                                  .loc = cursor_loc(L->fe, e)};
            return errno_addr;
        }
        call.kind = is_defined_here(decl) ? CALLEE_DEFINED : CALLEE_EXTERNAL;
        call.libc = clang_Location_isInSystemHeader(clang_getCursorLocation(decl));
        attrs = fn_decl_attrs(L->fe, decl, call.callee);
        call.noreturn = (attrs & FN_NORETURN) != 0;
        const char *plain = fortify_plain(L->a, call.callee, n - 1, &fortified);
        if (plain) {
            call.callee = plain;
            call.libc = true;   /* a builtin has no header, but it is libc's */
        }
    } else {
        lower_expr(L, callee);   /* evaluates the function pointer */
    }
    int cap = 0;
    int printer = call.libc ? libc_message_format(call.callee) : -1;
    CXType fn_type = clang_getCursorType(cursor_strip(kids[0]));
    for (int i = 1; i < n; i++) {
        if (i - 1 < 32 && (fortified >> (i - 1) & 1u))
            continue;   /* a size or flag the checking variant added */
        Operand arg = lower_expr(L, kids[i]);
        arg.to_const = param_is_pointer_to_const(fn_type, i - 1) ||
                       callee_only_reads(fn_type, attrs, i - 1);
        arg.to_pointer = param_type(fn_type, i - 1).kind == CXType_Pointer;
        arg.to_message = printer >= 0 ? call.nargs >= printer
                                      : formats_message(fn_type, attrs, i - 1);
        arg.end = cursor_end_loc(L->fe, kids[i]);
        arg.or_safe = binds_tighter_than_or(L->a, kids[i]);
        ARENA_PUSH(L->a, call.args, call.nargs, cap, arg);
    }
    Operand result = {.kind = OPND_NONE, .loc = cursor_loc(L->fe, e)};
    if (clang_getCursorType(e).kind != CXType_Void) {
        result = operand_temp(L, e);
        if (call.callee)
            result.text = call_text(L, &call);
    }
    Ins *ins = ir_append(L->a, L->fn, lower_cur(L), INS_CALL, cursor_loc(L->fe, e));
    ins->call = call;
    ins->dst = result;
    if (call.noreturn)
        lower_end_block(L, TERM_NORETURN, cursor_loc(L->fe, e), NULL);
    return result;
}

static bool names_function(CXCursor c)
{
    return clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
           clang_getCursorKind(clang_getCursorReferenced(c)) == CXCursor_FunctionDecl;
}

enum { MAX_CHOICES = 8 };

/* The functions a constant table of function pointers holds (static int
 * (*const probes[])(const char *, struct stat *) = {stat, lstat}), one
 * each, or 0 when `table` is not such a table. */
static int table_entries(Lower *L, CXCursor table, CXCursor *out)
{
    CXCursor var = clang_getCursorReferenced(table), *kids, *init = NULL;
    if (clang_getCursorKind(table) != CXCursor_DeclRefExpr ||
        clang_getCursorKind(var) != CXCursor_VarDecl)
        return 0;
    CXType t = clang_getCursorType(var);
    if (t.kind != CXType_ConstantArray && t.kind != CXType_IncompleteArray)
        return 0;
    if (!clang_isConstQualifiedType(clang_getArrayElementType(t)))
        return 0;   /* entries may be changed: not known here */
    int nk = cursor_children(L->a, var, &kids);
    for (int i = 0; i < nk && !init; i++)
        if (clang_getCursorKind(kids[i]) == CXCursor_InitListExpr)
            init = &kids[i];
    int n = init ? cursor_children(L->a, *init, &kids) : 0, m = 0;
    for (int i = 0; i < n; i++) {
        CXCursor f = cursor_strip(kids[i]);
        if (!names_function(f))
            return 0;
        bool seen = false;
        for (int k = 0; k < m && !seen; k++)
            seen = clang_equalCursors(clang_getCursorReferenced(out[k]),
                                      clang_getCursorReferenced(f));
        if (!seen && m == MAX_CHOICES)
            return 0;
        if (!seen)
            out[m++] = f;
    }
    return m;
}

/* The functions a call may call when it is chosen at the call:
 * (follow ? stat : lstat)(p, &st), or probes[i](p, &st) from a constant
 * table; *selector is what chooses. Returns how many, or 0. */
static int chosen_at_call(Lower *L, CXCursor callee, CXCursor *selector, CXCursor *arm)
{
    CXCursor *kids;
    enum CXCursorKind kind = clang_getCursorKind(callee);
    if (kind == CXCursor_ConditionalOperator && cursor_children(L->a, callee, &kids) == 3) {
        *selector = kids[0];
        arm[0] = cursor_strip(kids[1]);
        arm[1] = cursor_strip(kids[2]);
        return names_function(arm[0]) && names_function(arm[1]) ? 2 : 0;
    }
    if (kind == CXCursor_ArraySubscriptExpr && cursor_children(L->a, callee, &kids) == 2) {
        *selector = kids[1];
        return table_entries(L, cursor_strip(kids[0]), arm);
    }
    return 0;
}

/* (follow ? stat : lstat)(p, &st): the function is chosen at the call.
 * Lowered as `follow ? stat(p, &st) : lstat(p, &st)` (for a table, a
 * chain of such choices on the index), so each arm is a call of a known
 * function (a check, a use) on the path that runs it. */
Operand lower_call(Lower *L, CXCursor e)
{
    CXCursor *kids;
    int n = cursor_children(L->a, e, &kids);
    if (n < 1)
        return operand_expr(L, e, NULL, 0);
    CXCursor callee = cursor_strip(kids[0]), selector, arm[MAX_CHOICES];
    int narms = chosen_at_call(L, callee, &selector, arm);
    if (narms < 2)
        return lower_call_of(L, e, kids, n, callee, false);
    bool has_value = clang_getCursorType(e).kind != CXType_Void;
    Operand temp = has_value ? operand_temp(L, e)
                             : (Operand){.kind = OPND_NONE, .loc = cursor_loc(L->fe, e)};
    int join = ir_block_new(L->a, L->fn, "call.end");
    for (int k = 0; k < narms; k++) {
        int rest = -1;
        if (k < narms - 1) {   /* this arm, or one of the next */
            int here = ir_block_new(L->a, L->fn, "call.choice");
            rest = ir_block_new(L->a, L->fn, "call.other");
            lower_cond(L, selector, here, rest);
            L->cur = here;
        }
        Operand r = lower_call_of(L, e, kids, n, arm[k], true);
        if (has_value)
            lower_assign_temp(L, e, &temp, &r);
        lower_jump(L, join);
        L->cur = rest;
    }
    L->cur = join;
    return temp;
}
