/* cost.c - how long a unit will take to parse, guessed before parsing it:
 * the bytes of its main file and of every project file it includes,
 * transitively. A unity or bundle file of #include lines costs what it
 * includes, not its own few kilobytes; sorting by main-file size started
 * curl's 7.8 s unity file 113th of 363. System headers (found only on
 * clang's own search path) are left out: most units share them.
 *
 * The includes come from lexscan.c (each file read once per run: the
 * pre-filter's scan, when it ran, gives each unit's cost before it is
 * freed, so its files are not read and lexed again here); names
 * resolve against the includer's directory and the unit's -I and -iquote
 * directories. A wrong guess only changes the order in which units start. */
#include "cost.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexscan.h"

enum { MAX_UNIT_FILES = 4000 };     /* files followed for one unit */

/* dir/name when that is a file we can read, else NULL. */
static const char *resolve_in(ScanCache *c, Arena *a, const char *dir, const char *name)
{
    char *path = name[0] == '/' ? arena_strdup(a, name) : arena_printf(a, "%s/%s", dir, name);
    return scan_file(c, path) ? path : NULL;
}

/* The unit's include directories: -I and -iquote, absolute. */
static const char **search_dirs(Arena *a, const Job *job, const char *base, int *n)
{
    const char **dirs = ARENA_ARRAY(a, const char *, job->nargs + 1);
    *n = 0;
    for (int i = 0; i < job->nargs; i++) {
        const char *arg = job->args[i], *dir = NULL;
        if (!strcmp(arg, "-I") || !strcmp(arg, "-iquote"))
            dir = i + 1 < job->nargs ? job->args[++i] : NULL;
        else if (!strncmp(arg, "-I", 2))
            dir = arg + 2;
        if (dir)
            dirs[(*n)++] = dir[0] == '/' ? dir : arena_printf(a, "%s/%s", base, dir);
    }
    return dirs;
}

static char *dir_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(a, path, (size_t)(slash - path)) : arena_strdup(a, ".");
}

long long unit_cost(ScanCache *c, const Job *job, const char *cwd)
{
    Arena scratch = {0};
    StrMap seen = {0};
    const char *base = job->workdir ? job->workdir : cwd;
    int ndirs;
    const char **dirs = search_dirs(&scratch, job, base, &ndirs);
    const char **stack = ARENA_ARRAY(&scratch, const char *, MAX_UNIT_FILES);
    int top = 0, visited = 0;
    long long total = 0;
    stack[top++] = job->file[0] == '/' ? job->file : arena_printf(&scratch, "%s/%s", base, job->file);
    while (top > 0 && visited < MAX_UNIT_FILES) {
        const char *path = stack[--top];
        if (strmap_get(&seen, path, NULL))
            continue;
        strmap_put(&seen, path, 1);
        visited++;
        const FileScan *f = scan_file(c, path);
        if (!f)
            continue;
        total += f->bytes;
        const char *here = dir_of(&scratch, path);
        for (int i = 0; i < f->nincludes && top < MAX_UNIT_FILES; i++) {
            const Include *inc = &f->includes[i];
            const char *found = inc->quoted ? resolve_in(c, &scratch, here, inc->name) : NULL;
            for (int d = 0; !found && d < ndirs; d++)
                found = resolve_in(c, &scratch, dirs[d], inc->name);
            if (found)
                stack[top++] = found;
        }
    }
    strmap_free(&seen);
    arena_free(&scratch);
    return total;
}

long long *unit_costs(const Job *jobs, int n)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, ".");
    long long *cost = calloc((size_t)n + 1, sizeof(long long));
    ScanCache c = {0};
    for (int i = 0; cost && i < n; i++)   /* the cache or the pre-filter answers the rest */
        if (!jobs[i].preloaded && !jobs[i].idle)
            cost[i] = jobs[i].cost ? jobs[i].cost : unit_cost(&c, &jobs[i], cwd);
    scan_cache_free(&c);
    return cost;
}
