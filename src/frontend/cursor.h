/* cursor.h - small helpers over libclang cursors: children as an array,
 * stripping of parentheses and implicit casts, locations, source text. */
#ifndef FSRACE_CURSOR_H
#define FSRACE_CURSOR_H
#include <clang-c/Index.h>

#include "../ir/ir.h"

typedef struct FrontEnd FrontEnd;

/* The direct children of c, in order, in an arena array. */
int cursor_children(Arena *a, CXCursor c, CXCursor **out);
/* Skip ParenExpr, implicit casts (one-child UnexposedExpr) and casts. */
CXCursor cursor_strip(CXCursor c);
/* Is c a GNU binary conditional `x ?: y` (an UnexposedExpr, 4 children)? */
int cursor_is_binary_conditional(Arena *a, CXCursor c, CXCursor *x, CXCursor *y);
/* Expansion location of c (macro calls point at the macro's use). */
SrcLoc cursor_loc(FrontEnd *fe, CXCursor c);
/* Expansion location of the end of c's text (just past its last token). */
SrcLoc cursor_end_loc(FrontEnd *fe, CXCursor c);
/* Cursor spelling copied into the arena. */
const char *cursor_name(Arena *a, CXCursor c);
/* Tokens of c joined into short readable text ("access(p, 4) == 0"). */
const char *cursor_text(FrontEnd *fe, CXCursor c);
/* Fold an integer constant expression; returns 1 and sets *v on success. */
int cursor_eval_int(CXCursor c, long long *v);
/* Fold a string literal to its content; NULL if c is none. */
const char *cursor_eval_string(Arena *a, CXCursor c);

#endif
