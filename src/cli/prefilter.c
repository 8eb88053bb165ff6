/* prefilter.c - units that cannot produce a finding, told apart before
 * parsing, so that libclang parses only the units that can matter.
 *
 * fsrace analyses the functions defined in a unit's main file, and every
 * finding starts at a call the rules know by name: a catalogued file
 * function, a lock or temporary-name call, a declared (configured)
 * function, or a program function whose pooled summary has an effect. A
 * call reaches the main file either by name or through macros. So a unit
 * whose main-file code names none of those, directly or through the
 * bodies of the macros it names (transitively, over every definition any
 * scanned file or -D gives the name), cannot produce a finding, and is not
 * parsed. The scan is conservative: a macro that pastes (##) a parameter,
 * or a fragment of a trigger name, counts as a trigger; a computed
 * #include, a file too large to read whole, or flags that move the system
 * headers (--sysroot, -nostdinc, --target...), make the unit matter. Includes are followed on every
 * directory that might hold them (the union of the candidates, not
 * clang's first match), system directories too, since a library's header
 * may define `#define g_stat stat`.
 *
 * The identifiers a skipped unit names stand in for its callees, so the
 * whole-program rounds analyse it as soon as one of them gets a summary
 * with an effect (program.c). Its functions still join the program's call
 * graph, which tells the privilege each finding runs with: their names,
 * linkage and the names their bodies reach are read lexically
 * (prefilter_evidence()). They carry no sign of privilege themselves,
 * since every call that shows one (the setuid family, capset(), chown()
 * and the catalogue, a PAM module's pam_sm_ entry points) is a trigger.
 * --no-prefilter turns all this off; the tests
 * check that the findings are the same either way. */
#include "prefilter.h"

#include <ctype.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "../analysis/summary.h"
#include "../model/catalog.h"
#include "lexscan.h"

/* Functions outside the catalogue that rules react to (lock-order,
 * insecure-temp-*, name-after-open's temporaries, lockfile-race), and the
 * calls that change the process's ids or show its privilege: a unit that
 * only defines swap_uids() gives it a summary the risk of other units'
 * findings depends on, and one that calls setgid() a sign of privilege
 * (evidence.h), and one that clones into a new user namespace what runs
 * there (CLONE_NEWUSER: evidence.h). A rule that reacts to a new name outside functions.def adds
 * it here. */
static const char *const extra_triggers[] = {
    "pthread_mutex_lock", "pthread_mutex_timedlock", "pthread_mutex_clocklock",
    "pthread_mutex_trylock", "pthread_mutex_unlock", "pthread_rwlock_rdlock",
    "pthread_rwlock_wrlock", "pthread_rwlock_timedrdlock", "pthread_rwlock_timedwrlock",
    "pthread_rwlock_tryrdlock", "pthread_rwlock_trywrlock", "pthread_rwlock_unlock",
    "pthread_spin_lock", "pthread_spin_trylock", "pthread_spin_unlock", "mtx_lock",
    "mtx_timedlock", "mtx_trylock", "mtx_unlock", "flock", "lockf", "lockf64", "fcntl",
    "fcntl64", "tmpnam", "tmpnam_r", "tempnam", "mktemp", "_mktemp", "_wmktemp", "_tempnam",
    "_wtempnam", "_wtmpnam", "_tmpnam", "tmpnam_s", "_wtmpnam_s", "_mktemp_s", "_wmktemp_s",
    "mkstemp", "mkostemp", "mkstemps", "mkostemps", "mkdtemp", "tmpfile", "tmpfile64",
    "setuid", "seteuid", "setreuid", "setresuid", "setfsuid", "setgid", "setegid", "setregid",
    "setresgid", "setfsgid", "initgroups", "setgroups", "capset", "cap_set_proc", "issetugid",
    "CLONE_NEWUSER", NULL,
};

/* Options that change where system headers come from. */
static const char *const moves_headers[] = {
    "--sysroot", "-isysroot", "-nostdinc", "-nostdlibinc", "--target", "-target", "-B",
    "--gcc-toolchain", "-resource-dir", "-iprefix", "-iwithprefix", "-imacros", NULL,
};

typedef struct Walk {
    ScanCache *scans;
    Arena *arena;
    const char **dirs;          /* every directory an include may come from */
    int ndirs;
    unsigned seen;              /* stamp of the paths visited (WORD_CALLER,
                                 * and WORD_CALLER2 inside braces) */
    PrefilterUnit *unit;
    const char *main;           /* the main file's path */
    bool unsure;
} Walk;

