/* lower_stmt.c - statements to blocks. Each construct's shape is in the
 * comment above its function; `cur` is the block receiving code, -1 when
 * the code is unreachable (after return, break, goto, noreturn calls). */
#include <string.h>

#include "lower.h"

static void lower_children(Lower *L, CXCursor s)
{
    CXCursor *kids;
    int n = cursor_children(L->a, s, &kids);
    for (int i = 0; i < n; i++)
        lower_stmt(L, kids[i]);
}

/* int x = init;  ->  x = init  (static locals are initialised once, at
 * load time, so they are not lowered). */
static void lower_var_decl(Lower *L, CXCursor d)
{
    if (clang_getCursorKind(d) != CXCursor_VarDecl)
        return;
    const char *key = lower_var_key(L, d);
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (clang_Cursor_isNull(init) || clang_Cursor_hasVarDeclGlobalStorage(d))
        return;
    Operand value = lower_expr(L, init);
    Operand dst = {.kind = OPND_LVALUE, .key = key, .text = key, .loc = cursor_loc(L->fe, d)};
    lower_assign_temp(L, d, &dst, &value);
}

/* if (c) T else E:  [c] -> T -> end,  [c] -> E -> end */
static void lower_if(Lower *L, CXCursor s)
{
    CXCursor *kids;
    int n = cursor_children(L->a, s, &kids);
    if (n < 2)
        return;
    int then_b = ir_block_new(L->a, L->fn, "if.then");
    int else_b = n > 2 ? ir_block_new(L->a, L->fn, "if.else") : -1;
    int end = ir_block_new(L->a, L->fn, "if.end");
    lower_cond(L, kids[0], then_b, n > 2 ? else_b : end);
    L->cur = then_b;
    lower_stmt(L, kids[1]);
    lower_jump(L, end);
    if (n > 2) {
        L->cur = else_b;
        lower_stmt(L, kids[2]);
        lower_jump(L, end);
    }
    L->cur = end;
}

/* Lower body with break -> brk and continue -> cont, then jump to after. */
static void lower_loop_body(Lower *L, CXCursor body, int brk, int cont, int after)
{
    int saved_brk = L->brk, saved_cont = L->cont;
    L->brk = brk;
    L->cont = cont;
    lower_stmt(L, body);
    lower_jump(L, after);
    L->brk = saved_brk;
    L->cont = saved_cont;
}

/* while (c) B:  -> cond: [c] -> body -> cond ; [c] -false-> end */
static void lower_while(Lower *L, CXCursor s)
{
    CXCursor *kids;
    if (cursor_children(L->a, s, &kids) != 2)
        return;
    int cond = ir_block_new(L->a, L->fn, "while.cond");
    int body = ir_block_new(L->a, L->fn, "while.body");
    int end = ir_block_new(L->a, L->fn, "while.end");
    lower_start(L, cond);
    lower_cond(L, kids[0], body, end);
    L->cur = body;
    lower_loop_body(L, kids[1], end, cond, cond);
    L->cur = end;
}

/* do B while (c):  -> body -> cond: [c] -true-> body, -false-> end */
static void lower_do(Lower *L, CXCursor s)
{
    CXCursor *kids;
    if (cursor_children(L->a, s, &kids) != 2)
        return;
    int body = ir_block_new(L->a, L->fn, "do.body");
    int cond = ir_block_new(L->a, L->fn, "do.cond");
    int end = ir_block_new(L->a, L->fn, "do.end");
    lower_start(L, body);
    lower_loop_body(L, kids[0], end, cond, cond);
    L->cur = cond;
    lower_cond(L, kids[1], body, end);
    L->cur = end;
}

typedef struct ForParts {
    CXCursor init, cond, inc, body;   /* null cursors when absent */
} ForParts;

/* Byte offset of a location, at its expansion site. */
static unsigned offset_of(CXSourceLocation loc)
{
    unsigned off;
    clang_getExpansionLocation(loc, NULL, NULL, NULL, &off);
    return off;
}

