/* analyze.c - one translation unit: read the main file, parse it with
 * libclang, report what does not compile, lower each function and run the
 * rules on it (or dump its CFG). */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "../analysis/risk.h"
#include "../analysis/feasible_index.h"
#include "../analysis/flow_index.h"
#include "../analysis/handle_index.h"
#include "../analysis/names_index.h"
#include "../analysis/param_alias.h"
#include "../analysis/real_ids.h"
#include "../analysis/summarize.h"
#include "../analysis/walks.h"
#include "../cache/cache.h"
#include "../frontend/frontend.h"
#include "../model/catalog.h"
#include "../util/strmap.h"
#include "../rules/rules.h"
#include "job.h"
#include "kept_unit.h"
#include "../ir/ir_io.h"
#include "parse_failure.h"
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

/* Options that only choose which diagnostics to show, dropped since every
 * parse gets -w: they change nothing in the AST, yet clang looks up every
 * -W flag it does not know (most of GCC's) for a "did you mean" suggestion,
 * which cost a quarter of the parse on real databases. Kept: -Wno-X, which
 * can turn a default-error diagnostic back into a warning that -w then
 * hides, and -Wp, -Wa, -Wl, which pass options on. */
static bool is_diagnostics_only(const char *a)
{
    if (a[0] != '-')
        return false;
    if (a[1] == 'W')
        return strncmp(a, "-Wno-", 5) != 0 && strncmp(a, "-Wp,", 4) != 0 &&
               strncmp(a, "-Wa,", 4) != 0 && strncmp(a, "-Wl,", 4) != 0;
    static const char *const prefixes[] = {"-pedantic", "-fdiagnostics-", "-fcolor-diagnostics",
                                           "-fno-color-diagnostics", "-fmessage-length=", NULL};
    for (int i = 0; prefixes[i]; i++)
        if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
            return true;
    return false;
}

/* libclang copies each unsaved file into an LLVM memory buffer and hands
 * the buffers to the compiler invocation; when the invocation cannot be
 * made (arguments the driver rejects: "could not parse"), it returns
 * before that and the copies are never freed (clang/lib/Frontend/
 * ASTUnit.cpp, LoadFromCommandLine, LLVM 19). Nothing is handed back to
 * free, and the worker process ends after the unit anyway; in the
 * sanitizer build, LeakSanitizer is told to ignore what the parse call
 * allocates, so that this leak of libclang's does not fail the run. */
#if defined(__SANITIZE_ADDRESS__)
#define FSRACE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FSRACE_LSAN 1
#endif
#endif
#ifdef FSRACE_LSAN
#include <sanitizer/lsan_interface.h>
static void leaks_ignore_begin(void) { __lsan_disable(); }
static void leaks_ignore_end(void) { __lsan_enable(); }
#else
static void leaks_ignore_begin(void) {}
static void leaks_ignore_end(void) {}
#endif

