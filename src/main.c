/* main.c - fsrace: finds file-system race conditions in C code.
 *
 * The data flow, one folder each:
 *   cli/       command line and compile database -> jobs, run on N threads
 *   frontend/  libclang cursors -> IR, one function at a time
 *   ir/        IR types, CFG, dump
 *   analysis/  dominators, check->use searches
 *   model/     the catalogue of file functions (functions.def)
 *   rules/     one file per rule (rules.def)
 *   report/    text, JSON, SARIF, HTML; fingerprints, suppressions, baselines */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli/emit.h"
#include "cli/joblist.h"
#include "cli/options.h"
#include "cli/outputs.h"
#include "cache/cache.h"
#include "cli/config.h"
#include "cli/program.h"
#include "report/report.h"
#include "rules/rules.h"
#include "version.h"

static void list_rules(void)
{
    int n;
    const Rule *all = rules_all(&n);
    for (int i = 0; i < n; i++)
        printf("%-20s %-8s %-4s %-8s %-8s %s\n", all[i].id, severity_name(all[i].severity),
               rules_enabled(&all[i]) ? "on" : "off", all[i].cwe, all[i].cert, all[i].summary);
}

/* --explain RULE: the rule's help, or a usage error naming the nearest. */
static int explain_rule(const char *id)
{
    const char *help = rules_help_markdown(id);
    if (help) {
        fputs(help, stdout);
        return EXIT_CLEAN;
    }
    const char *nearest = rules_nearest(id);
    fprintf(stderr, "fsrace: error: --explain: unknown rule '%s'%s%s%s (see fsrace --list-rules)\n",
            id, nearest ? "; did you mean '" : "", nearest ? nearest : "", nearest ? "'?" : "");
    return EXIT_TROUBLE;
}

/* What the results depend on besides the files: the declared functions
 * (for the cache key). Not the rules that are on: entries hold every
 * rule's findings, filtered when reported. */
static const char *config_digest(const Config *config)
{
    static char hex[17];
    StrBuf b = {0};
    for (int i = 0; i < config->declared.n; i++)
        entry_write_summary(&b, config->declared.items[i]);
    snprintf(hex, sizeof hex, "%016llx", cache_hash(CACHE_HASH_SEED, sb_str(&b), b.len));
    sb_free(&b);
    return hex;
}

/* "fsrace 0.1.0 (libclang 19.1.7)": libclang's release, from the library
 * loaded at run time ("Debian clang version 19.1.7 (3+b1)"), not the
 * header's API number. */
