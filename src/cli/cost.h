/* cost.h - a guess at each unit's parse cost, to start the costly first. */
#ifndef FSRACE_COST_H
#define FSRACE_COST_H
#include "job.h"

/* Bytes of each job's main file and the project files it includes
 * (transitively); malloc'd array of n, or NULL when out of memory. */
long long *unit_costs(const Job *jobs, int n);

#endif
