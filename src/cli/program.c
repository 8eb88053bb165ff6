/* program.c - whole-program analysis in rounds; see program.h. */
#include "program.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../cache/cache.h"
#include "../util/strmap.h"
#include "cost.h"
#include "prefilter.h"
#include "workers.h"

/* Each round carries summaries one file further up a chain of wrappers;
 * rounds stop when no summary changes, at the latest after this many. */
enum { MAX_ROUNDS = 16 };

void job_result_free(JobResult *r)
{
    arena_free(&r->arena);
    sb_free(&r->dump);
    sb_free(&r->messages);
    memset(r, 0, sizeof *r);
}

/* Pool the exported summaries; a name exported by two units with different
 * effects (two programs in one database, each with its own helper) is
 * ambiguous and left out (an empty summary takes its place). */
static void pool_exports(Program *p, const JobResult *res, int n, StrMap *owner)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < res[i].exports.n; k++) {
            const Summary *s = res[i].exports.items[k];
            int first;
            if (strmap_get(owner, s->name, &first) && first != i) {
                const Summary *old = summary_find(&p->pool, s->name);
                if (first >= 0 && old && !summary_equal(old, s)) {
                    strmap_put(owner, s->name, -1);   /* ambiguous */
                    summary_put(&p->pool, &(Summary){.name = s->name, .exported = true});
                }
                continue;
            }
            strmap_put(owner, s->name, i);
            summary_put(&p->pool, s);
        }
}

/* The program a job's unit is most likely linked into: its build target,
 * or without one (a plain Makefile under bear) its source's folder, where
 * projects keep each program (firejail's src/firejail/ and src/fbuilder/,
 * each with its own is_dir()). A function the folder does not define
 * still comes from the pool. */
const char *program_key(Arena *a, const Job *job)
{
    if (job->target)
        return arena_printf(a, "target:%s", job->target);
    const char *slash = strrchr(job->file, '/');
    return arena_printf(a, "folder:%.*s", slash ? (int)(slash - job->file) : 0, job->file);
}

/* Each job's program as an index (target_of), and a table per program
 * for the functions its units define. */
static void find_targets(Program *p, const Job *jobs, int n)
{
    StrMap index = {0};
    p->target_of = ARENA_ARRAY(&p->arena, int, n + 1);
    for (int i = 0; i < n; i++) {
        int t;
        const char *key = program_key(&p->arena, &jobs[i]);
        if (!strmap_get(&index, key, &t))
            strmap_put(&index, key, t = p->ntargets++);
        p->target_of[i] = t;
    }
    strmap_free(&index);
    p->linked = ARENA_ARRAY(&p->arena, SummaryTable, p->ntargets + 1);
    p->owner_in = ARENA_ARRAY(&p->arena, StrMap, p->ntargets + 1);
    for (int t = 0; t < p->ntargets; t++)
        p->linked[t] = (SummaryTable){.arena = &p->arena, .next = &p->pool};
}

/* What unit i says about its function `name`: its exported summary, or
 * an empty one (defined here, but nothing to say). */
static Summary said(const JobResult *r, const char *name)
{
    const Summary *s = summary_find_here(&r->exports, name);
    return s ? *s : (Summary){.name = name, .exported = true};
}

/* Fill each target's table from its units' definitions. */
static void pool_targets(Program *p, const JobResult *res, int n)
{
    for (int i = 0; i < n; i++) {
        int t = p->target_of[i], first;
        for (int k = 0; t >= 0 && k < res[i].ndefines; k++) {
            const char *name = res[i].defines[k];
            if (strmap_get(&p->owner_in[t], name, &first) && first != i)
                continue;   /* defined twice in one target: the first */
            strmap_put(&p->owner_in[t], name, i);
            Summary s = said(&res[i], name);
            summary_put(&p->linked[t], &s);
        }
    }
}

/* The summaries unit i's calls mean: its target's, then the pool. */
static const SummaryTable *view_of(const Program *p, int i)
{
    return p->target_of[i] >= 0 ? &p->linked[p->target_of[i]] : &p->pool;
}

/* A summary that says no more than no summary at all: every analysis
 * reads a missing one as no effect, no change of rights, no pure result. */
static bool says_nothing(const Summary *s)
{
    return !summary_says_something(s) && !s->pure_result;
}

/* What a unit gets from the pool, as a digest: the summaries of the
 * functions it calls, as its program links them, leaving out those that
 * say nothing. Two views with one digest analyse alike, so it keys the
 * cache and tells whether a unit must be analysed again. */
static const char *pool_digest(Program *p, int i, const JobResult *r)
{
    StrBuf b = {0};
    for (int k = 0; k < r->ncallees; k++) {
        const Summary *s = summary_find(view_of(p, i), r->callees[k]);
        if (s && !says_nothing(s))
            entry_write_summary(&b, s);
    }
    const char *d = arena_printf(&p->arena, "%016llx",
                                 cache_hash(CACHE_HASH_SEED, b.len ? sb_str(&b) : "", b.len));
    sb_free(&b);
    return d;
}

