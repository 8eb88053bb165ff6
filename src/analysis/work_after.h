/* work_after.h - does a summarised function work on its name after a
 * check of it (summarize.c's works_after_check)? Asked for every check of
 * the name, so the answer comes from facts made once per name and
 * function: per block, the last work site in it and whether a block
 * holding one can be reached from its successors. A search per check made
 * a function of N checks and N uses cost N^2. */
#ifndef FSRACE_WORK_AFTER_H
#define FSRACE_WORK_AFTER_H
#include "sites.h"

typedef struct WorkAfter WorkAfter;

/* The facts for sites[0..n) of one name, where work[i] says whether
 * sites[i] is work on the name (changes, moves, runs, enters or opens it
 * for its content). The arrays must outlive the result. */
WorkAfter *work_after(Arena *a, const Function *fn, const Site *sites, const bool *work, int n);

/* Is a work site other than the check's own instruction reached after
 * sites[c]: later in its block, or in a block reached from its
 * successors? */
bool work_after_check(WorkAfter *w, int c);

#endif
