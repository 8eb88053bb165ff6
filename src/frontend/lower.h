/* lower.h - state shared by the lowering files (lower_*.c): the function
 * being built, the block receiving instructions, loop and switch targets. */
#ifndef FSRACE_LOWER_H
#define FSRACE_LOWER_H
#include "cursor.h"
#include "frontend.h"
#include "../util/strmap.h"

/* Deeper nesting than this is left out, and the function marked incomplete:
 * it bounds the recursion of the lowering on generated code. */
enum { LOWER_MAX_DEPTH = 10000 };

typedef struct CursorSlot {
    CXCursor cursor;        /* a VarDecl or ParmDecl */
    const char *key;        /* its variable key */
    bool used;
} CursorSlot;

/* Open-addressing map from declaration cursors to variable keys. */
typedef struct CursorMap {
    CursorSlot *slots;
    int cap, n;
} CursorMap;

typedef struct SwitchCtx {
    int block;              /* the block ending in TERM_SWITCH */
    bool has_default;
} SwitchCtx;

typedef struct Lower {
    FrontEnd *fe;
    Arena *a;
    Function *fn;
    int cur;                /* block receiving instructions; -1: unreachable */
    int brk, cont;          /* break / continue targets; -1 outside loops */
    SwitchCtx *sw;          /* innermost switch, or NULL */
    CursorMap vars;         /* declaration -> key */
    StrMap labels;          /* label name -> block (labels are function-wide) */
    StrMap var_keys;        /* the keys of fn->vars, so that naming a variable
                             * does not scan every earlier one */
    int *indirect_gotos;    /* blocks ending in `goto *p` */
    int nindirect, cap_indirect;
    int depth;              /* current recursion depth */
} Lower;

/* lower_blocks.c: block bookkeeping */
int lower_cur(Lower *L);                     /* current block, made if unreachable */
void lower_jump(Lower *L, int target);       /* end current block with goto */
void lower_start(Lower *L, int block);       /* jump to block and continue there */
void lower_end_block(Lower *L, TermKind t, SrcLoc loc, const Operand *cond);
bool lower_enter(Lower *L, CXCursor c);      /* depth guard: false = skip */
void lower_leave(Lower *L);

/* lower_names.c: variables and labels */
const char *lower_var_key(Lower *L, CXCursor decl);
int lower_label_block(Lower *L, const char *name);
void lower_map_free(CursorMap *m);

/* lower_expr.c */
Operand lower_expr(Lower *L, CXCursor e);
Operand operand_expr(Lower *L, CXCursor e, const char **reads, int nreads);
Operand operand_temp(Lower *L, CXCursor e);  /* a fresh "%N" */
void lower_assign_temp(Lower *L, CXCursor e, const Operand *temp, const Operand *value);
void operand_add_reads(Lower *L, const char ***reads, int *n, int *cap, const Operand *o);

/* lower_cond.c: conditions with short-circuit control flow */
void lower_cond(Lower *L, CXCursor e, int t, int f);
Operand lower_logical_value(Lower *L, CXCursor e);
Operand lower_conditional_value(Lower *L, CXCursor e);

/* lower_call.c */
Operand lower_call(Lower *L, CXCursor e);

/* lower_stmt.c */
void lower_stmt(Lower *L, CXCursor s);

#endif