/* Units to analyse again: what the pool says about their calls, as their
 * program links them, is not what they were analysed with (seen[i]; the
 * first round saw nothing). An empty summary for every definition (a
 * name the target defines) is no change: idle units, which name every
 * identifier, are parsed only when a callee gained an effect. */
static int *units_to_redo(Program *p, const JobResult *res, int n, const char **seen,
                          const char **now, int *count)
{
    int *todo = calloc((size_t)n + 1, sizeof(int));
    *count = 0;
    for (int i = 0; i < n; i++) {
        now[i] = pool_digest(p, i, &res[i]);
        if (strcmp(now[i], seen[i]))
            todo[(*count)++] = i;
    }
    return todo;
}

/* Count a parse of unit i (libclang's, not the cache's or a kept unit's). */
static void count_parse(Program *p, bool *parsed, int i, const JobResult *r)
{
    if (!r->analysed || r->cached || r->idle || r->from_kept)
        return;
    p->parses++;
    p->parsed_units += !parsed[i];
    parsed[i] = true;
}

/* Run the listed units again with the pool (now: the digest of what they
 * get from it); their results replace the old ones, and seen what their
 * new calls got. */
static void redo(Program *p, const Job *jobs, const int *todo, int count, const char **now,
                 const char **seen, const AnalyzeOptions *opt, int nprocs, JobResult *results,
                 KeptFiles *kept, bool *parsed)
{
    Job *sub = calloc((size_t)count, sizeof(Job));
    JobResult *fresh = calloc((size_t)count, sizeof(JobResult));
    for (int k = 0; k < count; k++) {
        sub[k] = jobs[todo[k]];
        sub[k].pool_digest = now[todo[k]];
        sub[k].pool = view_of(p, todo[k]);
        sub[k].idle = sub[k].preloaded = false;   /* analysed with the pool */
        sub[k].cache_tried = false;               /* under another key */
        sub[k].kept_fd = kept->fds[todo[k]] > 0 ? kept->fds[todo[k]] : 0;
    }
    AnalyzeOptions with_pool = *opt;
    with_pool.program = &p->pool;
    for (int k = 0; k < count; k++) {   /* hits need no worker, nor a cost guess */
        sub[k].preloaded = analyze_from_cache(&sub[k], &with_pool, &fresh[k]);
        sub[k].cache_tried = !sub[k].preloaded && opt->cache;
    }
    kept->unit_of = todo;   /* a unit first parsed now is kept for the next round */
    workers_run(sub, count, &with_pool, nprocs, fresh, kept);
    kept->unit_of = NULL;
    for (int k = 0; k < count; k++) {
        job_result_free(&results[todo[k]]);
        results[todo[k]] = fresh[k];
        seen[todo[k]] = pool_digest(p, todo[k], &results[todo[k]]);
        p->reanalysed += !fresh[k].cached;
        count_parse(p, parsed, todo[k], &fresh[k]);
    }
    free(sub);
    free(fresh);
}

/* A copy of the pre-filter's deps; their paths are interned in p->arena
 * (mark_idle), so they are shared, not copied. */
static const Deps *keep_deps(Arena *a, const Deps *from)
{
    Deps *d = ARENA_NEW(a, Deps);
    d->items = ARENA_ARRAY(a, Dep, from->n + 1);
    if (from->n)
        memcpy(d->items, from->items, sizeof(Dep) * (size_t)from->n);
    d->n = d->cap = from->n;
    d->absent = ARENA_ARRAY(a, const char *, from->nabsent + 1);
    if (from->nabsent)
        memcpy(d->absent, from->absent, sizeof(char *) * (size_t)from->nabsent);
    d->nabsent = d->cap_absent = from->nabsent;
    return d;
}

/* The jobs: those the cache answers marked preloaded (their results
 * filled in), and of the rest, those that cannot produce a finding marked
 * idle. Only the misses are scanned, so an unchanged project costs its
 * cache reads. */
