/* emit.h - from the workers' results to the report and the exit status. */
#ifndef FSRACE_EMIT_H
#define FSRACE_EMIT_H
#include "../report/baseline.h"
#include "joblist.h"

/* Print the run's messages, write the report (and baseline), and return
 * the exit status. `baseline` is the loaded --baseline, or NULL;
 * `help_uri_base` where the docs are published (SARIF links), or NULL;
 * findings below min_risk are not shown (and counted). */
int emit_report(const Options *o, const char *cwd, const JobList *jl, JobResult *res,
                const Baseline *baseline, bool trouble, const char *help_uri_base,
                RiskLevel min_risk);

#endif
