/* program.h - the whole program: every translation unit is analysed, the
 * summaries of their exported functions are pooled, and the units that
 * call a function summarised in another file are analysed again with the
 * pool, until no summary changes (a check wrapper in util.c pairs with a
 * use in main.c). Per-file work stays independent and parallel. */
#ifndef FSRACE_PROGRAM_H
#define FSRACE_PROGRAM_H
#include "../util/strmap.h"
#include "job.h"

typedef struct Program {
    Arena arena;            /* owns the pooled summaries */
    SummaryTable pool;      /* exported summaries of all units */
    int reanalysed;         /* units analysed again with the pool (not from the cache) */
    int parses;             /* libclang parses of units in this run */
    int parsed_units;       /* units parsed at least once (parses - this: parsed again) */
    int kept;               /* units kept after their first parse (kept_unit.h) */
    long long kept_bytes;   /* the memory that took */
    /* One database often builds several programs, each with its own
     * is_dir(): a unit's calls mean the definitions of its own build
     * target (meson's X.p/, CMake's X.dir/) first, then the pool. */
    int *target_of;         /* per job: index of its target, -1 when unknown */
    int ntargets;
    SummaryTable *linked;   /* per target: the functions its units define, each
                             * with its summary or an empty one; then `pool` */
    StrMap *owner_in;       /* per target: which unit defines a name */
} Program;

/* results[i] receives the final outcome of jobs[i]. */
void program_run(Program *p, const Job *jobs, int n, const AnalyzeOptions *opt, int nprocs,
                 JobResult *results);
void program_free(Program *p);
/* The program a job's unit is most likely linked into, as the database
 * tells: "target:NAME" (meson, CMake), else "folder:DIR" of its source. */
const char *program_key(Arena *a, const Job *job);
/* Free what a JobResult owns. */
void job_result_free(JobResult *r);

#endif
