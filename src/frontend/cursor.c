/* cursor.c - helpers over libclang cursors; see cursor.h. */
#include "cursor.h"

#include <stdbool.h>
#include <string.h>

#include "frontend.h"
#include "../util/strbuf.h"

typedef struct ChildList {
    Arena *arena;
    CXCursor *items;
    int n, cap;
} ChildList;

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    ChildList *l = data;
    ARENA_PUSH(l->arena, l->items, l->n, l->cap, c);
    return CXChildVisit_Continue;
}

int cursor_children(Arena *a, CXCursor c, CXCursor **out)
{
    ChildList l = {.arena = a};
    clang_visitChildren(c, collect_child, &l);
    *out = l.items;
    return l.n;
}

/* First and last child and their count, without allocating. */
typedef struct ChildEnds {
    CXCursor first, last;
    int n;
} ChildEnds;

static enum CXChildVisitResult note_child(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    ChildEnds *e = data;
    if (e->n++ == 0)
        e->first = c;
    e->last = c;
    return CXChildVisit_Continue;
}

static ChildEnds child_ends(CXCursor c)
{
    ChildEnds e = {clang_getNullCursor(), clang_getNullCursor(), 0};
    clang_visitChildren(c, note_child, &e);
    return e;
}

static int same_extent(CXCursor a, CXCursor b)
{
    return clang_equalRanges(clang_getCursorExtent(a), clang_getCursorExtent(b));
}

CXCursor cursor_strip(CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        CXCursor next = clang_getNullCursor();
        if (k == CXCursor_ParenExpr || k == CXCursor_UnexposedExpr) {
            ChildEnds e = child_ends(c);
            if (e.n == 1)
                next = e.first;
        } else if (k == CXCursor_CStyleCastExpr) {
            next = child_ends(c).last;
        } else if (k == CXCursor_CompoundLiteralExpr || k == CXCursor_InitListExpr) {
            /* the implicit conversion to a transparent union (glibc's
             * __CONST_SOCKADDR_ARG under _GNU_SOURCE): no text of its own */
            CXCursor last = child_ends(c).last;   /* after a TypeRef */
            if (!clang_Cursor_isNull(last) && same_extent(c, last))
                next = last;
        }
        if (clang_Cursor_isNull(next) || !clang_isExpression(clang_getCursorKind(next)))
            return c;
        c = next;
    }
}

int cursor_is_binary_conditional(Arena *a, CXCursor c, CXCursor *x, CXCursor *y)
{
    if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
        return 0;
    CXCursor *kids;
    int n = cursor_children(a, c, &kids);
    /* BinaryConditionalOperator: common, opaque cond, opaque true, false. */
    if (n != 4 || !same_extent(kids[0], kids[1]) || !same_extent(kids[0], kids[2]))
        return 0;
    *x = kids[0];
    *y = kids[3];
    return 1;
}

SrcLoc cursor_loc(FrontEnd *fe, CXCursor c)
{
    CXFile file;
    unsigned line, col;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &col, NULL);
    SrcLoc loc = {fe_display_path(fe, file), line, col};
    return loc;
}

SrcLoc cursor_end_loc(FrontEnd *fe, CXCursor c)
{
    CXFile file;
    unsigned line, col;
    clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(c)), &file, &line, &col,
                               NULL);
    SrcLoc loc = {fe_display_path(fe, file), line, col};
    return loc;
}

const char *cursor_name(Arena *a, CXCursor c)
{
    CXString s = clang_getCursorSpelling(c);
    const char *name = arena_strdup(a, clang_getCString(s));
    clang_disposeString(s);
    return name;
}

static int is_word_token(CXTokenKind k)
{
    return k == CXToken_Identifier || k == CXToken_Keyword || k == CXToken_Literal;
}