static bool starts_with_any(const char *arg, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strncmp(arg, list[i], strlen(list[i])))
            return true;
    return false;
}

/* clang's own headers: <libclang's directory>/clang/<major>/include. */
static const char *resource_include(Arena *a)
{
    Dl_info info;
    CXString v = clang_getClangVersion();
    const char *ver = strstr(clang_getCString(v), "version ");
    int major = ver ? atoi(ver + 8) : 0;
    clang_disposeString(v);
    if (!dladdr((void *)clang_getClangVersion, &info) || !info.dli_fname || !major)
        return NULL;
    const char *slash = strrchr(info.dli_fname, '/');
    if (!slash)
        return NULL;
    return arena_printf(a, "%.*s/clang/%d/include", (int)(slash - info.dli_fname),
                        info.dli_fname, major);
}

static void add_dir(Walk *w, const char *base, const char *dir)
{
    w->dirs[w->ndirs++] = dir[0] == '/' ? dir : arena_printf(w->arena, "%s/%s", base, dir);
}

/* Directories and forced includes from the unit's arguments, and the
 * system directories; unsure when the flags move the system headers. */
static void read_args(Walk *w, const Job *job, const char *base, const char **forced, int *nforced)
{
    static const char *const with_dir[] = {"-I", "-iquote", "-isystem", "-idirafter", NULL};
    w->dirs = ARENA_ARRAY(w->arena, const char *, job->nargs + 8);
    for (int i = 0; i < job->nargs; i++) {
        const char *arg = job->args[i];
        if (starts_with_any(arg, moves_headers))
            w->unsure = true;
        for (int k = 0; with_dir[k]; k++) {
            size_t n = strlen(with_dir[k]);
            if (!strcmp(arg, with_dir[k]) && i + 1 < job->nargs)
                add_dir(w, base, job->args[++i]);
            else if (!strncmp(arg, with_dir[k], n) && arg[n])
                add_dir(w, base, arg + n);
        }
        if (!strcmp(arg, "-include") && i + 1 < job->nargs)
            forced[(*nforced)++] = job->args[++i];
    }
    static const char *const system_dirs[] = {"/usr/local/include",
#if defined(__x86_64__)
                                              "/usr/include/x86_64-linux-gnu",
#elif defined(__aarch64__)
                                              "/usr/include/aarch64-linux-gnu",
#endif
                                              "/usr/include", NULL};
    const char *res = resource_include(w->arena);
    if (!res)
        w->unsure = true;
    else
        w->dirs[w->ndirs++] = res;
    for (int k = 0; system_dirs[k]; k++)
        w->dirs[w->ndirs++] = system_dirs[k];
}

static const FileScan *visit(Walk *w, const char *path, bool body);

/* What the walk read, or found absent, so that the cache can tell when
 * the decision must be made again. */
static void record_dep(Walk *w, const char *path, const FileScan *f)
{
    Deps *d = &w->unit->deps;
    if (f) {
        Dep dep = {path, f->mtime_sec, f->mtime_nsec, f->bytes, f->ino};
        ARENA_PUSH(w->arena, d->items, d->n, d->cap, dep);
    } else if (scan_was_absent(w->scans, path))
        ARENA_PUSH(w->arena, d->absent, d->nabsent, d->cap_absent, path);
    else
        w->unit->uncacheable = true;
}

static const FileScan *visit_candidate(Walk *w, const char *dir, size_t ndir, const char *name,
                                       bool body)
{
    return visit(w, scan_path(w->scans, dir, ndir, name), body);
}

/* Scans path (interned: scan_path) and, transitively, every candidate for
 * each of its includes. In a body (a file the main file includes inside
 * { }, and what it includes), the code counts as the main file's; a body
 * include that cannot be read makes the unit unsure. Braces in headers
 * (extern "C" { under #ifdef __cplusplus) make no body: functions in
 * headers are not analysed. */
static const FileScan *visit(Walk *w, const char *path, bool body)
{
    bool is_main = path == w->main;
    if (!word_mark(path, body ? WORD_CALLER2 : WORD_CALLER, w->seen))
        return scan_file(w->scans, path);
    const FileScan *f = scan_file(w->scans, path);
    record_dep(w, path, f);
    if (!f)
        return NULL;
    if (body)
        ARENA_PUSH(w->arena, w->unit->body, w->unit->nbody, w->unit->cap_body, f);
    if (f->computed_include || f->partial)
        w->unsure = true;
    const char *slash = strrchr(path, '/');
    const char *here = slash ? path : ".";
    size_t nhere = slash ? (size_t)(slash - path) : 1;
    for (int i = 0; i < f->nincludes; i++) {
        const Include *inc = &f->includes[i];
        bool in_body = body || (is_main && inc->in_braces);
        const FileScan *found = NULL;
        if (inc->name[0] == '/')
            found = visit_candidate(w, NULL, 0, inc->name, in_body);
        else {
            if (inc->quoted)
                found = visit_candidate(w, here, nhere, inc->name, in_body);
            for (int d = 0; d < w->ndirs; d++)
                found = visit_candidate(w, w->dirs[d], strlen(w->dirs[d]), inc->name, in_body)
                            ? : found;
        }
        if (in_body && !found)
            w->unsure = true;
    }
    return f;
}

