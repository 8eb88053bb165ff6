/* flow.h - the two forward searches a check->use rule needs, both started
 * just after a check call:
 *
 *  - flow_uses: which later calls name the same file, along some path on
 *    which the name's storage is not overwritten (the "same name" test);
 *  - flow_guards: which branches test a value derived from the check (its
 *    result, its stat buffer, copies of either), and so which blocks run
 *    only for one outcome of the check (the "decides the use" test).
 */
#ifndef FSRACE_FLOW_H
#define FSRACE_FLOW_H
#include "cdep.h"
#include "dom.h"
#include "sites.h"

/* Blocks in a set, sorted (flow_decided_has), with the largest
 * FlowIndex num among them: a search can stop where it cannot get back
 * to any of them. */
typedef struct BlockSet {
    int *blocks;
    int n;
    int horizon;
} BlockSet;

/* Every catalogued call after `check` whose path or path2 argument holds
 * the name `key` held at the check (see names.h), however many (what a
 * rule reports must not be cut short), in an array from the arena. With
 * same_dir, for a name relative to a directory descriptor: the later
 * calls on the same name relative to a descriptor it accepts
 * (site_path_at). */
typedef bool (*DirMatch)(const Function *fn, const Operand *dirfd, const void *ctx);
Site *flow_uses(Arena *a, const Function *fn, const Site *check, const char *key,
                    DirMatch same_dir, const void *ctx, int *n);
/* Only the uses in blocks of `within` (the search goes no further than
 * it can lead back to one of them): the uses a set of guards decides. */
Site *flow_uses_within(Arena *a, const Function *fn, const Site *check, const char *key,
                       DirMatch same_dir, const void *ctx, const BlockSet *within, int *n);

/* The branches on a value derived from one of the seed keys, seeds live
 * just after the check; whether a return statement returns such a value;
 * and, once asked for, the blocks they decide. */
typedef struct Guards {
    int *blocks;
    int n, cap;
    bool returns_derived;
    BlockSet *decided;
} Guards;

/* through_calls: a call's result derives from its arguments
 * (is_regular(&st)). */
Guards *flow_guards(Arena *a, const Function *fn, const Site *check, const char **seeds,
                    int nseeds, bool through_calls);
/* Is block b one of the guards? */
bool flow_is_guard(const Guards *g, int b);

/* Is storage `key` (a check's stat buffer) read anywhere after the check,
 * on some path? A stat() whose buffer is never read asked only whether
 * the name exists. */
bool flow_read_after(Arena *a, const Function *fn, const Site *check, const char *key);
/* Is it read on some path from the check to the use, before the use (the
 * use's own arguments not counted: whatever the use does with the buffer
 * happens after the window)? Where it is not, the check decided the use
 * only by succeeding: it asked whether the name exists. */
bool flow_read_between(Arena *a, const Function *fn, const Site *check, const Site *use,
                       const char *key);
/* Does the instruction read key (a libc call given &key to fill does not)? */
bool flow_ins_reads(const Ins *ins, const char *key);

/* Does a guard decide whether block b runs?  True when b is (transitively)
 * control dependent on a guard, or when b is reached only through a
 * guard's edge (a dominator of b has a guard as its only predecessor: the
 * exit of `while (check) ...` is no control dependence, yet decided). */
bool flow_is_guarded(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                     Guards *g, int b);
/* Every block flow_is_guarded() is true for (computed once per Guards). */
const BlockSet *flow_decided(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                            Guards *g);
/* b and the blocks it dominates. */
BlockSet flow_dominated(Arena *a, const Function *fn, const DomTree *d, int b);
bool flow_decided_has(const BlockSet *d, int b);

#endif
