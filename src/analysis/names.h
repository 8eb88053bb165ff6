/* names.h - which storage holds the name a check looked at, as the
 * program runs on: copies (q = p) hold it too, a buffer filled from the
 * same inputs (snprintf(b, .., "%s/x", dir) again) holds it too; a
 * reassigned pointer no longer does, and a buffer whose content changes
 * (strcpy(buf, other), buf[0] = 0) means no storage holds it any more. */
#ifndef FSRACE_NAMES_H
#define FSRACE_NAMES_H
#include "../ir/ir.h"

/* "Fill signature" of buffer `key` just before instruction (block, index):
 * how its current content was made, e.g. `printf:"%s/lock"|dir`, or NULL
 * when unknown. Looks back along single-predecessor blocks. */
const char *names_fill_before(Arena *a, const Function *fn, int block, int index,
                              const char *key);
/* The signature of what fill call `ins` (at block, index) writes, or NULL
 * when ins is no fill call. */
const char *names_fill_of(Arena *a, const Function *fn, int block, int index, const Ins *ins);
/* The variable or field a fill signature copies whole (strcpy(buf, p),
 * snprintf(buf, n, "%s", p): "p"), or NULL. */
const char *names_copied_from(Arena *a, const char *sig);
/* Is ins a call that fills its first argument (strcpy, snprintf...)? */
bool names_is_fill(const Ins *ins);

typedef struct NameSetIndex NameSetIndex;

typedef struct NameSet {
    const char **keys;  /* storage holding the name */
    int n, cap;
    const char *fill;   /* fill signature of the checked buffer while its
                         * inputs are unchanged, else NULL */
    const char **inner; /* pointers that may point into the name's buffer
                         * (ext = strrchr(buf, '.') + 1): a write through
                         * one changes the name */
    int ninner, cap_inner;
    NameSetIndex *idx;  /* a large set's hash index (nameset.c), or NULL */
} NameSet;

/* Add to s the keys that hold the same name at (block, index) because of
 * copies made earlier (q = p; ... check(p)). */
void names_aliases_before(Arena *a, const Function *fn, int block, int index, NameSet *s);

bool nameset_has(const NameSet *s, const char *key);
bool nameset_add(Arena *a, NameSet *s, const char *key);
/* Remove the key at place i (the last key takes its place); remove all. */
void nameset_remove_at(NameSet *s, int i);
void nameset_clear(NameSet *s);
/* The places of keys with key's variable: the first, the next after place
 * (-1: no more). A small set, without an index, gives every place. */
int nameset_first_of_root(const NameSet *s, const char *key);
int nameset_next_of_root(const NameSet *s, int place);
/* The places, ascending, of keys with an index ([i]); -1 when the set has
 * no index (then every place may be one). */
int nameset_bracket_places(const NameSet *s, const int **places);
/* The places, descending, of keys that may overlap key or use an index:
 * key's variable's and the bracketed ones; -1 when the set has no index
 * (then every place, from the last). Valid until the set changes. */
int nameset_overlap_places(const NameSet *s, const char *key, const int **places);
/* Is ins a call of a program function given both the name and a
 * writable pointer into it (procmail's unique(buf2, chp2, ...), chp2 =
 * buf2 + n): it writes the name it then works on, so what it does is not
 * done to the name the caller held before the call. */
bool names_call_rewrites(const NameSet *s, const Ins *ins);
/* Update s for one instruction. */
void nameset_step(Arena *a, const Function *fn, int block, int index, NameSet *s);

#endif
