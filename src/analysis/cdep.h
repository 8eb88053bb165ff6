/* cdep.h - control dependence (Ferrante, Ottenstein & Warren, "The
 * Program Dependence Graph and Its Use in Optimization", 1987): block B is
 * control dependent on branch A when one of A's edges always leads to B
 * and another may avoid it, i.e. A decides whether B runs. */
#ifndef FSRACE_CDEP_H
#define FSRACE_CDEP_H
#include "dom.h"

typedef struct CtrlDeps {
    int **on;       /* on[b]: the branches b is control dependent on */
    int *n;
} CtrlDeps;

CtrlDeps cdep_build(Arena *a, const Function *fn, const DomTree *postdom);

#endif
