/* lower_call.c - calls: arguments first, left to right, then the call,
 * whose result (if any) goes to a fresh temporary. A call that never
 * returns ends its block with an edge to the exit block. */
#include <string.h>

#include "lower.h"

/* Functions that never return even where a header forgets to say so. */
static const char *const known_noreturn[] = {
    "exit", "_exit", "_Exit", "quick_exit", "abort", "err", "errx", "verr", "verrx",
    "longjmp", "siglongjmp", "_longjmp", "__assert_fail", "__assert_perror_fail",
    "__assert", "pthread_exit", "__builtin_unreachable", "__builtin_trap",
    "__builtin_abort", "__stack_chk_fail", NULL,
};

static enum CXChildVisitResult find_noreturn_attr(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (!clang_isAttribute(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    /* C11 _Noreturn and C23 [[noreturn]] are attributes whose only token
     * names them; GNU __attribute__((noreturn)) shows in the type instead. */
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
    CXToken *toks;
    unsigned n;
    clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
    for (unsigned i = 0; i < n; i++) {
        CXString s = clang_getTokenSpelling(tu, toks[i]);
        const char *t = clang_getCString(s);
        if (!strcmp(t, "_Noreturn") || !strcmp(t, "noreturn") || !strcmp(t, "__noreturn__"))
            *(int *)data = 1;
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, toks, n);
    return CXChildVisit_Continue;
}

static bool decl_is_noreturn(CXCursor decl)
{
    CXString s = clang_getTypeSpelling(clang_getCursorType(decl));
    bool yes = strstr(clang_getCString(s), "noreturn") != NULL;
    clang_disposeString(s);
    int attr = 0;
    if (!yes)
        clang_visitChildren(decl, find_noreturn_attr, &attr);
    return yes || attr;
}

static bool is_noreturn(Lower *L, CXCursor decl, const char *name)
{
    int cached;
    if (strmap_get(&L->fe->noreturn, name, &cached))
        return cached;
    bool yes = false;
    for (int i = 0; known_noreturn[i] && !yes; i++)
        yes = !strcmp(name, known_noreturn[i]);
    if (!yes) {
        /* Any declaration may carry the attribute: look at the one the
         * call sees and at the canonical one. */
        yes = decl_is_noreturn(decl) || decl_is_noreturn(clang_getCanonicalCursor(decl));
    }
    strmap_put(&L->fe->noreturn, name, yes);
    return yes;
}

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

Operand lower_call(Lower *L, CXCursor e)
{
    CXCursor *kids;
    int n = cursor_children(L->a, e, &kids);
    if (n < 1)
        return operand_expr(L, e, NULL, 0);
    Call call = {.kind = CALLEE_INDIRECT};
    CXCursor callee = cursor_strip(kids[0]);
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
        call.noreturn = is_noreturn(L, decl, call.callee);
    } else {
        lower_expr(L, kids[0]);   /* evaluates the function pointer */
    }
    int cap = 0;
    CXType fn_type = clang_getCursorType(cursor_strip(kids[0]));
    for (int i = 1; i < n; i++) {
        Operand arg = lower_expr(L, kids[i]);
        arg.to_const = param_is_pointer_to_const(fn_type, i - 1);
        arg.to_pointer = param_type(fn_type, i - 1).kind == CXType_Pointer;
        arg.end = cursor_end_loc(L->fe, kids[i]);
        ARENA_PUSH(L->a, call.args, call.nargs, cap, arg);
    }
    Operand result = {.kind = OPND_NONE, .loc = cursor_loc(L->fe, e)};
    if (clang_getCursorType(e).kind != CXType_Void)
        result = operand_temp(L, e);
    Ins *ins = ir_append(L->a, L->fn, lower_cur(L), INS_CALL, cursor_loc(L->fe, e));
    ins->call = call;
    ins->dst = result;
    if (call.noreturn)
        lower_end_block(L, TERM_NORETURN, cursor_loc(L->fe, e), NULL);
    return result;
}
