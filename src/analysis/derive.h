/* derive.h - what a function's check outcome flows into, asked for every
 * check of the function: the locals assigned a value read from a seed (a
 * check's result, errno, its buffer), through plain assignments in any
 * order (r = !ok; ret = r), and the assignments that hand a value to the
 * caller through a pointer parameter (*ok = ..., st->valid = ...).
 *
 * The assignment graph is built once per function and each seed's closure
 * once, so a function of N checks costs what the answers hold, not N
 * sweeps of the function to a fixed point (summarize.c asked per check). */
#ifndef FSRACE_DERIVE_H
#define FSRACE_DERIVE_H
#include "../ir/ir.h"

typedef struct DeriveIndex DeriveIndex;

DeriveIndex *derive_index(Arena *a, const Function *fn);

/* Does o read one of the seeds, or a local derived from one? */
bool derive_reads(DeriveIndex *x, const Operand *o, const char *const *seeds, int n);

/* The pointer parameter a store through `key` goes to (*ok, st->ok,
 * ok[0] for the parameter ok), or -1. */
int derive_stored_through_param(const Function *fn, const char *key);

/* An assignment storing through pointer parameter `param`. */
typedef struct ParamStore {
    int block, index, param;
} ParamStore;

/* The function's stores through pointer parameters, in program order
 * (block by block). */
const ParamStore *derive_param_stores(const DeriveIndex *x, int *n);

#endif
