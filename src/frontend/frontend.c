/* frontend.c - walks a translation unit's top level and lowers each
 * function defined in the main file (see frontend.h). */
#include "frontend.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/path.h"
#include "lower.h"

static const char *make_display(FrontEnd *fe, const char *name)
{
    const char *abs = path_absolute(fe->arena, fe->workdir ? fe->workdir : fe->cwd, name);
    size_t n = fe->cwd ? strlen(fe->cwd) : 0;
    if (n > 1 && !strncmp(abs, fe->cwd, n) && abs[n] == '/')
        return abs + n + 1;
    return abs;
}

const char *fe_display_path(FrontEnd *fe, CXFile f)
{
    if (!f)
        return "<unknown>";
    for (int i = fe->nnames - 1; i >= 0; i--)
        if (fe->names[i].file == f)
            return fe->names[i].display;
    CXString s = clang_getFileName(f);
    FileName fn = {f, make_display(fe, clang_getCString(s))};
    clang_disposeString(s);
    ARENA_PUSH(fe->arena, fe->names, fe->nnames, fe->cap_names, fn);
    return fn.display;
}

static void register_params(Lower *L, CXCursor fn)
{
    int n = clang_Cursor_getNumArguments(fn);
    for (int i = 0; i < n; i++)
        lower_var_key(L, clang_Cursor_getArgument(fn, i));
    L->fn->nparams = n > 0 ? n : 0;
    L->fn->exported = clang_getCursorLinkage(fn) == CXLinkage_External;
}

static CXCursor function_body(Lower *L, CXCursor fn)
{
    CXCursor *kids;
    int n = cursor_children(L->a, fn, &kids);
    for (int i = n - 1; i >= 0; i--)
        if (clang_getCursorKind(kids[i]) == CXCursor_CompoundStmt)
            return kids[i];
    return clang_getNullCursor();
}

static int by_block_id(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* Every indirect goto may reach every label of the function; in block
 * order, as the label map's order is that of hashed pointers. */
static void link_indirect_gotos(Lower *L)
{
    if (!L->nindirect)
        return;
    int *labels = ARENA_ARRAY(L->a, int, L->labels.n + 1), n = 0;
    for (int s = 0; s < L->labels.cap; s++)
        if (L->labels.slots[s].key)
            labels[n++] = L->labels.slots[s].value;
    qsort(labels, (size_t)n, sizeof(int), by_block_id);
    for (int i = 0; i < L->nindirect; i++) {
        Block *b = L->fn->blocks[L->indirect_gotos[i]];
        b->term = TERM_GOTO;
        for (int k = 0; k < n; k++)
            ir_add_succ(L->a, L->fn, b->id, labels[k]);
    }
}

static Function *lower_function(FrontEnd *fe, CXCursor c)
{
    Lower L = {.fe = fe, .a = &fe->fn_arena, .brk = -1, .cont = -1};
    L.fn = ir_function_new(L.a, cursor_name(L.a, c), cursor_loc(fe, c));
    register_params(&L, c);
    int body = ir_block_new(L.a, L.fn, "body");
    ir_add_succ(L.a, L.fn, L.fn->entry, body);
    L.cur = body;
    CXCursor stmts = function_body(&L, c);
    if (!clang_Cursor_isNull(stmts))
        lower_stmt(&L, stmts);
    if (L.cur >= 0) {   /* falling off the end returns */
        Operand none = {.kind = OPND_NONE};
        lower_end_block(&L, TERM_RETURN, L.fn->loc, &none);
    }
    link_indirect_gotos(&L);
    ir_compute_preds(L.a, L.fn);
    lower_map_free(&L.vars);
    strmap_free(&L.labels);
    strmap_free(&L.var_keys);
    return L.fn;
}

typedef struct TopWalk {
    FrontEnd *fe;
    CXFile main_file;
    FunctionVisitor visit;
    void *data;
} TopWalk;

static int in_main_file(TopWalk *w, CXCursor c)
{
    CXFile f;
    clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
    return f && clang_File_isEqual(f, w->main_file);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    TopWalk *w = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
        return CXChildVisit_Recurse;
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c) && in_main_file(w, c)) {
        w->visit(lower_function(w->fe, c), w->data);
        if (!w->fe->keep_functions)
            arena_free(&w->fe->fn_arena);
    }
    return CXChildVisit_Continue;
}

void fe_lower_functions(FrontEnd *fe, FunctionVisitor visit, void *data)
{
    CXCursor top = clang_getTranslationUnitCursor(fe->tu);
    CXString name = clang_getTranslationUnitSpelling(fe->tu);
    TopWalk w = {fe, clang_getFile(fe->tu, clang_getCString(name)), visit, data};
    clang_disposeString(name);
    clang_visitChildren(top, visit_top, &w);
}

void fe_dispose(FrontEnd *fe)
{
    arena_free(&fe->fn_arena);
    strmap_free(&fe->fn_attrs);
}
