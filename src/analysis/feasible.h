/* feasible.h - whether a check can be followed by a use on any path, as
 * far as simple correlations tell:
 *
 *     if (stat(p, &st) != 0) h = NULL;    <- the check, on the branch that
 *     else h = lookup(p);                    clears h
 *     if (h) unlink(p);                   <- the use: never after that branch
 *
 * A variable set to constants (a pointer to NULL, a flag to 0 or 1), or
 * tested before (`if (result && rm)` ... `if (!result)`), decides which
 * edges a path may take at a later test of it; a loop whose test is such
 * a flag known false cannot go round again. One variable at a time
 * (those the use's block depends on), each a handful of values, so the
 * search is a reachability over blocks x values. */
#ifndef FSRACE_FEASIBLE_H
#define FSRACE_FEASIBLE_H
#include "cdep.h"
#include "feasible_index.h"
#include "sites.h"

/* The answers for one check (a check, or the call that made a name),
 * shared by its uses; allocated in `a`, its searches kept until
 * feasible_end(). */
typedef struct Feasibility Feasibility;
Feasibility *feasible_begin(Arena *a, const Function *fn, const CtrlDeps *cdep,
                            const Site *check);
/* Is there no path from the entry through the check to `use` that
 * respects what is known of some tested variable? (true: the pair cannot
 * happen; false: it may.) */
bool feasible_pair_infeasible(Feasibility *f, const Site *use);
void feasible_end(Feasibility *f);

/* The use names the checked name only through a copy into its own
 * storage (*namep = arg): is it reached from none of those copies,
 * respecting what is known of the tested variables? A pair needs a path
 * from the check through a copy to the use (screen's OpenDevice():
 * *typep = PLAIN; *namep = arg on the branch that checked arg; the
 * chown() of *namep only where *typep == PTY). False when no copy is
 * seen, or a call may make one (given both names). */
bool feasible_copy_infeasible(Arena *a, const Function *fn, const CtrlDeps *cdep,
                              const char *checked, const Site *use);

#endif
