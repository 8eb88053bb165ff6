/* job.h - one translation unit to analyse, and what came of it. */
#ifndef FSRACE_JOB_H
#define FSRACE_JOB_H
#include <stdbool.h>

#include "../analysis/evidence.h"
#include "../analysis/summary.h"
#include "../report/finding.h"
#include "../util/strbuf.h"

typedef struct Job {
    const char *file;       /* the main file: as given, or absolute from a database */
    const char *shown;      /* the name users gave (for messages) */
    const char *workdir;    /* compile database directory, or NULL */
    const char **args;      /* compiler arguments, without compiler and file */
    int nargs;
    const char *target;     /* build target of its object file (meson, CMake), or NULL */
    const char *pool_digest; /* digest of other files' summaries it calls, or NULL */
    const SummaryTable *pool; /* those summaries, as its program links them
                              * (program.c), or NULL: AnalyzeOptions.program */
    bool idle;              /* the pre-filter showed it cannot produce a
                             * finding (yet): not parsed */
    const char **idle_names; /* then: the identifiers its code reaches */
    int nidle_names;
    const struct Deps *idle_deps; /* and what that rests on, to cache it; or NULL */
    FnEvidence *idle_evidence; /* and its functions, read lexically (prefilter.h) */
    int nidle_evidence;
    long long cost;         /* its guessed parse cost (cost.h), when the
                             * pre-filter's scan already gave it; else 0 */
    bool preloaded;         /* its result came from the cache already */
    bool cache_tried;       /* the cache was asked for it and had nothing:
                             * no worker asks again */
    int keep_fd;            /* > 0: a memory file to write the parsed unit to
                             * (kept_unit.h) if it calls other files' functions */
    int kept_fd;            /* > 0: the unit as an earlier round kept it: it is
                             * analysed from that, not parsed again */
} Job;

typedef struct JobResult {
    Arena arena;            /* owns findings and their strings */
    Findings findings;
    StrBuf dump;            /* --dump-cfg text */
    StrBuf messages;        /* "fsrace: error: ..." lines for stderr */
    bool failed;            /* not (completely) analysed */
    bool analysed;          /* parsed and its functions checked */
    bool cached;            /* taken from the cache, not analysed again */
    bool idle;              /* not parsed: the pre-filter found nothing */
    SummaryTable exports;   /* summaries of its exported functions */
    FnEvidence *evidence;   /* each function's signs of privilege and calls */
    int nevidence, cap_evidence;
    const char **callees;   /* functions it calls that it does not define */
    int ncallees, cap_callees;
    bool kept;              /* the worker wrote the unit to its job's keep_fd */
    bool from_kept;         /* analysed from its job's kept_fd, not parsed */
    const char **defines;   /* functions with external linkage it defines */
    int ndefines, cap_defines;
} JobResult;

typedef struct AnalyzeOptions {
    bool dump_cfg;          /* print CFGs instead of running rules */
    const char *cwd;        /* working directory, to show short paths */
    const SummaryTable *program;   /* summaries from the other files, or NULL */
    const struct Cache *cache;     /* results of earlier runs, or NULL */
    bool prefilter;         /* skip units that cannot produce a finding */
    int timeout_s;          /* --timeout: wall-clock seconds per unit, 0 = none */
    int max_memory_mib;     /* --max-memory: MiB per unit, 0 = none */
} AnalyzeOptions;

/* Parse, lower and check one translation unit (thread-safe per index). */
#include <clang-c/Index.h>
void analyze_job(CXIndex index, const Job *job, const AnalyzeOptions *opt, JobResult *res);
/* The job's results from the cache, without libclang (so the supervisor
 * serves hits without a worker process); false on a miss. */
bool analyze_from_cache(const Job *job, const AnalyzeOptions *opt, JobResult *res);
void job_message(JobResult *res, const char *level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
