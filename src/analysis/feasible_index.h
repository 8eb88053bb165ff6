/* feasible_index.h - what feasible.c asks of a whole function, computed
 * once per function instead of once per check:
 *
 *  - for each tracked variable (and for none), the states (block, value)
 *    a path from the entry can reach: the check's states are read from it,
 *    and a check's own search goes forward from there only;
 *  - per block, the tested variables worth tracking for a use there.
 *
 * The states are those of feasible.h's search: a tracked variable holds
 * UNKNOWN, one of a handful of constants, or "differs from" one of them.
 *
 * The index of the function last asked for is kept per thread (keyed by
 * the function's serial number); feasible_index_release() frees it. */
#ifndef FSRACE_FEASIBLE_INDEX_H
#define FSRACE_FEASIBLE_INDEX_H
#include <stdint.h>

#include "cdep.h"

/* What a path knows of a tracked variable: it equals a constant, differs
 * from it (after a failed ==), is at least it or below it (after an
 * ordered test: `if (fd < 0) return;` leaves fd >= 0). */
typedef enum FeasFact { IS, ISNT, AT_LEAST, BELOW, NFACTS } FeasFact;

enum { FEAS_MAX_VALUES = 8, FEAS_MAX_VARS = 8, FEAS_UNKNOWN = 0,
       FEAS_NVALUES = NFACTS * FEAS_MAX_VALUES + 1 };

_Static_assert(FEAS_NVALUES <= 64, "a block's values are one 64-bit mask");

/* One tracked variable and the constants it is set to or tested against.
 * A value index v is FEAS_UNKNOWN (0) or a fact about one of consts:
 * 1 + fact * FEAS_MAX_VALUES + the constant's index. */
typedef struct Tracked {
    const char *key;            /* NULL: no variable (only constant tests) */
    long long consts[FEAS_MAX_VALUES];
    int n;
    bool dropped;               /* a constant found no room: values are then
                                 * numbered by the order a search met them */
} Tracked;

/* The value t holds at the end of blk, entered with v. */
int feasible_run_block(Tracked *t, const Block *blk, int v);
/* The value on blk's edge e, blk left with v (its end value); -1 for an
 * edge no path with v can take. out2 caches the two-way branch's answer:
 * call feasible_branch_out() once per block first. */
void feasible_branch_out(const Block *blk, Tracked *t, int v, int out2[2]);
static inline int feasible_edge_value(const int out2[2], int v, int e)
{
    return e >= 2 ? v : out2[e];
}

/* The states reachable from the entry, tracking one key. */
typedef struct Entered {
    Tracked t;
    uint64_t *values;           /* per block: bit v when (block, v) is reachable */
} Entered;

typedef struct FeasibleIndex FeasibleIndex;

FeasibleIndex *feasible_index(const Function *fn);
void feasible_index_release(void);

/* The states from the entry tracking key (NULL: none), searched once. */
Entered *feasible_entered(FeasibleIndex *x, const char *key);
/* The values key can hold on entering block c (*at, bit v for value v of
 * *t), searched only where it can differ from unknown; false when this
 * cannot answer (too many constants, too many blocks): ask
 * feasible_entered(). */
bool feasible_entered_at(FeasibleIndex *x, const char *key, int c, Tracked *t, uint64_t *at);
/* The plain local variables tested by the branches block b depends on,
 * transitively (at most FEAS_MAX_VARS); *keys their names. */
int feasible_tested_vars(FeasibleIndex *x, const CtrlDeps *cdep, int b,
                         const char *const **keys);

#endif
