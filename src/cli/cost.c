/* cost.c - how long a unit will take to parse, guessed before parsing it:
 * the bytes of its main file and of every project file it includes,
 * transitively. A unity or bundle file of #include lines costs what it
 * includes, not its own few kilobytes; sorting by main-file size started
 * curl's 7.8 s unity file 113th of 363. System headers (found only on
 * clang's own search path) are left out: most units share them.
 *
 * The scan is lexical and cheap: it follows `#include "x"` and `<x>` lines
 * it can resolve against the includer's directory and the unit's -I and
 * -iquote directories, ignores conditionals, and reads each file once per
 * run. A wrong guess only changes the order in which units start. */
#include "cost.h"

#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/arena.h"
#include "../util/strmap.h"

enum {
    MAX_SCAN_BYTES = 4 << 20,   /* larger files count by size, unscanned */
    MAX_UNIT_FILES = 4000,      /* files followed for one unit */
};

typedef struct Include {
    const char *name;           /* as written between "" or <> */
    bool quoted;                /* "": looked up beside the includer first */
} Include;

/* What one file contributes, read once per run. */
typedef struct FileFacts {
    long long bytes;
    Include *includes;
    int n, cap;
} FileFacts;

typedef struct Costs {
    Arena arena;
    StrMap index;               /* path -> position in facts */
    FileFacts *facts;
    int n, cap;
} Costs;

/* Reads at most MAX_SCAN_BYTES of a regular file; never blocks on a FIFO. */
static char *read_regular(const char *path, long long *bytes, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return NULL;
    }
    *bytes = (long long)st.st_size;
    size_t want = st.st_size < MAX_SCAN_BYTES ? (size_t)st.st_size : 0;
    char *data = malloc(want + 1);
    ssize_t got = data ? read(fd, data, want) : -1;
    close(fd);
    *len = got > 0 ? (size_t)got : 0;
    if (data)
        data[*len] = '\0';
    return data;
}

/* The include name on a line starting at p, or NULL: `# include "x"`. */
static const char *include_name(Arena *a, const char *p, const char *end, bool *quoted)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p == end || *p++ != '#')
        return NULL;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (end - p < 8 || strncmp(p, "include", 7) != 0)
        return NULL;
    p += 7;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p == end || (*p != '"' && *p != '<'))
        return NULL;
    char close = *p == '"' ? '"' : '>';
    *quoted = close == '"';
    const char *name = ++p;
    while (p < end && *p != close && *p != '\n')
        p++;
    return p < end && *p == close && p > name ? arena_strndup(a, name, (size_t)(p - name)) : NULL;
}

static void scan_includes(Costs *c, FileFacts *f, const char *data, size_t len)
{
    const char *end = data + len;
    for (const char *line = data; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        Include inc = {0};
        inc.name = include_name(&c->arena, line, stop, &inc.quoted);
        if (inc.name)
            ARENA_PUSH(&c->arena, f->includes, f->n, f->cap, inc);
        line = stop + 1;
    }
}

/* The facts of path (a resolved name), or NULL when it cannot be read. */
static const FileFacts *facts_of(Costs *c, const char *path)
{
    int at;
    if (strmap_get(&c->index, path, &at))
        return at < 0 ? NULL : &c->facts[at];
    long long bytes = 0;
    size_t len = 0;
    char *data = read_regular(path, &bytes, &len);
    if (!data) {
        strmap_put(&c->index, path, -1);
        return NULL;
    }
    FileFacts f = {.bytes = bytes};
    scan_includes(c, &f, data, len);
    free(data);
    ARENA_PUSH(&c->arena, c->facts, c->n, c->cap, f);
    strmap_put(&c->index, path, c->n - 1);
    return &c->facts[c->n - 1];
}

/* dir/name when that is a regular file we can read, else NULL; looked up
 * through the facts, so that each candidate is opened once per run. */
static const char *resolve_in(Costs *c, Arena *a, const char *dir, const char *name)
{
    char *path = name[0] == '/' ? arena_strdup(a, name) : arena_printf(a, "%s/%s", dir, name);
    return facts_of(c, path) ? path : NULL;
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

static long long unit_cost(Costs *c, const Job *job, const char *cwd)
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
        int dummy;
        if (strmap_get(&seen, path, &dummy))
            continue;
        strmap_put(&seen, path, 1);
        visited++;
        const FileFacts *f = facts_of(c, path);
        if (!f)
            continue;
        total += f->bytes;
        const char *here = dir_of(&scratch, path);
        for (int i = 0; i < f->n && top < MAX_UNIT_FILES; i++) {
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
    Costs c = {0};
    for (int i = 0; cost && i < n; i++)
        cost[i] = unit_cost(&c, &jobs[i], cwd);
    strmap_free(&c.index);
    arena_free(&c.arena);
    return cost;
}
