/* outputs.h - refusing an output file (-o, --write-baseline) that is one
 * of the run's inputs: a source file, a compile database, the baseline or
 * the configuration. Replacing it with the report would destroy it. */
#ifndef FSRACE_OUTPUTS_H
#define FSRACE_OUTPUTS_H
#include <stdbool.h>

#include "config.h"
#include "joblist.h"

/* true when the outputs are safe to write; else one line on stderr. */
bool outputs_check(const Options *o, const JobList *jl, const Config *c);

#endif
