/* main.c - fsrace: finds file-system race conditions in C code.
 *
 * The data flow, one folder each:
 *   cli/       command line and compile database -> jobs, run on N threads
 *   frontend/  libclang cursors -> IR, one function at a time
 *   ir/        IR types, CFG, dump
 *   analysis/  dominators, check->use searches
 *   model/     the catalogue of file functions (functions.def)
 *   rules/     one file per rule (rules.def)
 *   report/    text, JSON, SARIF */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/joblist.h"
#include "cli/options.h"
#include "cli/workers.h"
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

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Everything the workers produced, in job order: messages to stderr, the
 * findings (or CFG dumps) into one buffer for the chosen format. */
static int emit(const Options *o, const JobList *jl, JobResult *res, bool trouble)
{
    Report r = {calloc(1, sizeof(Finding *))};
    int cap = 1;
    StrBuf out = {0};
    for (int i = 0; i < jl->n; i++) {
        fputs(sb_str(&res[i].messages), stderr);
        trouble |= res[i].failed;
        r.files_failed += res[i].failed;
        r.files_analysed += res[i].analysed;
        sb_puts(&out, sb_str(&res[i].dump));
        for (int k = 0; k < res[i].findings.n; k++) {
            if (r.n == cap)
                r.items = realloc(r.items, (size_t)(cap *= 2) * sizeof(Finding *));
            r.items[r.n++] = &res[i].findings.items[k];
        }
    }
    if (!o->dump_cfg) {
        if (o->format == FORMAT_JSON)
            report_json(&out, &r);
        else if (o->format == FORMAT_SARIF)
            report_sarif(&out, &r);
        else
            report_text(&out, &r);
    }
    const char *why = report_write(o->output, &out);
    if (why) {
        fprintf(stderr, "fsrace: error: %s: %s\n", o->output ? o->output : "<stdout>", why);
        trouble = true;
    }
    int status = trouble ? EXIT_TROUBLE : r.n ? EXIT_FINDINGS : EXIT_CLEAN;
    sb_free(&out);
    free(r.items);
    source_lines_free();
    return status;
}

static int run(const Options *o)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) {
        perror("fsrace: error: getcwd");
        return EXIT_TROUBLE;
    }
    JobList jl = {0};
    joblist_build(o, cwd, &jl);
    JobResult *res = calloc((size_t)jl.n + 1, sizeof(JobResult));
    AnalyzeOptions aopt = {.dump_cfg = o->dump_cfg, .cwd = cwd};
    workers_run(jl.jobs, jl.n, &aopt, o->jobs ? o->jobs : default_jobs(), res);
    int status = emit(o, &jl, res, jl.trouble || jl.n == 0);
    for (int i = 0; i < jl.n; i++) {
        arena_free(&res[i].arena);
        sb_free(&res[i].dump);
        sb_free(&res[i].messages);
    }
    free(res);
    joblist_free(&jl);
    return status;
}

int main(int argc, char **argv)
{
    /* Parse on our own (large-stack) worker threads, not on libclang's
     * 8 MiB helper thread: deeply nested code overflows the latter. */
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    Options o;
    int rc = options_parse(argc, argv, &o);
    if (rc == 0)
        rc = options_apply_rules(&o);
    if (rc == 0 && o.help)
        options_print_help();
    else if (rc == 0 && o.version)
        printf("fsrace %s (libclang %d.%d)\n", FSRACE_VERSION, CINDEX_VERSION_MAJOR,
               CINDEX_VERSION_MINOR);
    else if (rc == 0 && o.list_rules)
        list_rules();
    else if (rc == 0)
        rc = run(&o);
    options_free(&o);
    return rc;
}