/* The offsets of the two ';' in `for (init; cond; inc)`; 0 if not found. */
static int for_semicolons(Lower *L, CXCursor s, CXCursor body, unsigned semi[2])
{
    CXSourceRange head = clang_getRange(clang_getRangeStart(clang_getCursorExtent(s)),
                                        clang_getRangeStart(clang_getCursorExtent(body)));
    CXToken *toks;
    unsigned n, found = 0;
    int depth = 0;
    clang_tokenize(L->fe->tu, head, &toks, &n);
    for (unsigned i = 0; i < n && found < 2; i++) {
        CXString sp = clang_getTokenSpelling(L->fe->tu, toks[i]);
        const char *t = clang_getCString(sp);
        if (!strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{"))
            depth++;
        else if (!strcmp(t, ")") || !strcmp(t, "]") || !strcmp(t, "}"))
            depth--;
        else if (!strcmp(t, ";") && depth == 1)
            semi[found++] = offset_of(clang_getTokenLocation(L->fe->tu, toks[i]));
        clang_disposeString(sp);
    }
    clang_disposeTokens(L->fe->tu, toks, n);
    return found == 2;
}

/* libclang lists only the parts that are present: tell them apart by
 * where each starts relative to the two semicolons of the header. */
static ForParts for_parts(Lower *L, CXCursor s)
{
    ForParts p = {clang_getNullCursor(), clang_getNullCursor(), clang_getNullCursor(),
                  clang_getNullCursor()};
    CXCursor *kids;
    int n = cursor_children(L->a, s, &kids);
    if (n < 1)
        return p;
    p.body = kids[n - 1];
    unsigned semi[2];
    if (for_semicolons(L, s, p.body, semi) && semi[0] != semi[1]) {
        for (int i = 0; i + 1 < n; i++) {
            unsigned off = offset_of(clang_getRangeStart(clang_getCursorExtent(kids[i])));
            if (off < semi[0])
                p.init = kids[i];
            else if (off < semi[1])
                p.cond = kids[i];
            else
                p.inc = kids[i];
        }
        return p;
    }
    /* Written inside a macro: positions collapse. Guess by count and kind. */
    if (n == 4) {
        p.init = kids[0], p.cond = kids[1], p.inc = kids[2];
    } else if (n == 3) {
        if (clang_getCursorKind(kids[0]) == CXCursor_DeclStmt)
            p.init = kids[0], p.cond = kids[1];
        else
            p.cond = kids[0], p.inc = kids[1];
    } else if (n == 2) {
        p.cond = kids[0];
    }
    return p;
}

/* for (I; C; N) B:  I -> cond: [C] -> body -> inc: N -> cond ; -false-> end */
static void lower_for(Lower *L, CXCursor s)
{
    ForParts p = for_parts(L, s);
    if (clang_Cursor_isNull(p.body))
        return;
    if (!clang_Cursor_isNull(p.init))
        lower_stmt(L, p.init);
    int cond = ir_block_new(L->a, L->fn, "for.cond");
    int body = ir_block_new(L->a, L->fn, "for.body");
    int inc = ir_block_new(L->a, L->fn, "for.inc");
    int end = ir_block_new(L->a, L->fn, "for.end");
    lower_start(L, cond);
    if (clang_Cursor_isNull(p.cond))
        lower_jump(L, body);
    else
        lower_cond(L, p.cond, body, end);
    L->cur = body;
    lower_loop_body(L, p.body, end, inc, inc);
    L->cur = inc;
    if (!clang_Cursor_isNull(p.inc))
        lower_expr(L, p.inc);
    lower_jump(L, cond);
    L->cur = end;
}

static void switch_add_case(Lower *L, const char *label, int target)
{
    Block *sw = L->fn->blocks[L->sw->block];
    /* case_labels grows in step with succ, so it has succ's capacity
     * (taking n for it copied the labels at every case: quadratic memory,
     * 0.7 GB for a switch of 8,000 cases) */
    int n = sw->nsucc, cap = sw->cap_succ;
    ARENA_PUSH(L->a, sw->case_labels, n, cap, label);
    ir_add_succ(L->a, L->fn, sw->id, target);
}

/* switch (v) { case 1: A; case 2: B; default: D }:
 * [v] -> A, B, D; A falls through to B unless it breaks to end. Without a
 * default, the switch block also goes to end. */
static void lower_switch(Lower *L, CXCursor s)
{
    CXCursor *kids;
    if (cursor_children(L->a, s, &kids) != 2)
        return;
    Operand v = lower_expr(L, kids[0]);
    SwitchCtx ctx = {.block = lower_cur(L)};
    lower_end_block(L, TERM_SWITCH, cursor_loc(L->fe, kids[0]), &v);
    int end = ir_block_new(L->a, L->fn, "switch.end");
    SwitchCtx *saved_sw = L->sw;
    int saved_brk = L->brk;
    L->sw = &ctx;
    L->brk = end;
    lower_stmt(L, kids[1]);
    lower_jump(L, end);
    if (!ctx.has_default)
        switch_add_case(L, "default", end);
    L->sw = saved_sw;
    L->brk = saved_brk;
    L->cur = end;
}

/* The value of `case V:` without the implicit nodes around it (clang
 * wraps it in a constant expression, an enumerator's in a conversion
 * too), which are not folded. */
static CXCursor case_value_expr(Lower *L, CXCursor c)
{
    CXCursor *kids;
    while (clang_getCursorKind(c) == CXCursor_UnexposedExpr && cursor_children(L->a, c, &kids) == 1)
        c = kids[0];
    return c;
}

/* case V: S  — a new block, entered from the switch and by fall-through. */
static void lower_case(Lower *L, CXCursor s, bool is_default)
{
    CXCursor *kids;
    int n = cursor_children(L->a, s, &kids);
    if (n < 1)
        return;
    const char *label = "default";
    if (!is_default) {
        long long v;
        label = n >= 2 && cursor_eval_int(case_value_expr(L, kids[0]), &v)
                    ? arena_printf(L->a, "case %lld", v)
                    : "case ?";
    }
    int b = ir_block_new(L->a, L->fn, label);
    lower_start(L, b);
    if (L->sw) {
        switch_add_case(L, label, b);
        L->sw->has_default |= is_default;
    }
    lower_stmt(L, kids[n - 1]);
}

static void lower_label(Lower *L, CXCursor s)
{
    lower_start(L, lower_label_block(L, cursor_name(L->a, s)));
    lower_children(L, s);
}

static void lower_goto(Lower *L, CXCursor s)
{
    CXCursor *kids;
    if (cursor_children(L->a, s, &kids) < 1)
        return;
    if (clang_getCursorKind(kids[0]) == CXCursor_LabelRef)
        lower_jump(L, lower_label_block(L, cursor_name(L->a, kids[0])));
    L->cur = -1;
}

/* goto *p: an edge to every label; added once all labels are known. */
static void lower_indirect_goto(Lower *L, CXCursor s)
{
    lower_children(L, s);
    int b = lower_cur(L);
    ARENA_PUSH(L->a, L->indirect_gotos, L->nindirect, L->cap_indirect, b);
    L->cur = -1;
}

static void lower_return(Lower *L, CXCursor s)
{
    CXCursor *kids;
    Operand v = {.kind = OPND_NONE};
    if (cursor_children(L->a, s, &kids) >= 1)
        v = lower_expr(L, kids[0]);
    lower_end_block(L, TERM_RETURN, cursor_loc(L->fe, s), &v);
}

static void lower_break_continue(Lower *L, int target)
{
    if (target >= 0)
        lower_jump(L, target);
    L->cur = -1;
}

static void lower_stmt_kind(Lower *L, CXCursor s)
{
    enum CXCursorKind k = clang_getCursorKind(s);
    switch (k) {
    case CXCursor_CompoundStmt: lower_children(L, s); break;
    case CXCursor_DeclStmt: {
        CXCursor *kids;
        int n = cursor_children(L->a, s, &kids);
        for (int i = 0; i < n; i++)
            lower_var_decl(L, kids[i]);
        break;
    }
    case CXCursor_IfStmt: lower_if(L, s); break;
    case CXCursor_WhileStmt: lower_while(L, s); break;
    case CXCursor_DoStmt: lower_do(L, s); break;
    case CXCursor_ForStmt: lower_for(L, s); break;
    case CXCursor_SwitchStmt: lower_switch(L, s); break;
    case CXCursor_CaseStmt: lower_case(L, s, false); break;
    case CXCursor_DefaultStmt: lower_case(L, s, true); break;
    case CXCursor_LabelStmt: lower_label(L, s); break;
    case CXCursor_GotoStmt: lower_goto(L, s); break;
    case CXCursor_IndirectGotoStmt: lower_indirect_goto(L, s); break;
    case CXCursor_ReturnStmt: lower_return(L, s); break;
    case CXCursor_BreakStmt: lower_break_continue(L, L->brk); break;
    case CXCursor_ContinueStmt: lower_break_continue(L, L->cont); break;
    case CXCursor_NullStmt:
    case CXCursor_GCCAsmStmt:
    case CXCursor_MSAsmStmt:
        break;
    default:
        if (clang_isExpression(k))
            lower_expr(L, s);
        else if (clang_isStatement(k))
            lower_children(L, s);
    }
}

void lower_stmt(Lower *L, CXCursor s)
{
    if (!lower_enter(L, s))
        return;
    lower_stmt_kind(L, s);
    lower_leave(L);
}
