/* workers.h - analyse a job list with up to N worker processes. Every
 * unit is analysed in a child process of its own (forked; libclang is
 * never initialised in the supervisor), under a wall-clock limit
 * (--timeout) and an address-space limit (--max-memory), so that a file
 * which crashes libclang, overflows its stack, exhausts memory or never
 * finishes (an #include of a FIFO) becomes that file's error while every
 * other file is still analysed. The child sends its results back in the
 * cache's entry format (worker_result.h); results land in the job's slot,
 * so output order does not depend on N or on timing. */
#ifndef FSRACE_WORKERS_H
#define FSRACE_WORKERS_H
#include "job.h"

/* Units the workers kept for a later round (kept_unit.h): one memory file
 * per unit that calls other files' functions, while they stay within
 * bounds; the others are parsed again if a round needs them. */
typedef struct KeptFiles {
    int *fds;               /* per job: its memory file, or -1 */
    int n;                  /* files kept */
    long long bytes;        /* what they hold */
    int max_files;
    long long max_bytes;
    const int *unit_of;     /* workers_run's job k is unit unit_of[k] of fds;
                             * NULL: job k is unit k */
} KeptFiles;

/* results[i] receives the outcome of jobs[i]. keep: NULL, or where the
 * parsed units are kept. */
void workers_run(const Job *jobs, int n, const AnalyzeOptions *opt, int nprocs,
                 JobResult *results, KeptFiles *keep);

#endif