/* -DNAME=body as the macro it defines. */
static void add_defines(Prefilter *pf, const Job *job)
{
    for (int i = 0; i < job->nargs; i++) {
        const char *d = NULL;
        if (!strcmp(job->args[i], "-D") && i + 1 < job->nargs)
            d = job->args[++i];
        else if (!strncmp(job->args[i], "-D", 2))
            d = job->args[i] + 2;
        if (!d)
            continue;
        const char *eq = strchr(d, '=');
        char *text = eq ? arena_printf(&pf->scans.arena, "#define %.*s %s\n", (int)(eq - d), d, eq + 1)
                        : arena_printf(&pf->scans.arena, "#define %s 1\n", d);
        FileScan *f = ARENA_NEW(&pf->scans.arena, FileScan);
        scan_text(&pf->scans, f, text, strlen(text));
        ARENA_PUSH(&pf->arena, pf->defines, pf->ndefines, pf->cap_defines, f);
    }
}

void prefilter_scan(Prefilter *pf, const Job *job, const char *cwd, PrefilterUnit *out)
{
    const char *base = job->workdir ? job->workdir : cwd;
    Walk w = {.scans = &pf->scans, .arena = &pf->arena, .unit = out,
              .seen = scan_new_stamp(&pf->scans)};
    const char **forced = ARENA_ARRAY(&pf->arena, const char *, job->nargs + 1);
    int nforced = 0;
    read_args(&w, job, base, forced, &nforced);
    const char *main_path = scan_path(&pf->scans, base, strlen(base), job->file);
    for (int i = 0; i < nforced; i++)
        visit_candidate(&w, base, strlen(base), forced[i], false);
    w.main = main_path;
    visit(&w, main_path, false);
    add_defines(pf, job);
    out->main = scan_file(&pf->scans, main_path);
    out->unsure = w.unsure || !out->main;
}

/* Every definition of every macro scanned so far, by name. */
static void index_macros(Prefilter *pf)
{
    strmap_free(&pf->macro_index);
    pf->nmacros = 0;
    for (int f = 0; f < pf->scans.n + pf->ndefines; f++) {
        const FileScan *s = f < pf->scans.n ? pf->scans.files[f] : pf->defines[f - pf->scans.n];
        for (int m = 0; m < s->nmacros; m++) {
            MacroDefs defs = {0};
            int at;
            if (!strmap_get(&pf->macro_index, s->macros[m].name, &at)) {
                ARENA_PUSH(&pf->arena, pf->macros, pf->nmacros, pf->cap_macros, defs);
                at = pf->nmacros - 1;
                strmap_put(&pf->macro_index, s->macros[m].name, at);
            }
            ARENA_PUSH(&pf->arena, pf->macros[at].defs, pf->macros[at].n, pf->macros[at].cap,
                       &s->macros[m]);
        }
    }
    pf->indexed_files = pf->scans.n;
}

static bool is_fixed_trigger(const char *name)
{
    if (catalog_find(name) || summary_is_declared(name) || !strncmp(name, "pam_sm_", 7))
        return true;   /* a PAM module's entry points are a sign of privilege */
    for (int i = 0; extra_triggers[i]; i++)
        if (!strcmp(extra_triggers[i], name))
            return true;
    return false;
}

enum { MAX_NAME = 256 };

/* Can s[0..n) be spelled by tokens a use may hand a parameter: nothing,
 * identifiers the unit reaches, numbers (a token from a digit on), one
 * after another (a paste's result handed on)? */
static bool spelled_by(const char *s, size_t n, const StrMap *reached)
{
    bool ok[MAX_NAME + 1] = {true};
    char piece[MAX_NAME + 1];
    for (size_t i = 0; i < n; i++) {
        if (!ok[i])
            continue;
        for (size_t j = i + 1; j <= n; j++) {
            memcpy(piece, s + i, j - i);
            piece[j - i] = 0;
            if (isdigit((unsigned char)s[i]) || strmap_get(reached, piece, NULL))
                ok[j] = true;
        }
    }
    return ok[n];
}

