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

/* Every catalogued call after `check` whose path or path2 argument holds
 * the name `key` held at the check (see names.h), however many (what a
 * rule reports must not be cut short), in an array from the arena. With
 * same_dir, for a name relative to a directory descriptor: the later
 * calls on the same name relative to a descriptor it accepts
 * (site_path_at). */
typedef bool (*DirMatch)(const Function *fn, const Operand *dirfd, const void *ctx);
Site *flow_uses(Arena *a, const Function *fn, const Site *check, const char *key,
                    DirMatch same_dir, const void *ctx, int *n);

/* guards[b] is true when block b ends in a branch on a value derived from
 * one of the seed keys, seeds live just after the check. through_calls:
 * a call's result derives from its arguments (is_regular(&st)). */
bool *flow_guards(Arena *a, const Function *fn, const Site *check, const char **seeds,
                  int nseeds, bool through_calls);
/* Same, also telling whether a return statement returns such a value. */
bool *flow_guards_ret(Arena *a, const Function *fn, const Site *check, const char **seeds,
                      int nseeds, bool through_calls, bool *returns_derived);

/* Is storage `key` (a check's stat buffer) read anywhere after the check,
 * on some path? A stat() whose buffer is never read asked only whether
 * the name exists. */
bool flow_read_after(Arena *a, const Function *fn, const Site *check, const char *key);

/* Does a guard decide whether block b runs?  True when b is (transitively)
 * control dependent on a guard, or when b is reached only through a
 * guard's edge (a dominator of b has a guard as its only predecessor: the
 * exit of `while (check) ...` is no control dependence, yet decided). */
bool flow_is_guarded(Arena *a, const Function *fn, const DomTree *d, const CtrlDeps *cd,
                     const bool *guards, int b);

#endif
