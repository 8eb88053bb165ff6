/* names_index.h - what names.c asks of a whole function, computed once per
 * function instead of once per check: the instructions that may make a
 * pointer into a name (ext = buf + n, t = strrchr(buf, '/')), by the
 * variables they read, so that finding the pointers into a name anywhere
 * in the function costs what touches the name, not a sweep per check; and
 * the calls that fill a buffer with a name.
 *
 * The index of the function last asked for is kept per thread (keyed by
 * the function's serial number); names_index_release() frees it. */
#ifndef FSRACE_NAMES_INDEX_H
#define FSRACE_NAMES_INDEX_H
#include "../ir/ir.h"

typedef struct NamesIndex NamesIndex;

NamesIndex *names_index(const Function *fn);
void names_index_release(void);

/* Does the callee return a pointer into its string argument (strchr,
 * basename, strtok...)? */
bool names_points_into_arg(const char *callee);

/* A walk over the candidates in program order: begin one, add the
 * candidates that read key's variable and come after candidate `after`
 * (-1: all), take the next one not taken yet (-1: none left). A
 * candidate is an assignment of a computed value (not a copy, not a
 * string) or a call that points into its argument, to a plain variable. */
void names_index_begin(NamesIndex *x);
void names_index_add_readers(NamesIndex *x, const char *key, int after);
int names_index_next(NamesIndex *x);
const Ins *names_index_candidate(const NamesIndex *x, int c);

/* The function's fill calls (names_is_fill(): snprintf(buf, ...),
 * strcpy(buf, ...), asprintf(&p, ...)) in program order; *n their count. */
const Ins *const *names_index_fills(const NamesIndex *x, int *n);

#endif
