/* cost.h - a guess at each unit's parse cost, to start the costly first. */
#ifndef FSRACE_COST_H
#define FSRACE_COST_H
#include "job.h"
#include "lexscan.h"

/* Bytes of each job's main file and the project files it includes
 * (transitively), or its Job.cost when set; malloc'd array of n, or NULL
 * when out of memory. */
long long *unit_costs(const Job *jobs, int n);
/* One job's, with the files scanned (or to be scanned) in c; cwd is the
 * base of a job without a working directory. */
long long unit_cost(ScanCache *c, const Job *job, const char *cwd);

#endif
