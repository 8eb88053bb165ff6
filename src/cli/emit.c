/* emit.c - the end of a run: the workers' messages go to stderr in job
 * order; each finding learns the privilege of the program it runs in
 * (program_rights.h); the findings are fingerprinted, then filtered (suppression
 * comments, the baseline, then the minimum risk) and formatted; the
 * baseline file is written from what remains after suppression, whatever
 * its risk. The exit status counts only findings that are reported and
 * not suppressed. */
#include "emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/risk.h"
#include "../report/report.h"
#include "../util/strmap.h"
#include "program_rights.h"

/* --color=auto: only on a terminal that can show colours, unless the
 * user opted out with NO_COLOR (any value, even empty). */
static bool use_color(const Options *o)
{
    if (o->color != COLOR_AUTO)
        return o->color == COLOR_ALWAYS;
    const char *term = getenv("TERM");
    return !o->output && !getenv("NO_COLOR") && !(term && !strcmp(term, "dumb")) &&
           isatty(STDOUT_FILENO);
}

/* The job's "fsrace: LEVEL: ..." lines as run notes on its file. */
static void collect_run_notes(const Job *job, StrBuf *messages, Report *r)
{
    for (const char *line = sb_str(messages); *line;) {
        size_t len = strcspn(line, "\n");
        const char *level = !strncmp(line, "fsrace: error: ", 15)     ? "error"
                            : !strncmp(line, "fsrace: warning: ", 17) ? "warning"
                                                                      : NULL;
        if (level) {
            size_t skip = strlen("fsrace: : ") + strlen(level);
            RunNote *n = &r->run_notes[r->nrun_notes++];
            n->file = job->shown;
            n->level = level;
            n->message = arena_strndup(&r->arena, line + skip, len - skip);
        }
        line += len + (line[len] == '\n');
    }
}

static int count_lines(StrBuf *b)
{
    int n = 0;
    for (const char *p = sb_str(b); *p; p++)
        n += *p == '\n';
    return n;
}

/* Every finding of every job, in job order; the CFG dumps into `dump`. */
static Reported *collect(const JobList *jl, JobResult *res, Report *r, StrBuf *dump,
                         bool *trouble)
{
    int total = 0;
    for (int i = 0; i < jl->n; i++)
        total += res[i].findings.n;
    Reported *all = calloc((size_t)total + 1, sizeof(Reported));
    int lines = 0;
    for (int i = 0; i < jl->n; i++)
        lines += count_lines(&res[i].messages) + 1;
    r->run_notes = ARENA_ARRAY(&r->arena, RunNote, lines);
    if (!all)
        abort();
    for (int i = 0; i < jl->n; i++) {
        fputs(sb_str(&res[i].messages), stderr);
        collect_run_notes(&jl->jobs[i], &res[i].messages, r);
        *trouble |= res[i].failed;
        r->files_failed += res[i].failed;
        r->files_analysed += res[i].analysed;
        sb_puts(dump, sb_str(&res[i].dump));
        for (int k = 0; k < res[i].findings.n; k++)
            all[r->n++].f = &res[i].findings.items[k];
    }
    return all;
}

/* Warn about suppression comments naming no rule, once per file analysed
 * (only main files' functions are analysed, so only they matter). */
static void check_suppression_names(const JobList *jl, const JobResult *res)
{
    StrMap seen = {0};
    StrBuf out = {0};
    for (int i = 0; i < jl->n; i++) {
        if (!res[i].analysed && !res[i].cached)
            continue;
        char *real = realpath(jl->jobs[i].file, NULL);   /* one name for each file */
        int dummy;
        if (real && !strmap_get(&seen, real, &dummy)) {
            strmap_put(&seen, real, 1);
            // fsrace-ignore[toctou-check-use]: only read for comments; a swap changes no file
            suppressions_check_names(&out, real, jl->jobs[i].shown);
        }
        free(real);
    }
    fputs(sb_str(&out), stderr);
    sb_free(&out);
    strmap_free(&seen);
}