static CXTranslationUnit parse(CXIndex index, const Job *job, const SourceFile *src,
                               JobResult *res)
{
    const char **argv = ARENA_ARRAY(&res->arena, const char *, job->nargs + NEXTRA + 3);
    int argc = 0;
    argv[argc++] = "clang";
    if (job->workdir)
        argv[argc++] = arena_printf(&res->arena, "-working-directory=%s", job->workdir);
    for (int i = 0; i < job->nargs; i++)
        if (!is_diagnostics_only(job->args[i]))
            argv[argc++] = job->args[i];
    for (int i = 0; i < NEXTRA; i++)
        argv[argc++] = parse_extra[i];
    argv[argc++] = job->file;
    struct CXUnsavedFile unsaved = {job->file, src->data, (unsigned long)src->size};
    CXTranslationUnit tu = NULL;
    leaks_ignore_begin();
    enum CXErrorCode err = clang_parseTranslationUnit2FullArgv(
        index, NULL, argv, argc, &unsaved, 1, CXTranslationUnit_KeepGoing, &tu);
    leaks_ignore_end();
    if (err == CXError_Crashed) {
        job_message(res, "error", "%s: libclang crashed while parsing it (out of memory: see "
                    "--max-memory; or a libclang bug)", job->shown);
        return NULL;
    }
    if (err != CXError_Success || !tu) {
        StrBuf why = {0};
        parse_failure_explain(&why, err, argv, argc);
        job_message(res, "error", "%s: libclang could not parse it: %s", job->shown, sb_str(&why));
        sb_free(&why);
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

/* The functions of the translation unit, with the facts every analysis
 * needs, computed once. */
typedef struct Unit {
    Arena *arena;
    Function **fns;
    DomTree *dom;
    CtrlDeps *cdep;
    int n, cap;
    JobResult *res;
    const AnalyzeOptions *opt;
    const Job *job;
    bool all_rules;         /* run the rules that are off too (for the cache) */
} Unit;

static void dump_function(JobResult *res, const Function *fn)
{
    char *text;
    size_t len;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return;
    ir_dump_function(mem, fn);
    fclose(mem);
    sb_putn(&res->dump, text, len);
    free(text);
}

static void collect_function(Function *fn, void *data)
{
    Unit *u = data;
    if (fn->incomplete) {
        job_message(u->res, "warning", "%s (in function '%s')", fn->incomplete, fn->name);
        u->res->failed = true;
    }
    if (u->opt->dump_cfg) {
        dump_function(u->res, fn);
        return;
    }
    ARENA_PUSH(u->arena, u->fns, u->n, u->cap, fn);
}

static void compute_facts(Unit *u)
{
    u->dom = ARENA_ARRAY(u->arena, DomTree, u->n + 1);
    u->cdep = ARENA_ARRAY(u->arena, CtrlDeps, u->n + 1);
    for (int i = 0; i < u->n; i++) {
        u->dom[i] = dom_build(u->arena, u->fns[i]);
        DomTree post = dom_build_post(u->arena, u->fns[i]);
        u->cdep[i] = cdep_build(u->arena, u->fns[i], &post);
    }
}

enum { MAX_SUMMARY_ROUNDS = 6 };

/* Summaries of the unit's functions, to a fixed point (a callee's summary
 * may change its callers'; recursion converges as effects only grow). */
static void compute_summaries(Unit *u, SummaryTable *table)
{
    for (int round = 0; round < MAX_SUMMARY_ROUNDS; round++) {
        bool changed = false;
        for (int i = 0; i < u->n; i++) {
            if (summary_is_declared(u->fns[i]->name))
                continue;
            Arena scratch = {0};
            SummaryInput in = {u->fns[i], &u->dom[i], &u->cdep[i], &scratch, &scratch};
            Summary s = summarize(&in);
            if (summary_says_something(&s) || s.pure_result || summary_find(table, s.name))
                changed |= summary_put(table, &s);
            arena_free(&scratch);
        }
        if (!changed)
            return;
    }
}

static bool defined_here(const Unit *u, const char *name)
{
    for (int i = 0; i < u->n; i++)
        if (!strcmp(u->fns[i]->name, name))
            return true;
    return false;
}

/* The program functions this unit calls but does not define: the names
 * whose summaries may come from other files. */
static void record_callees(Unit *u)
{
    JobResult *res = u->res;
    StrMap seen = {0};
    for (int i = 0; i < u->n; i++)
        for (int b = 0; b < u->fns[i]->nblocks; b++) {
            const Block *blk = u->fns[i]->blocks[b];
            for (int k = 0; k < blk->nins; k++) {
                const Call *c = &blk->ins[k].call;
                if (blk->ins[k].kind != INS_CALL || c->kind != CALLEE_EXTERNAL || !c->callee ||
                    catalog_find(c->callee) || strmap_get(&seen, c->callee, NULL) ||
                    defined_here(u, c->callee))
                    continue;
                strmap_put(&seen, c->callee, 1);
                const char *name = arena_strdup(&res->arena, c->callee);
                ARENA_PUSH(&res->arena, res->callees, res->ncallees, res->cap_callees, name);
            }
        }
    strmap_free(&seen);
}

static void export_summaries(const Unit *u, const SummaryTable *table, JobResult *res)
{
    for (int i = 0; i < u->n; i++)
        if (u->fns[i]->exported) {
            const char *name = arena_strdup(&res->arena, u->fns[i]->name);
            ARENA_PUSH(&res->arena, res->defines, res->ndefines, res->cap_defines, name);
        }
    res->exports.arena = &res->arena;
    for (int i = 0; i < table->n; i++)
        if (table->items[i]->exported && summary_says_something(table->items[i]))
            summary_put(&res->exports, table->items[i]);
}

/* The risk of each finding (with the summaries still current), and each
 * function's signs of privilege, which the run joins over its program. */
static void rank_findings(Unit *u)
{
    Arena scratch = {0};
    RiskFacts *rf = risk_facts(&scratch, u->fns, u->n);
    risk_assess(&scratch, rf, u->fns, u->dom, u->n, &u->res->findings, 0);
    arena_free(&scratch);
    JobResult *res = u->res;
    for (int i = 0; i < u->n; i++) {
        FnEvidence e = evidence_of(&res->arena, u->fns[i]);
        ARENA_PUSH(&res->arena, res->evidence, res->nevidence, res->cap_evidence, e);
    }
}

/* The summaries of other files that the job's calls mean. */
static const SummaryTable *pool_of(const Job *job, const AnalyzeOptions *opt)
{
    return job->pool ? job->pool : opt->program;
}

static void analyse_unit(Unit *u)
{
    compute_facts(u);
    SummaryTable table = {.arena = u->arena, .next = pool_of(u->job, u->opt)};
    summary_set_current(&table);
    real_ids_scan_unit(u->fns, u->n);
    param_alias_scan_unit(u->fns, u->n);
    compute_summaries(u, &table);
    walks_scan_unit(u->fns, u->n);
    for (int i = 0; i < u->n; i++)
        rules_run(u->fns[i], &u->dom[i], &u->cdep[i], u->all_rules, &u->res->findings);
    rules_finish(u->all_rules, &u->res->findings);
    rank_findings(u);
    flow_index_release();
    real_ids_release();
    param_alias_release();
    handle_index_release();
    names_index_release();
    feasible_index_release();
    summary_set_current(NULL);
    export_summaries(u, &table, u->res);
    record_callees(u);
}

/* From every rule's findings (what the cache holds) to what this run
 * reports: the enabled rules', a more specific rule's finding superseding
 * another's on the same call. */
static void select_findings(JobResult *res)
{
    rules_keep_enabled(&res->findings);
    findings_resolve_precedence(&res->findings);
    findings_sort(&res->findings);
}

bool analyze_from_cache(const Job *job, const AnalyzeOptions *opt, JobResult *res)
{
    if (!opt->cache || opt->dump_cfg || job->idle)
        return false;
    SourceFile src = {0};
    if (source_file_read(job->file, &src))
        return false;           /* analyze_job() says why */
    char *key = cache_key(opt->cache, job, src.data, src.size, job->pool_digest);
    res->findings.arena = &res->arena;
    bool hit = cache_load(opt->cache, key, pool_of(job, opt), res);
    if (hit) {
        res->cached = true;
        select_findings(res);
    }
    free(key);
    source_file_free(&src);
    return hit;
}

/* The pre-filter's "nothing to check" is cached like a parse's result,
 * resting on the files its scan read and the names it found absent. */
static void store_idle(const Job *job, const AnalyzeOptions *opt, const JobResult *res)
{
    SourceFile src = {0};
    if (!opt->cache || !job->idle_deps || source_file_read(job->file, &src))
        return;
    char *key = cache_key(opt->cache, job, src.data, src.size, job->pool_digest);
    cache_store(opt->cache, key, job->idle_deps, res);
    free(key);
    source_file_free(&src);
}

/* Analyse the unit's lowered functions (fresh from the parse, or kept from
 * an earlier round) and store the result in the cache. */
static void analyse_functions(const Job *job, const AnalyzeOptions *opt, JobResult *res,
                              const char *key, const Deps *deps, Function **fns, int n)
{
    Arena unit_arena = {0};
    Unit u = {.arena = &unit_arena, .res = res, .opt = opt, .job = job,
              .all_rules = key != NULL};
    for (int i = 0; i < n; i++)
        collect_function(fns[i], &u);
    if (!opt->dump_cfg)
        analyse_unit(&u);
    arena_free(&unit_arena);
    findings_sort(&res->findings);
    res->analysed = true;
    if (key && deps)
        cache_store(opt->cache, key, deps, res);
    select_findings(res);
}

/* The functions of a unit as lowered, each copied compactly out of the
 * lowering's arena (freed after each function) into the result's arena
 * (findings point at their file names), and the copies' records for what
 * is kept (kept_unit.h). */
typedef struct Lowered {
    Arena *arena;
    Function **fns;
    int n, cap;
    StrBuf records;
    bool keep_records;      /* else each record goes once copied */
} Lowered;

static void collect_lowered(Function *fn, void *data)
{
    Lowered *all = data;
    size_t at = all->records.len;
    ir_append_function(&all->records, fn);
    const char *p = all->records.data + at;
    Function *copy = ir_next_function(all->arena, &p, all->records.data + all->records.len);
    if (!copy)
        abort();   /* a record just written reads back, or ir_io.c has a bug */
    ARENA_PUSH(all->arena, all->fns, all->n, all->cap, copy);
    if (!all->keep_records)
        all->records.len = at;
}

/* The unit as the parse left it, to the job's keep_fd when it calls other
 * files' functions (a later round may analyse it again). */
/* The unit as the parse left it, to the job's keep_fd (a later round may
 * analyse it again), written before the analyses need the memory; the
 * result says whether to keep it (JobResult.kept). */
static bool write_kept(const Job *job, const KeptUnit *k)
{
    StrBuf b = {0};
    kept_unit_encode(&b, k);
    size_t done = 0;
    while (done < b.len) {
        ssize_t w = pwrite(job->keep_fd, b.data + done, b.len - done, (off_t)done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    bool ok = b.len && done == b.len;
    sb_free(&b);
    return ok;
}

/* Lower the parsed unit, then free libclang's AST before analysing what
 * was lowered: the analyses never need it, and the AST and the analyses'
 * memory are not held at once (a worker's peak is the larger of the two). */
static void analyse_parsed(CXTranslationUnit tu, const Job *job, const AnalyzeOptions *opt,
                           JobResult *res, const char *key)
{
    Arena scratch = {0};
    Deps deps = {0};
    if (key)   /* then also for what is kept: a later round stores its result */
        deps = cache_dependencies(opt->cache, tu, job, &scratch);
    KeptUnit k = {res->failed, arena_strdup(&scratch, sb_str(&res->messages)), deps, NULL, 0};
    FrontEnd fe = {.arena = &res->arena, .tu = tu, .workdir = job->workdir,
                   .cwd = opt->cwd, .want_text = opt->dump_cfg};
    Lowered all = {.arena = &res->arena, .keep_records = job->keep_fd > 0 && !opt->dump_cfg};
    fe_lower_functions(&fe, collect_lowered, &all);
    clang_disposeTranslationUnit(tu);
    fe.tu = NULL;
    bool written = false;
    if (job->keep_fd > 0 && !opt->dump_cfg) {
        k.records = &all.records;
        k.n = all.n;
        written = write_kept(job, &k);
    }
    sb_free(&all.records);
    analyse_functions(job, opt, res, key, key ? &deps : NULL, all.fns, all.n);
    res->kept = written && res->ncallees;
    fe_dispose(&fe);
    arena_free(&scratch);
}

/* A unit an earlier round kept: analysed with the pool, not parsed. False
 * if what was kept cannot be read (then it is parsed). */
static bool analyse_kept(const Job *job, const AnalyzeOptions *opt, JobResult *res,
                         const char *key)
{
    KeptUnit k = {0};
    if (job->kept_fd <= 0 || opt->dump_cfg || !kept_unit_load(job->kept_fd, &res->arena, &k))
        return false;
    res->failed = k.failed;
    sb_puts(&res->messages, k.messages);
    res->from_kept = true;
    analyse_functions(job, opt, res, key, &k.deps, k.fns, k.n);
    return true;
}

void analyze_job(CXIndex index, const Job *job, const AnalyzeOptions *opt, JobResult *res)
{
    res->findings.arena = &res->arena;
    if (job->idle) {        /* its names stand in for its callees */
        res->analysed = res->idle = true;
        res->callees = job->idle_names;
        res->ncallees = res->cap_callees = job->nidle_names;
        res->evidence = job->idle_evidence;
        res->nevidence = res->cap_evidence = job->nidle_evidence;
        store_idle(job, opt, res);
        return;
    }
    SourceFile src = {0};
    const char *why = source_file_read(job->file, &src);
    if (why) {
        job_message(res, "error", "%s: %s", job->shown, why);
        res->failed = true;
        return;
    }
    char *key = NULL;
    if (opt->cache && !opt->dump_cfg) {
        key = cache_key(opt->cache, job, src.data, src.size, job->pool_digest);
        if (!job->cache_tried && cache_load(opt->cache, key, pool_of(job, opt), res)) {
            res->cached = true;
            select_findings(res);
            free(key);
            source_file_free(&src);
            return;
        }
    }
    if (analyse_kept(job, opt, res, key)) {
        free(key);
        source_file_free(&src);
        return;
    }
    CXTranslationUnit tu = parse(index, job, &src, res);
    if (!tu) {
        res->failed = true;
        source_file_free(&src);
        free(key);
        return;
    }
    report_compile_errors(tu, job, res);
    if (getenv("FSRACE_PARSE_ONLY")) {  /* bench/bench.py's strict floor */
        res->analysed = true;
        clang_disposeTranslationUnit(tu);
    } else {
        analyse_parsed(tu, job, opt, res, key);   /* disposes of tu */
    }
    free(key);
    source_file_free(&src);
}
