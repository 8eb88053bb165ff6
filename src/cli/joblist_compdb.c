/* joblist_compdb.c - jobs from compile_commands.json entries. Relative
 * paths (as bear writes them, and out-of-tree builds with "../src/x.c")
 * are resolved against each entry's "directory", which is also passed to
 * the parser as -working-directory, since libclang does not chdir. The
 * entry's source file is recognised among its arguments by real path,
 * however it is spelled, and left out (the parser gets it once).
 * Arguments that only matter for producing output (-c, -o, the
 * dependency-file flags) are dropped: the parse must write nothing. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

#include "compiler_target.h"
#include "joblist.h"
#include "../util/path.h"

/* Arguments dropped together with the value that follows them. */
static bool drops_next(const char *a)
{
    static const char *const with_value[] = {"-o", "-MF", "-MT", "-MQ", "-MJ",
                                             "--serialize-diagnostics", NULL};
    for (int i = 0; with_value[i]; i++)
        if (!strcmp(a, with_value[i]))
            return true;
    return false;
}

/* Arguments dropped alone: they would make the parse write files
 * (dependency files, also when passed through -Wp, temporaries, traces). */
static bool drops_alone(const char *a)
{
    static const char *const prefixes[] = {"-M", "-Wp,-M", "-o", "-save-temps",
                                           "-ftime-trace", "--serialize-diagnostics", NULL};
    if (!strcmp(a, "-c") || !strcmp(a, "--"))
        return true;
    for (int i = 0; prefixes[i]; i++)
        if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
            return true;
    return false;
}

/* The build target an object file belongs to, as meson ("bwrap.p/x.o")
 * and CMake ("CMakeFiles/bwrap.dir/x.o") name its folder; NULL for a
 * plain Makefile's output. */
static const char *target_of(Arena *a, const char *output)
{
    static const char *const marks[] = {".p/", ".dir/", NULL};
    for (int i = 0; marks[i]; i++) {
        const char *m = strstr(output, marks[i]);
        if (!m)
            continue;
        const char *start = m;
        while (start > output && start[-1] != '/')
            start--;
        return arena_strndup(a, start, (size_t)(m - start));
    }
    return NULL;
}

/* Is argument a the entry's source file (real path `real`)? Only a
 * non-option argument with the same last component is looked up. */
static bool is_source_arg(JobList *l, const char *a, const char *dir, const char *real)
{
    if (a[0] == '-' || strcmp(path_last(a), path_last(real)) != 0)
        return false;
    return !strcmp(joblist_real(l, dir, a), real);
}

void joblist_add_entry(JobList *l, const PathFilter *filter, const LoadedDb *db, int k,
                       const char *shown)
{
    const CompdbEntry *e = &db->db.entries[k];
    const char *real = db->real[k];
    Job j = {.file = real, .shown = shown ? shown : real, .workdir = e->directory};
    j.args = ARENA_ARRAY(&l->arena, const char *, e->argc + 1);
    const char *target = e->argc ? compiler_target(&l->arena, e->argv[0]) : NULL;
    for (int i = 1; i < e->argc; i++) {   /* argument 0 is the compiler */
        const char *a = e->argv[i];
        if (names_target(a))
            target = NULL;                 /* the entry says it itself */
        if (!strcmp(a, "-o") && i + 1 < e->argc)
            j.target = target_of(&l->arena, e->argv[i + 1]);
        if (drops_next(a))
            i++;
        else if (!drops_alone(a) && !is_source_arg(l, a, e->directory, real))
            j.args[j.nargs++] = a;
    }
    if (target)
        j.args[j.nargs++] = target;
    joblist_push(l, filter, j, real);
}

static bool is_c_family_only(const char *file)
{
    const char *dot = strrchr(file, '.');
    static const char *const other[] = {".cc", ".cpp", ".cxx", ".c++", ".C", ".mm", ".m",
                                        ".S", ".s", ".asm", NULL};
    for (int i = 0; dot && other[i]; i++)
        if (!strcmp(dot, other[i]))
            return false;
    return true;
}

int joblist_add_entries_under(JobList *l, const PathFilter *filter, const LoadedDb *db,
                              const char *dir)
{
    size_t n = strlen(dir);
    while (n > 0 && dir[n - 1] == '/')
        n--;
    int found = 0;
    for (int k = 0; k < db->db.n; k++) {
        const char *real = db->real[k];
        if (strncmp(real, dir, n) != 0 || real[n] != '/')
            continue;
        found++;
        if (is_c_family_only(real))
            joblist_add_entry(l, filter, db, k, NULL);
    }
    return found;
}

int joblist_db_entry(const LoadedDb *db, const char *real)
{
    int k;
    return strmap_get(&db->by_path, real, &k) ? k : -1;
}

static LoadedDb *add_db(JobList *l, const Compdb *db)
{
    LoadedDb loaded = {.db = *db};
    loaded.real = ARENA_ARRAY(&l->arena, const char *, db->n);
    for (int k = 0; k < db->n; k++) {
        const CompdbEntry *e = &db->entries[k];
        loaded.real[k] = joblist_real(l, e->directory, e->file);
        if (!strmap_get(&loaded.by_path, loaded.real[k], NULL))
            strmap_put(&loaded.by_path, loaded.real[k], k);
    }
    ARENA_PUSH(&l->arena, l->dbs, l->ndbs, l->cap_dbs, loaded);
    return &l->dbs[l->ndbs - 1];
}

/* Read the database at path; NULL with *why set, or with *why NULL when
 * there is no such file (missing_ok). */
static LoadedDb *load(JobList *l, const char *cwd, const char *path, const char **why)
{
    Compdb db = {0};
    *why = compdb_load(&l->arena, path, cwd, &db);
    return *why ? NULL : add_db(l, &db);
}

static void fatal(JobList *l, const char *path, const char *why)
{
    fprintf(stderr, "fsrace: error: %s: %s\n", path, why);
    l->fatal = l->trouble = true;
}

LoadedDb *joblist_load_db(JobList *l, const char *cwd, const char *arg)
{
    const char *path = arena_printf(&l->arena, "%s/compile_commands.json", arg), *why;
    LoadedDb *db = load(l, cwd, path, &why);
    if (!db && !strcmp(why, strerror(ENOTDIR)))   /* -p names the file itself */
        db = load(l, cwd, path = arg, &why);
    if (!db)
        fatal(l, path, why);
    return db;
}

LoadedDb *joblist_find_db(JobList *l, const char *cwd, const char *file)
{
    char *dir = dirname(arena_strdup(&l->arena, file));
    for (;;) {
        const char *path = arena_printf(&l->arena, "%s/compile_commands.json",
                                        strcmp(dir, "/") ? dir : "");
        for (int i = 0; i < l->ndbs; i++)
            if (!strcmp(l->dbs[i].db.path, path))
                return &l->dbs[i];
        const char *why;
        LoadedDb *db = load(l, cwd, path, &why);
        if (db || strcmp(why, strerror(ENOENT)) != 0) {
            if (!db)
                fatal(l, path, why);
            return db;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || !strcmp(dir, "/"))
            return NULL;
        slash[slash == dir] = '\0';
    }
}
