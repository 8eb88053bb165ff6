/* ir.h - fsrace's intermediate representation: one Function per C function
 * definition, a control-flow graph of Blocks holding Instructions.
 *
 * The front end (src/frontend) lowers libclang cursors into this form; the
 * analyses (src/analysis, src/rules) never see libclang. Values are
 * described by Operands: an access path ("key") when the expression names
 * storage, plus every key it reads, so dataflow needs no expression trees.
 * Nested calls are lowered first into temporaries ("%3"), so a call's result
 * flows through the IR like any variable. */
#ifndef FSRACE_IR_H
#define FSRACE_IR_H
#include <stdbool.h>

#include "../util/arena.h"

typedef struct SrcLoc {
    const char *file;       /* display path of the expansion location */
    unsigned line, col;     /* 1-based; 0 when unknown */
} SrcLoc;

typedef enum OperandKind {
    OPND_NONE,      /* no value (void call result, absent operand) */
    OPND_LVALUE,    /* storage named by an access path: key = "c->path" */
    OPND_TEMP,      /* a call's result: key = "%N" */
    OPND_INT,       /* integer constant (folded by clang): ival */
    OPND_STRING,    /* string literal: key = "\"text\"" (its content) */
    OPND_ADDR,      /* &lvalue: key = the lvalue's path */
    OPND_EXPR,      /* any other expression: only reads is meaningful */
} OperandKind;

typedef struct Operand {
    OperandKind kind;
    const char *key;        /* see OperandKind; NULL otherwise */
    long long ival;         /* OPND_INT, or has_ival */
    bool has_ival;          /* value folded to an integer constant */
    const char **reads;     /* every lvalue key and temp read */
    int nreads;
    const char *text;       /* short source text, for messages and dumps */
    SrcLoc loc;
    bool to_const;          /* a call argument passed as pointer-to-const, or to a
                             * logger (printf-like, or in a `...`): the
                             * callee cannot write through it */
    bool to_pointer;        /* a call argument passed as a pointer */
    bool to_message;        /* a call argument formatted into a message by a
                             * printf-like function that writes no buffer
                             * (fprintf, syslog, a project's logger) */
    SrcLoc end;             /* call arguments: where the argument's text ends */
    bool or_safe;           /* call arguments: "ARG | X" is (ARG) | X, so a flag can be
                             * appended (not after a ?:, &&, ||, = or comma) */
    /* An integer expression that is not a constant, made of `|`, ?: and
     * constants around variables (`flags | O_NOFOLLOW`, `O_NOFOLLOW | (w ?
     * O_RDWR : O_RDONLY)`): the bits set whatever the variables hold, and
     * the variable when the value is exactly it OR'ed with constants. */
    long long bits_set;
    const char *bits_var;
} Operand;

/* A branch condition of the form `key OP value` (a bare `x` is x != 0):
 * lets analyses tell which edge a test like `fd < 0` takes on failure. */
typedef enum CompareOp { CMP_NONE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE } CompareOp;

typedef struct Compare {
    CompareOp op;
    const char *key;
    long long value;
    long long mask;         /* Block.masked only: (key & mask) OP value */
} Compare;

/* Does `x OP c` hold? (CMP_NONE: nothing is known, so it may.) */
bool ir_compare_holds(CompareOp op, long long x, long long c);

typedef enum CalleeKind {
    CALLEE_EXTERNAL,        /* declared, not defined here (libc, other TU) */
    CALLEE_DEFINED,         /* defined by the analysed program */
    CALLEE_INDIRECT,        /* through a function pointer */
} CalleeKind;

typedef struct Call {
    const char *callee;     /* function name; NULL when indirect */
    CalleeKind kind;
    bool noreturn;          /* exit(), abort(), err(), _Noreturn ... */
    bool libc;              /* declared in a system header */
    bool chosen;            /* one of the functions a table or ?: chooses from at
                             * the call: probes[i](p), (f ? a : b)(p) */
    Operand *args;
    int nargs;
} Call;

typedef enum InsKind {
    INS_CALL,       /* dst = callee(args) ; dst may be OPND_NONE */
    INS_ASSIGN,     /* dst = src ; also ++/--, compound assignment, init */
} InsKind;

typedef struct Ins {
    InsKind kind;
    SrcLoc loc;
    Operand dst;    /* written storage (OPND_LVALUE) or temp (OPND_TEMP) */
    Operand src;    /* INS_ASSIGN: the value stored */
    Call call;      /* INS_CALL */
} Ins;

