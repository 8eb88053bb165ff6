/* worker_child.h - the worker process's side: analyse one unit under the
 * per-file limits and write the result to a descriptor. */
#ifndef FSRACE_WORKER_CHILD_H
#define FSRACE_WORKER_CHILD_H
#include "job.h"

/* In a freshly forked child: analyse job, write the result (worker_result.h)
 * to out_fd, and exit: status 0, or 3 if the result could not be written.
 * A signal (SIGALRM at the time limit, SIGSEGV, SIGABRT) ends it earlier. */
_Noreturn void worker_child_run(const Job *job, const AnalyzeOptions *opt, int out_fd);

#endif