/* Can parts[k..] make name[at..] (or, as a prefix, its start)? */
static bool parts_make(const Paste *p, int k, const char *name, size_t at, size_t len,
                       bool prefix, const StrMap *reached)
{
    if (prefix && at == len)
        return true;
    if (k == p->n)
        return at == len;
    const char *part = p->parts[k];
    if (part) {
        size_t n = strlen(part);
        if (prefix && n >= len - at)
            return !strncmp(part, name + at, len - at);
        return n <= len - at && !strncmp(part, name + at, n) &&
               parts_make(p, k + 1, name, at + n, len, prefix, reached);
    }
    for (size_t end = at; end <= len; end++)
        if ((prefix && end == len) ||
            (spelled_by(name + at, end - at, reached) &&
             parts_make(p, k + 1, name, end, len, prefix, reached)))
            return true;
    return false;
}

static bool paste_makes(const Paste *p, const char *name, bool prefix, const StrMap *reached)
{
    size_t len = strlen(name);
    if (len > MAX_NAME)
        return true;
    bool fixed = false;
    for (int k = 0; k < p->n; k++) {
        fixed |= p->parts[k] != NULL;
        if (p->parts[k] && !prefix && !strstr(name, p->parts[k]))
            return false;   /* the quick answer for most names */
    }
    if (!fixed && !prefix)
        return spelled_by(name, len, reached);
    return parts_make(p, 0, name, 0, len, prefix, reached);
}

/* Can the pasted token make a trigger name, its parameters standing for
 * what the unit reaches (reached)? */
static bool paste_may_make_trigger(const Paste *p, const StrMap *pooled, const StrMap *reached)
{
    int ncat;
    const FileFunc *cat = catalog_all(&ncat);
    for (int k = 0; k < ncat; k++)
        if (paste_makes(p, cat[k].name, false, reached))
            return true;
    for (int k = 0; extra_triggers[k]; k++)
        if (paste_makes(p, extra_triggers[k], false, reached))
            return true;
    const SummaryTable *declared = summary_declared();
    for (int k = 0; declared && k < declared->n; k++)
        if (paste_makes(p, declared->items[k]->name, false, reached))
            return true;
    for (int k = 0; pooled && k < pooled->cap; k++)
        if (pooled->slots[k].key && paste_makes(p, pooled->slots[k].key, false, reached))
            return true;
    return paste_makes(p, "pam_sm_", true, reached);
}

/* Does the unit's code name a trigger, through any macros? Fills names
 * with every identifier it reached (its possible callees). A token a
 * macro pastes is judged once every name is reached: its parameters may
 * be any of them. */
static bool names_trigger(Prefilter *pf, const PrefilterUnit *u, const StrMap *pooled,
                          StrMap *names)
{
    const char **stack = NULL;
    const Paste **pastes = NULL;
    int top = 0, cap = 0, npastes = 0, cap_pastes = 0;
    Arena scratch = {0};
    for (int i = 0; i < u->main->nidents; i++)
        ARENA_PUSH(&scratch, stack, top, cap, u->main->idents[i]);
    for (int b = 0; b < u->nbody; b++)
        for (int i = 0; i < u->body[b]->nidents; i++)
            ARENA_PUSH(&scratch, stack, top, cap, u->body[b]->idents[i]);
    bool hit = false;
    while (top > 0 && !hit) {
        const char *name = stack[--top];
        if (strmap_get(names, name, NULL))
            continue;
        strmap_put(names, name, 1);
        hit = is_fixed_trigger(name) || (pooled && strmap_get(pooled, name, NULL));
        int at;
        if (hit || !strmap_get(&pf->macro_index, name, &at))
            continue;
        for (int d = 0; d < pf->macros[at].n; d++) {
            const Macro *m = pf->macros[at].defs[d];
            for (int k = 0; k < m->npastes; k++)
                ARENA_PUSH(&scratch, pastes, npastes, cap_pastes, &m->pastes[k]);
            for (int k = 0; k < m->n; k++)
                ARENA_PUSH(&scratch, stack, top, cap, m->idents[k]);
        }
    }
    if (npastes && !hit) {   /* the names ## may paste: reached ones, tags, members */
        StrMap spellable = {0};
        for (int i = 0; i < names->cap; i++)
            if (names->slots[i].key)
                strmap_put(&spellable, names->slots[i].key, 1);
        for (int i = 0; i < u->main->nothers; i++)
            strmap_put(&spellable, u->main->others[i], 1);
        for (int b = 0; b < u->nbody; b++)
            for (int i = 0; i < u->body[b]->nothers; i++)
                strmap_put(&spellable, u->body[b]->others[i], 1);
        for (int k = 0; k < npastes && !hit; k++)
            hit = paste_may_make_trigger(pastes[k], pooled, &spellable);
        strmap_free(&spellable);
    }
    arena_free(&scratch);
    return hit;
}