typedef enum TermKind {
    TERM_GOTO,      /* unconditional: succ[0] */
    TERM_BRANCH,    /* cond true: succ[0], false: succ[1] */
    TERM_SWITCH,    /* succ[i] for case_labels[i]; last is default/exit */
    TERM_RETURN,    /* succ[0] = exit; cond = returned value */
    TERM_NORETURN,  /* ends in a call that never returns: succ[0] = exit */
    TERM_EXIT,      /* the exit block: no successors */
} TermKind;

typedef struct Block {
    int id;
    const char *label;      /* why the block exists: "if.then", "label out" */
    Ins *ins;
    int nins, cap_ins;
    TermKind term;
    Operand cond;           /* BRANCH/SWITCH condition, RETURN value */
    Compare cmp;            /* BRANCH on `key OP constant`, when it is one */
    Compare masked;         /* BRANCH on `(key & mask) OP constant`, when it is
                             * one: a file type test, S_ISLNK(st.st_mode) */
    SrcLoc term_loc;
    int *succ;
    int nsucc, cap_succ;
    const char **case_labels; /* TERM_SWITCH: text of each successor's case */
    int *pred;
    int npred, cap_pred;
} Block;

typedef enum VarKind { VAR_LOCAL, VAR_PARAM, VAR_GLOBAL, VAR_STATIC_LOCAL } VarKind;

typedef struct Var {
    const char *key;        /* unique in the function: "p", or "p'2" if shadowed */
    VarKind kind;
    bool pointer;           /* a pointer or array: may hold a file name */
    const char *record;     /* "struct fuse" when it is (or points at) a struct or
                             * union: tells v->lock of two struct types apart */
} Var;

typedef struct Function {
    const char *name;
    SrcLoc loc;
    Block **blocks;
    int nblocks, cap_blocks;
    int entry, exit;        /* block ids; entry = 0, exit = 1 */
    Var *vars;              /* the parameters first, in order */
    int nvars, cap_vars;
    int nparams;
    bool exported;          /* external linkage: other files may call it */
    int ntemps;
    const char *incomplete; /* non-NULL: why part of the body was skipped */
    unsigned long serial;   /* unique per process: caches keyed by function */
    const char **refs;      /* functions named other than as a direct callee
                             * (h->act = handler, pthread_create(.., worker, ..)):
                             * what the body may call through a pointer */
    int nrefs, cap_refs;
} Function;

/* Builders (used by the front end). */
Function *ir_function_new(Arena *a, const char *name, SrcLoc loc);
int ir_block_new(Arena *a, Function *fn, const char *label);
Ins *ir_append(Arena *a, Function *fn, int block, InsKind kind, SrcLoc loc);
void ir_add_succ(Arena *a, Function *fn, int from, int to);
/* Fill every block's pred[] from succ[]; call once after lowering. */
void ir_compute_preds(Arena *a, Function *fn);
/* Marks every block with a path of at least one edge to one of the n seed
 * blocks in work[0..n); a seed itself is marked only if such a path leads
 * back to it or the caller marked it. work is the work list: it must hold
 * fn->nblocks + n ints (each block is pushed once, when it is marked). */
void ir_mark_reaching(const Function *fn, unsigned char *mark, int *work, int n);
const char *ir_new_temp(Arena *a, Function *fn);
const Var *ir_find_var(const Function *fn, const char *key);

/* Access paths: "c->path[2].name". The root is the leading variable. */
/* The root variable of key ("c" in "*c->path"): its start and length. */
const char *ir_key_root(const char *key, int *len);
/* Does writing `written` change the storage named by `path`?  True when one
 * is a prefix of the other on a component boundary. */
bool ir_key_overlaps(const char *written, const char *path);
/* Is `written` the index of an element path names ("i" in "a[i]")? */
bool ir_key_index_uses(const char *written, const char *path);
bool ir_operand_reads(const Operand *o, const char *key);
/* Does the operand name (as an lvalue or &lvalue) or read storage that
 * overlaps `key` (ir_key_overlaps)? */
bool ir_operand_touches(const Operand *o, const char *key);

/* Text dump of the CFG, stable across runs (tests/cfg golden files). */
#include <stdio.h>
void ir_dump_function(FILE *out, const Function *fn);

#endif
