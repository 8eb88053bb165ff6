/* lower_names.c - keys for variables, looked up by declaration cursor, and
 * blocks for labels, looked up by name (a label's LabelRef and LabelStmt
 * cursors do not compare equal). A key is the variable's name; a second variable of the
 * same name in one function (shadowing) becomes "name'2", so keys stay
 * unique and still read well in messages. */
#include <stdlib.h>
#include <string.h>

#include "lower.h"

static void map_grow(CursorMap *m);

/* The slot holding c, or the empty slot where it belongs. */
static CursorSlot *map_slot(CursorMap *m, CXCursor c)
{
    if ((m->n + 1) * 2 > m->cap)
        map_grow(m);
    unsigned mask = (unsigned)m->cap - 1;
    for (unsigned i = clang_hashCursor(c) & mask;; i = (i + 1) & mask) {
        CursorSlot *s = &m->slots[i];
        if (!s->used || clang_equalCursors(s->cursor, c))
            return s;
    }
}

static void map_grow(CursorMap *m)
{
    CursorMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->slots = calloc((size_t)m->cap, sizeof(CursorSlot));
    if (!m->slots)
        abort();
    for (int i = 0; i < old.cap; i++) {
        if (!old.slots[i].used)
            continue;
        *map_slot(m, old.slots[i].cursor) = old.slots[i];
        m->n++;
    }
    free(old.slots);
}

void lower_map_free(CursorMap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}

static VarKind var_kind(CXCursor decl)
{
    if (clang_getCursorKind(decl) == CXCursor_ParmDecl)
        return VAR_PARAM;
    if (!clang_Cursor_hasVarDeclGlobalStorage(decl))
        return VAR_LOCAL;
    CXCursor parent = clang_getCursorSemanticParent(decl);
    return clang_getCursorKind(parent) == CXCursor_FunctionDecl ? VAR_STATIC_LOCAL : VAR_GLOBAL;
}

/* name, or name'N when a different variable already took name. */
static const char *unique_key(Lower *L, const char *name)
{
    const char *key = name;
    for (int n = 2; strmap_get(&L->var_keys, key, NULL); n++)
        key = arena_printf(L->a, "%s'%d", name, n);
    return key;
}

/* "struct x" when t is a struct or union, or a pointer or array of one;
 * NULL otherwise. */
static const char *record_of(Arena *a, CXType t)
{
    t = clang_getCanonicalType(t);
    while (t.kind == CXType_Pointer || t.kind == CXType_ConstantArray ||
           t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray)
        t = clang_getCanonicalType(t.kind == CXType_Pointer ? clang_getPointeeType(t)
                                                             : clang_getArrayElementType(t));
    if (t.kind != CXType_Record)
        return NULL;
    CXString s = clang_getTypeSpelling(t);
    const char *text = arena_strdup(a, clang_getCString(s));
    clang_disposeString(s);
    return text;
}

const char *lower_var_key(Lower *L, CXCursor decl)
{
    decl = clang_getCanonicalCursor(decl);
    CursorSlot *s = map_slot(&L->vars, decl);
    if (s->used)
        return s->key;
    const char *key = unique_key(L, cursor_name(L->a, decl));
    s->used = true;
    s->cursor = decl;
    s->key = key;
    L->vars.n++;
    enum CXTypeKind t = clang_getCanonicalType(clang_getCursorType(decl)).kind;
    bool pointer = t == CXType_Pointer || t == CXType_ConstantArray ||
                   t == CXType_IncompleteArray || t == CXType_VariableArray;
    Var v = {key, var_kind(decl), pointer, record_of(L->a, clang_getCursorType(decl))};
    ARENA_PUSH(L->a, L->fn->vars, L->fn->nvars, L->fn->cap_vars, v);
    strmap_put(&L->var_keys, key, L->fn->nvars - 1);
    return key;
}

int lower_label_block(Lower *L, const char *name)
{
    int block;
    if (strmap_get(&L->labels, name, &block))
        return block;
    block = ir_block_new(L->a, L->fn, arena_printf(L->a, "label %s", name));
    strmap_put(&L->labels, name, block);
    return block;
}
