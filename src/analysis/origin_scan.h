/* origin_scan.h - the definitions of a key inside one long block,
 * remembered across queries (origin.c's reaching definitions).
 *
 * Each query walks back from its own instruction, up to a budget of 5,000
 * steps; in a long block, N calls on one buffer filled at the top each
 * walked back over the same instructions, N x 5,000 tests. The scan keeps,
 * per key and block, the stretch of instructions already examined and the
 * definitions found in it, so that an instruction is examined about once
 * per key; the answers (and the budget they are charged) are the walk's. */
#ifndef FSRACE_ORIGIN_SCAN_H
#define FSRACE_ORIGIN_SCAN_H
#include "../ir/ir.h"

/* Blocks shorter than this are walked as before: nothing to remember. */
enum { ORIGIN_SCAN_MIN_BLOCK = 64 };

typedef struct OriginScan OriginScan;

/* A definition: the instruction, and what defines() said of it. */
typedef struct ScanDef {
    int index, kind, writer;
} ScanDef;

/* What origin.c says an instruction does to key (0: nothing), with the
 * buffer writer in *writer. */
typedef int (*ScanDefines)(const Ins *ins, const char *key, int *writer);

OriginScan *origin_scan_new(Arena *a, const Function *fn, ScanDefines defines);

/* The last definition of key in block b before instruction `from` and at
 * or after instruction `floor` (*d), or false if there is none there. */
bool origin_scan_last(OriginScan *s, int b, int from, int floor, const char *key, ScanDef *d);

#endif