bool prefilter_may_matter(Prefilter *pf, const PrefilterUnit *u, const StrMap *pooled,
                          const char ***names, int *nnames, Arena *a)
{
    if (u->unsure)
        return true;
    if (pf->indexed_files != pf->scans.n || !pf->macro_index.slots)
        index_macros(pf);
    StrMap reached = {0};
    bool hit = names_trigger(pf, u, pooled, &reached);
    *nnames = 0;
    if (!hit && names) {
        *names = ARENA_ARRAY(a, const char *, reached.n + 1);
        for (int i = 0; i < reached.cap; i++)
            if (reached.slots[i].key && !catalog_find(reached.slots[i].key))
                (*names)[(*nnames)++] = arena_strdup(a, reached.slots[i].key);
    }
    strmap_free(&reached);
    return hit;
}

/* Push name, and every name the definitions of the macro it may be reach,
 * once each (marked with stamp), onto *names. */
static void reach_names(Prefilter *pf, const char *name, unsigned stamp, Arena *a,
                        const char ***names, int *n, int *cap)
{
    const char **stack = NULL;
    int top = 0, cap_stack = 0;
    Arena scratch = {0};
    ARENA_PUSH(&scratch, stack, top, cap_stack, name);
    while (top > 0) {
        const char *next = stack[--top];
        if (!word_mark(next, WORD_CALLER, stamp))
            continue;
        if (!catalog_find(next))
            ARENA_PUSH(a, *names, *n, *cap, next);
        int at;
        if (!strmap_get(&pf->macro_index, next, &at))
            continue;
        for (int d = 0; d < pf->macros[at].n; d++)
            for (int k = 0; k < pf->macros[at].defs[d]->n; k++)
                ARENA_PUSH(&scratch, stack, top, cap_stack, pf->macros[at].defs[d]->idents[k]);
    }
    arena_free(&scratch);
}

/* The names of e (interned, in scratch) copied into a. */
static void copy_evidence(FnEvidence *e, Arena *a)
{
    const char **calls = ARENA_ARRAY(a, const char *, e->ncalls + 1);
    for (int k = 0; k < e->ncalls; k++)
        calls[k] = arena_strdup(a, e->calls[k]);
    e->name = arena_strdup(a, e->name);
    e->calls = calls;
    e->cap_calls = e->ncalls;
}

int prefilter_evidence(Prefilter *pf, const PrefilterUnit *u, FnEvidence **out, Arena *a)
{
    const FileScan *f = u->main;
    int n = 0;
    Arena scratch = {0};
    *out = ARENA_ARRAY(a, FnEvidence, f->nfuncs + 1);
    for (int i = 0; i < f->nfuncs; i++) {
        const FuncDef *def = &f->funcs[i];
        int at = 0;
        while (at < n && (*out)[at].name != def->name)
            at++;   /* both branches of an #if define it: one function */
        FnEvidence *e = &(*out)[at];
        unsigned stamp = scan_new_stamp(&pf->scans);
        if (at == n) {
            *e = (FnEvidence){.name = def->name, .exported = def->exported};
            n++;
        }
        for (int k = 0; k < e->ncalls; k++)   /* names already there from the other branch */
            word_mark(e->calls[k], WORD_CALLER, stamp);
        for (int k = 0; k < def->n; k++)
            reach_names(pf, def->idents[k], stamp, &scratch, &e->calls, &e->ncalls,
                        &e->cap_calls);
        for (int b = 0; b < u->nbody; b++)   /* included inside braces: whose is not known */
            for (int k = 0; k < u->body[b]->nidents; k++)
                reach_names(pf, u->body[b]->idents[k], stamp, &scratch, &e->calls, &e->ncalls,
                            &e->cap_calls);
    }
    for (int i = 0; i < n; i++)
        copy_evidence(&(*out)[i], a);
    arena_free(&scratch);
    return n;
}

void prefilter_free(Prefilter *pf)
{
    scan_cache_free(&pf->scans);
    strmap_free(&pf->macro_index);
    arena_free(&pf->arena);
    memset(pf, 0, sizeof *pf);
}
