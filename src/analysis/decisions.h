/* decisions.h - a check's decision kept in a variable set in a branch
 * over the check (an implicit flow):
 *
 *     if (access(c[i], R_OK) == 0) { pick = i; break; }   <- set only when it passed
 *     if (pick < 0) return NULL;                          <- tests the check
 *     fp = fopen(c[pick], "r+");
 *
 * flow_guards follows values (ok = access(p, R_OK) == 0); this adds the
 * variables assigned in blocks the check decides: a later branch reading
 * one is a branch over the check too. */
#ifndef FSRACE_DECISIONS_H
#define FSRACE_DECISIONS_H
#include "flow.h"

/* Add to the guards the branches after `check` that test a variable
 * assigned a constant or a variable in a block the guards already decide
 * (a counter, i = i + 1, or a call's result is no decision). */
void decisions_add_flags(Arena *a, const Function *fn, const DomTree *dom, const CtrlDeps *cd,
                         const Site *check, Guards *guards);

#endif