/* Hide findings below the minimum risk, counting those not suppressed. */
static void apply_min_risk(RiskLevel min, Report *r)
{
    int kept = 0;
    r->min_risk = min;
    for (int i = 0; i < r->n; i++) {
        if (r->items[i].f->risk >= min)
            r->items[kept++] = r->items[i];
        else
            r->below_min_risk += !r->items[i].suppressed;
    }
    r->n = kept;
}

/* Drop suppressed findings (or mark them, with --show-suppressed). */
static void apply_suppressions(const Options *o, Report *r)
{
    int kept = 0;
    for (int i = 0; i < r->n; i++) {
        Reported it = r->items[i];
        it.suppressed = suppression_reason(&r->arena, it.f);
        r->suppressed += it.suppressed != NULL;
        if (!it.suppressed || o->show_suppressed)
            r->items[kept++] = it;
    }
    r->n = kept;
}

static void apply_baseline(const Baseline *b, Report *r)
{
    int kept = 0;
    for (int i = 0; i < r->n; i++) {
        if (baseline_has(b, &r->items[i]))
            r->baselined += !r->items[i].suppressed;
        else
            r->items[kept++] = r->items[i];
    }
    r->n = kept;
}

static void format(const Options *o, const Report *r, StrBuf *out)
{
    switch (o->format) {
    case FORMAT_JSON: report_json(out, r); break;
    case FORMAT_SARIF: report_sarif(out, r); break;
    case FORMAT_HTML: report_html(out, r); break;
    case FORMAT_GITLAB: report_gitlab(out, r); break;
    case FORMAT_TEXT: report_text(out, r); break;
    }
}

static bool write_or_complain(const char *path, const StrBuf *buf)
{
    const char *why = report_write(path, buf);
    if (why)
        fprintf(stderr, "fsrace: error: %s: %s\n", path ? path : "<stdout>", why);
    return why == NULL;
}

static bool write_baseline(const char *path, const Report *r)
{
    StrBuf text = {0};
    baseline_format(&text, r);
    bool ok = write_or_complain(path, &text);
    sb_free(&text);
    return ok;
}

/* --export-fixes, then --fix (last: the report quotes the files as they
 * were analysed). */
static bool apply_fixes(const Options *o, const JobList *jl, const Report *r)
{
    bool ok = true;
    if (o->export_fixes) {
        StrBuf yaml = {0};
        fixes_export_yaml(&yaml, r, jl->n ? jl->jobs[0].file : NULL);
        ok = write_or_complain(o->export_fixes, &yaml);
        sb_free(&yaml);
    }
    if (o->fix) {
        StrBuf log = {0};
        ok &= fixes_apply(r, &log);
        fputs(sb_str(&log), stderr);
        sb_free(&log);
    }
    return ok;
}

int emit_report(const Options *o, const char *cwd, const JobList *jl, JobResult *res,
                const Baseline *baseline, bool trouble, const char *help_uri_base,
                RiskLevel min_risk)
{
    Report r = {.color = use_color(o), .cwd = cwd, .help_uri_base = help_uri_base};
    StrBuf out = {0};
    if (!o->dump_cfg)
        program_rights_apply(jl, res);
    r.items = collect(jl, res, &r, &out, &trouble);
    if (!o->dump_cfg) {
        fingerprints_compute(r.items, r.n);
        check_suppression_names(jl, res);
        apply_suppressions(o, &r);
        if (o->write_baseline && !write_baseline(o->write_baseline, &r))
            trouble = true;
        if (baseline)
            apply_baseline(baseline, &r);
        apply_min_risk(min_risk, &r);
        r.trouble = trouble;
        format(o, &r, &out);
    }
    if (!write_or_complain(o->output, &out))
        trouble = true;
    if (!o->dump_cfg && !apply_fixes(o, jl, &r))
        trouble = true;
    int active = o->write_baseline ? 0 : report_active(&r);
    int status = trouble ? EXIT_TROUBLE : active ? EXIT_FINDINGS : EXIT_CLEAN;
    sb_free(&out);
    free(r.items);
    arena_free(&r.arena);
    source_lines_free();
    return status;
}
