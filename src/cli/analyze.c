/* analyze.c - one translation unit: read the main file, parse it with
 * libclang, report what does not compile, lower each function and run the
 * rules on it (or dump its CFG). */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../frontend/frontend.h"
#include "../rules/rules.h"
#include "job.h"
#include "source_file.h"

void job_message(JobResult *res, const char *level, const char *fmt, ...)
{
    va_list ap;
    char line[1024];
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* One line per message, whatever the diagnostic text held. */
    for (char *p = line; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    sb_printf(&res->messages, "fsrace: %s: %s\n", level, line);
}

/* Options every parse gets: no warnings (not needed, and -Werror must not
 * turn them into errors), and no error limit, so that a file that does not
 * compile is still parsed to its end. */
static const char *const parse_extra[] = {"-w", "-ferror-limit=0", "-Wno-error"};
enum { NEXTRA = sizeof(parse_extra) / sizeof(parse_extra[0]) };

static CXTranslationUnit parse(CXIndex index, const Job *job, const SourceFile *src,
                               JobResult *res)
{
    const char **argv = ARENA_ARRAY(&res->arena, const char *, job->nargs + NEXTRA + 3);
    int argc = 0;
    argv[argc++] = "clang";
    if (job->workdir)
        argv[argc++] = arena_printf(&res->arena, "-working-directory=%s", job->workdir);
    for (int i = 0; i < job->nargs; i++)
        argv[argc++] = job->args[i];
    for (int i = 0; i < NEXTRA; i++)
        argv[argc++] = parse_extra[i];
    argv[argc++] = job->file;
    struct CXUnsavedFile unsaved = {job->file, src->data, (unsigned long)src->size};
    CXTranslationUnit tu = NULL;
    enum CXErrorCode err = clang_parseTranslationUnit2FullArgv(
        index, NULL, argv, argc, &unsaved, 1, CXTranslationUnit_KeepGoing, &tu);
    if (err != CXError_Success || !tu) {
        job_message(res, "error", "%s: libclang could not parse it (error %d)", job->shown,
                    (int)err);
        return NULL;
    }
    return tu;
}

/* Driver complaints about flags meant for gcc do not affect the AST. */
static bool is_flag_complaint(const char *text)
{
    return strstr(text, "unknown argument") || strstr(text, "unsupported option") ||
           strstr(text, "argument unused") || strstr(text, "optimization flag");
}

static void report_compile_errors(CXTranslationUnit tu, const Job *job, JobResult *res)
{
    unsigned n = clang_getNumDiagnostics(tu), errors = 0;
    char first[600] = "";
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
                                                       CXDiagnostic_DisplayColumn);
            const char *text = clang_getCString(s);
            if (!is_flag_complaint(text) && errors++ == 0)
                snprintf(first, sizeof first, "%s", text);
            clang_disposeString(s);
        }
        clang_disposeDiagnostic(d);
    }
    if (!errors)
        return;
    job_message(res, "error", "%s: does not compile (%u error%s; first: %s); analysed what parsed",
                job->shown, errors, errors == 1 ? "" : "s", first);
    res->failed = true;
}

typedef struct Visit {
    const AnalyzeOptions *opt;
    JobResult *res;
} Visit;

static void visit_function(Function *fn, void *data)
{
    Visit *v = data;
    if (fn->incomplete) {
        job_message(v->res, "warning", "%s (in function '%s')", fn->incomplete, fn->name);
        v->res->failed = true;
    }
    if (v->opt->dump_cfg) {
        char *text;
        size_t len;
        FILE *mem = open_memstream(&text, &len);
        if (!mem)
            return;
        ir_dump_function(mem, fn);
        fclose(mem);
        sb_putn(&v->res->dump, text, len);
        free(text);
        return;
    }
    rules_run(fn, &v->res->findings);
}

void analyze_job(CXIndex index, const Job *job, const AnalyzeOptions *opt, JobResult *res)
{
    res->findings.arena = &res->arena;
    SourceFile src = {0};
    const char *why = source_file_read(job->file, &src);
    if (why) {
        job_message(res, "error", "%s: %s", job->shown, why);
        res->failed = true;
        return;
    }
    CXTranslationUnit tu = parse(index, job, &src, res);
    if (!tu) {
        res->failed = true;
        source_file_free(&src);
        return;
    }
    report_compile_errors(tu, job, res);
    FrontEnd fe = {.arena = &res->arena, .tu = tu, .workdir = job->workdir,
                   .cwd = opt->cwd, .want_text = opt->dump_cfg};
    Visit v = {opt, res};
    fe_lower_functions(&fe, visit_function, &v);
    fe_dispose(&fe);
    findings_sort(&res->findings);
    res->analysed = true;
    clang_disposeTranslationUnit(tu);
    source_file_free(&src);
}
