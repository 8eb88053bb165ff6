/* summarize.h - a function's summary from its IR (see summary.h). */
#ifndef FSRACE_SUMMARIZE_H
#define FSRACE_SUMMARIZE_H
#include "cdep.h"
#include "summary.h"

typedef struct SummaryInput {
    const Function *fn;
    const DomTree *dom;
    const CtrlDeps *cdep;
    Arena *arena;       /* receives the effects */
    Arena *scratch;
} SummaryInput;

/* Effects of fn on its parameters, with the summaries in effect for its
 * callees (summary_current()). */
Summary summarize(const SummaryInput *in);

#endif
