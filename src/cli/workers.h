/* workers.h - analyse a job list on N threads. Each worker owns a CXIndex
 * (libclang indexes are not shared between threads) and runs on a large
 * stack: clang's recursive parser and constant evaluator need it for deeply
 * nested generated code. Results land in the job's slot, so output order
 * does not depend on N. */
#ifndef FSRACE_WORKERS_H
#define FSRACE_WORKERS_H
#include "job.h"

/* results[i] receives the outcome of jobs[i]. */
void workers_run(const Job *jobs, int n, const AnalyzeOptions *opt, int nthreads,
                 JobResult *results);

#endif