/* Binary operators printed with spaces around them. */
static int spaced_operator(const char *t)
{
    static const char *const ops[] = {"==", "!=", "<=", ">=", "&&", "||", "=", "<", ">",
                                      "?", ":", "|", "^", "/", "%", "<<", ">>", "+=",
                                      "-=", "|=", "&=", NULL};
    for (int i = 0; ops[i]; i++)
        if (!strcmp(t, ops[i]))
            return 1;
    return 0;
}

enum { TEXT_MAX_TOKENS = 40 };

/* Is loc inside a macro expansion (spelled somewhere else)? */
static bool from_macro(CXSourceLocation loc)
{
    CXFile ef, sf;
    unsigned eo, so;
    clang_getExpansionLocation(loc, &ef, NULL, NULL, &eo);
    clang_getSpellingLocation(loc, &sf, NULL, NULL, &so);
    return ef != sf || eo != so;
}

/* The extent of c as written in the file: for code from a macro
 * expansion, the span of the macro's use rather than of its definition. */
static CXSourceRange written_extent(FrontEnd *fe, CXCursor c)
{
    CXSourceRange r = clang_getCursorExtent(c);
    CXSourceLocation start = clang_getRangeStart(r), end = clang_getRangeEnd(r);
    bool macro_end = from_macro(end);
    if (!from_macro(start) && !macro_end)
        return r;
    CXFile fs, fe_;
    unsigned s, e;
    clang_getExpansionLocation(start, &fs, NULL, NULL, &s);
    clang_getExpansionLocation(end, &fe_, NULL, NULL, &e);
    if (fs != fe_ || e < s)
        e = s;
    /* An end inside a macro marks where the macro's name starts: keep it. */
    return clang_getRange(clang_getLocationForOffset(fe->tu, fs, s),
                          clang_getLocationForOffset(fe->tu, fs, e + (macro_end ? 1 : 0)));
}

const char *cursor_text(FrontEnd *fe, CXCursor c)
{
    CXToken *toks;
    unsigned n;
    clang_tokenize(fe->tu, written_extent(fe, c), &toks, &n);
    StrBuf b = {0};
    CXTokenKind prev = CXToken_Punctuation;
    for (unsigned i = 0; i < n && i < TEXT_MAX_TOKENS; i++) {
        CXString s = clang_getTokenSpelling(fe->tu, toks[i]);
        const char *t = clang_getCString(s);
        CXTokenKind k = clang_getTokenKind(toks[i]);
        int spaced = spaced_operator(t);
        if (b.len && ((is_word_token(k) && is_word_token(prev)) || spaced))
            sb_putc(&b, ' ');
        sb_puts(&b, t);
        if (spaced || !strcmp(t, ","))
            sb_putc(&b, ' ');
        prev = k;
        clang_disposeString(s);
    }
    if (n > TEXT_MAX_TOKENS)
        sb_puts(&b, "...");
    clang_disposeTokens(fe->tu, toks, n);
    const char *text = arena_strdup(&fe->fn_arena, sb_str(&b));
    sb_free(&b);
    return text;
}

/* clang_Cursor_Evaluate crashes on some expressions (initializer lists
 * with designators, seen in util-linux): only fold the kinds that can be
 * integer constant expressions. */
static bool may_fold(CXCursor c)
{
    switch (clang_getCursorKind(c)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_BinaryOperator:
    case CXCursor_UnaryOperator:
    case CXCursor_ParenExpr:
    case CXCursor_CStyleCastExpr:
    case CXCursor_UnaryExpr:
    case CXCursor_ConditionalOperator:
    case CXCursor_DeclRefExpr:
        return true;
    default:
        return false;
    }
}

int cursor_eval_int(CXCursor c, long long *v)
{
    if (!may_fold(c))
        return 0;
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return 0;
    int ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *v = clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

const char *cursor_eval_string(Arena *a, CXCursor c)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return NULL;
    const char *s = NULL;
    if (clang_EvalResult_getKind(r) == CXEval_StrLiteral)
        s = arena_strdup(a, clang_EvalResult_getAsStr(r));
    clang_EvalResult_dispose(r);
    return s;
}