static void print_version(void)
{
    CXString full = clang_getClangVersion();
    const char *text = clang_getCString(full);
    const char *v = text ? strstr(text, "version ") : NULL;
    int len = v ? (int)strcspn(v + 8, " ") : 0;
    if (v)
        printf("fsrace %s (libclang %.*s)\n", FSRACE_VERSION, len, v + 8);
    else
        printf("fsrace %s (%s)\n", FSRACE_VERSION, text ? text : "libclang");
    clang_disposeString(full);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Peak resident memory of this process or of its largest finished child
 * (the workers), in MiB: where a run's memory peak is. */
static long peak_mib(int who)
{
    struct rusage u;
    return getrusage(who, &u) == 0 ? u.ru_maxrss / 1024 : 0;
}

static void print_stats(const JobList *jl, const JobResult *res, const Program *prog,
                        double started)
{
    int hits = 0, failed = 0, idle = 0;
    for (int i = 0; i < jl->n; i++) {
        hits += res[i].cached;
        failed += res[i].failed;
        idle += res[i].idle;
    }
    fprintf(stderr, "fsrace: stats: %d file%s, %d cache hit%s, %d not parsed (nothing to check), "
                    "%d analysed, %d analysed again with other files' summaries (%d parsed "
                    "again; %d units kept after parsing, %.1f MiB), %d not completely "
                    "analysed, peak memory %ld MiB (largest worker %ld MiB), %.2f s\n",
            jl->n, jl->n == 1 ? "" : "s", hits, hits == 1 ? "" : "s", idle,
            jl->n - hits - idle, prog->reanalysed, prog->parses - prog->parsed_units, prog->kept,
            (double)prog->kept_bytes / (1 << 20), failed, peak_mib(RUSAGE_SELF),
            peak_mib(RUSAGE_CHILDREN), now() - started);
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Read --baseline before the analysis, so a wrong name fails at once. */
static bool load_baseline(const Options *o, Baseline *b)
{
    const char *why = o->baseline ? baseline_load(o->baseline, b) : NULL;
    if (why)
        fprintf(stderr, "fsrace: error: %s: %s\n", o->baseline, why);
    return why == NULL;
}

static int run(const Options *o)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) {
        perror("fsrace: error: getcwd");
        return EXIT_TROUBLE;
    }
    Baseline baseline = {0};
    if (!load_baseline(o, &baseline)) {
        baseline_free(&baseline);
        return EXIT_TROUBLE;
    }
    Config config = {0};
    if (config_load(o, cwd, &config)) {
        config_free(&config);
        baseline_free(&baseline);
        return EXIT_TROUBLE;
    }
    if (o->list_rules) {    /* as this project's configuration selects them */
        list_rules();
        config_free(&config);
        baseline_free(&baseline);
        return EXIT_CLEAN;
    }
    summary_set_declared(&config.declared);
    double started = now();
    JobList jl = {0};
    joblist_build(o, cwd, &config.filter, &jl);
    if (jl.fatal || !outputs_check(o, &jl, &config)) {   /* nothing to run */
        joblist_free(&jl);
        summary_set_declared(NULL);
        config_free(&config);
        baseline_free(&baseline);
        return EXIT_TROUBLE;
    }
    JobResult *res = calloc((size_t)jl.n + 1, sizeof(JobResult));
    Cache cache = {.dirfd = -1};
    if (!o->no_cache && !o->dump_cfg)
        cache_open(&cache, o->cache_dir, config_digest(&config), cwd);
    AnalyzeOptions aopt = {.dump_cfg = o->dump_cfg, .cwd = cwd,
                           .cache = cache.dirfd >= 0 ? &cache : NULL,
                           .prefilter = !o->no_prefilter,
                           .timeout_s = o->timeout_s, .max_memory_mib = o->max_memory_mib};
    Program prog = {0};
    program_run(&prog, jl.jobs, jl.n, &aopt, o->jobs ? o->jobs : default_jobs(), res);
    if (o->stats)
        print_stats(&jl, res, &prog, started);
    const char *help_uri_base = o->help_uri_base ? o->help_uri_base : config.help_uri_base;
    RiskLevel min_risk = o->has_min_risk      ? o->min_risk
                         : config.has_min_risk ? config.min_risk
                                               : RISK_MEDIUM;
    int status = emit_report(o, cwd, &jl, res, o->baseline ? &baseline : NULL,
                             jl.trouble || (jl.n == 0 && !jl.filtered), help_uri_base, min_risk);
    baseline_free(&baseline);
    for (int i = 0; i < jl.n; i++)
        job_result_free(&res[i]);
    free(res);
    program_free(&prog);
    cache_close(&cache);
    joblist_free(&jl);
    summary_set_declared(NULL);
    config_free(&config);
    return status;
}

int main(int argc, char **argv)
{
    /* Parse on the worker's own large-stack thread, not on libclang's
     * 8 MiB helper thread: deeply nested code overflows the latter. */
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    Options o;
    int rc = options_parse(argc, argv, &o);
    if (rc == 0 && o.help)
        options_print_help();
    else if (rc == 0 && o.version)
        print_version();
    else if (rc == 0 && o.explain)
        rc = explain_rule(o.explain);
    else if (rc == 0)
        rc = run(&o);
    options_free(&o);
    return rc;
}
