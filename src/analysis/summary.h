/* summary.h - what a program function does to the names it is given, so a
 * call of it can stand in for the libc calls inside it:
 *
 *     static int file_exists(const char *p) { struct stat st; return stat(p, &st) == 0; }
 *     ...
 *     if (file_exists(path))      <- a check of `path`, like stat()
 *         write_file(path, data); <- a use of `path`, like the fopen() inside
 *
 * An Effect says: parameter N is checked (and the outcome returned),
 * used by name (opened, changed, removed), or created anew, and through
 * which libc call at
 * the end of the chain. Each effect is seen by the rules as a catalogue
 * entry (FileFunc) of the wrapper itself, so the check->use engine needs no
 * special case. Summaries compose through calls and are computed to a
 * fixed point (recursion terminates); unknown callees and function
 * pointers have no effects. */
#ifndef FSRACE_SUMMARY_H
#define FSRACE_SUMMARY_H
#include "../ir/ir.h"
#include "../model/catalog.h"

/* EFFECT_CREATE: the function creates the file its parameter names
 * (mkstemp(), mkdir(), symlink()'s new name inside), failing if anything
 * is there: a catalogue entry of group G_CREATE with the NEWNAME role only,
 * seen by name-after-create, no check and no use. */
typedef enum EffectKind { EFFECT_CHECK, EFFECT_USE, EFFECT_CREATE } EffectKind;

typedef struct Effect {
    EffectKind kind;
    FileFunc as;            /* the effect as a catalogue entry of the wrapper */
} Effect;

typedef struct Summary {
    const char *name;
    bool exported;          /* external linkage: other files may call it */
    bool declared;          /* from the configuration, not computed */
    bool drops_rights;      /* gives the rights up: setuid(getuid()), or a call of
                             * a function that does (risk_facts.h) */
    bool regains_rights;    /* sets other ids: seteuid(saved_euid)... */
    int ids_param;          /* 1 + the parameter it sets the user id to on every
                             * path that returns (screen's xseteuid(euid)): a
                             * drop when the caller passes the real id; 0: none */
    bool ids_for_good;      /* ... with setuid() or setresuid(u, u, u) (postfix's
                             * set_ugid()): no way back, whatever the user */
    int fstat_fd, fstat_out; /* 1 + the parameters of an fstat() wrapper (postfix's
                             * warn_fstat(fd, st)): the descriptor it fstat()s
                             * into the buffer; 0: none */
    bool pure_result;       /* what it returns depends on its arguments only (no
                             * global it reads, no I/O): join(dir, name) twice
                             * with the same inputs names one file */
    Effect *effects;
    int n, cap;
} Summary;

typedef struct SummaryTable {
    Arena *arena;           /* owns summaries added with summary_put */
    Summary **items;        /* in insertion order */
    int n, cap;
    int *slots;             /* hash index (item + 1, 0 empty), in arena; */
    int nslots;             /* NULL while the table is small */
    const struct SummaryTable *next;   /* consulted when a name is not here */
} SummaryTable;

/* The table in effect for the translation unit this thread analyses (the
 * rules reach summaries through site_func(), which has no context). */
void summary_set_current(const SummaryTable *t);
const SummaryTable *summary_current(void);

const Summary *summary_find(const SummaryTable *t, const char *name);
/* In t alone, not the tables chained behind it. */
const Summary *summary_find_here(const SummaryTable *t, const char *name);
/* The summary of name in effect: declared (configuration) first, then the
 * current table chain. */
const Summary *summary_lookup(const char *name);
/* Summaries declared in the configuration; set once, before any thread. */
void summary_set_declared(const SummaryTable *t);
bool summary_is_declared(const char *name);
const SummaryTable *summary_declared(void);   /* NULL: none */
/* Insert or replace (copying s into t's arena); true if t changed. */
bool summary_put(SummaryTable *t, const Summary *s);
bool summary_equal(const Summary *a, const Summary *b);
/* The operand a call of a summarised function names when its effect is on
 * global variable `key` (FileFunc.global), allocated in a. */
const Operand *summary_global_operand(Arena *a, const char *key);
/* Does the summary say anything to other files (effects, a change of
 * rights)? A pure result is used inside its own file only: exported, a
 * function that names no file would make the pool's summaries of a name
 * ambiguous (two programs, each with its own is_dir()). */
bool summary_says_something(const Summary *s);

#endif