static Job *mark_idle(Program *p, const Job *jobs, int n, const AnalyzeOptions *opt,
                      JobResult *results, bool guess_costs)
{
    Job *mine = ARENA_ARRAY(&p->arena, Job, n + 1);
    if (n)   /* jobs is NULL when filters left nothing to analyse */
        memcpy(mine, jobs, sizeof(Job) * (size_t)n);
    if (!opt->prefilter || opt->dump_cfg)
        return mine;
    Prefilter pf = {.scans.names = &p->arena};   /* paths outlive the scan */
    PrefilterUnit *units = calloc((size_t)n + 1, sizeof(PrefilterUnit));
    for (int i = 0; i < n; i++) {
        mine[i].preloaded = analyze_from_cache(&jobs[i], opt, &results[i]);
        mine[i].cache_tried = !mine[i].preloaded && opt->cache;
        if (!mine[i].preloaded)
            prefilter_scan(&pf, &jobs[i], opt->cwd, &units[i]);
    }
    for (int i = 0; i < n; i++) {
        if (mine[i].preloaded)
            continue;
        mine[i].idle = !prefilter_may_matter(&pf, &units[i], NULL, &mine[i].idle_names,
                                             &mine[i].nidle_names, &p->arena);
        if (mine[i].idle)
            mine[i].nidle_evidence = prefilter_evidence(&pf, &units[i], &mine[i].idle_evidence,
                                                        &p->arena);
        if (mine[i].idle && !units[i].uncacheable)
            mine[i].idle_deps = keep_deps(&p->arena, &units[i].deps);
        else if (!mine[i].idle && guess_costs)   /* from the files just scanned */
            mine[i].cost = unit_cost(&pf.scans, &mine[i], opt->cwd);
    }
    free(units);
    prefilter_free(&pf);
    malloc_trim(0);   /* give the scan's heap back before workers fork */
    return mine;
}

/* The memory the kept units may take: $FSRACE_KEEP_MIB (0: parse again
 * instead of keeping), else 1 GiB. */
static long long kept_max_bytes(void)
{
    enum { DEFAULT_KEPT_MIB = 1024, MAX_KEPT_MIB = 1 << 20 };
    const char *env = getenv("FSRACE_KEEP_MIB");
    char *end;
    long mib = env && *env ? strtol(env, &end, 10) : DEFAULT_KEPT_MIB;
    if (env && *env && (*end || mib < 0 || mib > MAX_KEPT_MIB)) {
        fprintf(stderr, "fsrace: warning: FSRACE_KEEP_MIB=%s is not a number of MiB from 0 to "
                        "%d; using %d\n", env, MAX_KEPT_MIB, DEFAULT_KEPT_MIB);
        mib = DEFAULT_KEPT_MIB;
    }
    return (long long)mib << 20;
}

/* Bounds of what is kept between rounds: memory, and descriptors (the
 * supervisor holds one per unit kept, and every worker inherits them). */
static void kept_init(KeptFiles *kept, int n)
{
    struct rlimit rl;
    long long files = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
                          ? (long long)rl.rlim_cur / 2 - 32 : 512;
    kept->fds = malloc(sizeof(int) * ((size_t)n + 1));
    for (int i = 0; kept->fds && i < n; i++)
        kept->fds[i] = -1;
    kept->max_bytes = kept_max_bytes();
    kept->max_files = kept->fds && files > 0 && kept->max_bytes ? (int)(files < n ? files : n) : 0;
}

static void kept_free(Program *p, KeptFiles *kept, int n)
{
    p->kept = kept->n;
    p->kept_bytes = kept->bytes;
    for (int i = 0; kept->fds && i < n; i++)
        if (kept->fds[i] >= 0)
            close(kept->fds[i]);
    free(kept->fds);
}

void program_run(Program *p, const Job *given, int n, const AnalyzeOptions *opt, int nprocs,
                 JobResult *results)
{
    p->pool.arena = &p->arena;
    const Job *jobs = mark_idle(p, given, n, opt, results, nprocs > 1);
    KeptFiles kept = {0};
    bool rounds = !opt->dump_cfg && n >= 2;
    if (rounds)
        kept_init(&kept, n);
    workers_run(jobs, n, opt, nprocs, results, rounds ? &kept : NULL);
    bool *parsed = calloc((size_t)n + 1, sizeof(bool));
    for (int i = 0; i < n; i++)
        count_parse(p, parsed, i, &results[i]);
    if (!rounds) {
        free(parsed);
        return;
    }
    StrMap owner = {0};
    find_targets(p, jobs, n);
    const char **seen = calloc((size_t)n + 1, sizeof(char *));
    const char **now = calloc((size_t)n + 1, sizeof(char *));
    JobResult nothing = {0};
    const char *none = pool_digest(p, 0, &nothing);   /* what the first round saw */
    for (int i = 0; i < n; i++)
        seen[i] = none;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        pool_exports(p, results, n, &owner);
        pool_targets(p, results, n);
        int count;
        int *todo = units_to_redo(p, results, n, seen, now, &count);
        if (count)
            redo(p, jobs, todo, count, now, seen, opt, nprocs, results, &kept, parsed);
        free(todo);
        if (!count)
            break;
    }
    for (int t = 0; t < p->ntargets; t++)
        strmap_free(&p->owner_in[t]);
    free(seen);
    free(now);
    strmap_free(&owner);
    kept_free(p, &kept, n);
    free(parsed);
}

void program_free(Program *p)
{
    arena_free(&p->arena);
}
