/* deps.c - a unit's dependencies for the cache; see deps.h. */
#include "deps.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/path.h"
#include "../util/strmap.h"

typedef struct Walk {
    CXTranslationUnit tu;
    const SearchDirs *dirs;
    const char *base;       /* for relative names */
    Arena *a;
    Deps *out;
    StrMap seen;            /* paths recorded, as a file or as absent */
    StrMap absent;          /* the absent paths recorded */
} Walk;

/* Record an absent path, or rather its outermost absent directory: one
 * name for every header looked up below it ("/usr/local/include/bits" for
 * ".../bits/types.h" and all its siblings). */
static void record_absent(Walk *w, const char *path)
{
    struct stat st;
    for (;;) {
        const char *slash = strrchr(path, '/');
        if (!slash || slash == path)
            break;
        const char *parent = arena_printf(w->a, "%.*s", (int)(slash - path), path);
        if (strmap_get(&w->absent, parent, NULL))
            return;             /* already recorded, with all below it */
        if (stat(parent, &st) == 0)
            break;
        path = parent;
    }
    if (strmap_get(&w->absent, path, NULL))
        return;
    strmap_put(&w->absent, path, 1);
    ARENA_PUSH(w->a, w->out->absent, w->out->nabsent, w->out->cap_absent, path);
}

/* Record path as it is now: its status if it exists, else as absent. */
static void record(Walk *w, const char *path)
{
    if (strmap_get(&w->seen, path, NULL))
        return;
    strmap_put(&w->seen, path, 1);
    struct stat st;
    if (stat(path, &st) != 0) {
        record_absent(w, path);
        return;
    }
    Dep d = {path, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_size, (long long)st.st_ino};
    ARENA_PUSH(w->a, w->out->items, w->out->n, w->out->cap, d);
}

static const char *file_path(Walk *w, CXFile file)
{
    CXString s = clang_getFileName(file);
    const char *path = path_absolute(w->a, w->base, clang_getCString(s));
    clang_disposeString(s);
    return path;
}

/* The name an #include spelled at loc ("x.h" or <x.h>), and the file that
 * holds the directive; the name is NULL for #include MACRO. */
static const char *spelled_name(Walk *w, CXSourceLocation loc, const char **includer)
{
    CXFile file;
    unsigned offset;
    size_t size;
    clang_getExpansionLocation(loc, &file, NULL, NULL, &offset);
    *includer = file ? file_path(w, file) : NULL;
    const char *text = file ? clang_getFileContents(w->tu, file, &size) : NULL;
    if (!text || offset >= size || (text[offset] != '"' && text[offset] != '<'))
        return NULL;
    char close = text[offset] == '"' ? '"' : '>';
    size_t n = strcspn(text + offset + 1, close == '"' ? "\"\n" : ">\n");
    if (offset + 1 + n >= size || text[offset + 1 + n] != close)
        return NULL;
    return arena_printf(w->a, "%.*s", (int)n, text + offset + 1);
}

/* name in every directory it may be looked up in, but the one it was
 * found in, recorded (mostly as absent). */
static void record_lookups(Walk *w, const char *name, const char *found, const char *includer)
{
    if (includer) {
        const char *slash = strrchr(includer, '/');
        const char *dir = arena_printf(w->a, "%.*s", (int)(slash - includer), includer);
        const char *there = path_absolute(w->a, *dir ? dir : "/", name);
        if (strcmp(there, found))
            record(w, there);
    }
    for (int i = 0; i < w->dirs->n; i++) {
        const char *there = path_absolute(w->a, w->dirs->dirs[i], name);
        if (strcmp(there, found))
            record(w, there);
    }
}

static void inclusion(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
    Walk *w = data;
    const char *path = file_path(w, file);
    record(w, path);
    if (depth == 0)
        return;
    const char *includer;
    const char *name = spelled_name(w, stack[0], &includer);
    if (name && name[0] != '/') {
        record_lookups(w, name, path, includer);
        return;
    }
    if (name)
        return;                 /* an absolute name is not searched for */
    /* #include MACRO: every name the file could have been found by. */
    for (int i = 0; i < w->dirs->n; i++) {
        size_t n = strlen(w->dirs->dirs[i]);
        if (!strncmp(path, w->dirs->dirs[i], n) && path[n] == '/')
            record_lookups(w, path + n + 1, path, includer);
    }
}

/* An #include that found nothing (a unit that does not compile): its name
 * must stay absent everywhere, or the entry is stale once it appears. */
static void record_missing(Walk *w)
{
    unsigned n = clang_getNumDiagnostics(w->tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(w->tu, i);
        CXString s = clang_getDiagnosticSpelling(d);
        if (strstr(clang_getCString(s), "file not found")) {
            const char *includer;
            const char *name = spelled_name(w, clang_getDiagnosticLocation(d), &includer);
            if (name && name[0] == '/')
                record(w, name);
            else if (name)
                record_lookups(w, name, "", includer);
        }
        clang_disposeString(s);
        clang_disposeDiagnostic(d);
    }
}

void deps_collect(CXTranslationUnit tu, const SearchDirs *dirs, const char *base, Arena *a,
                  Deps *out)
{
    Walk w = {tu, dirs, base, a, out, {0}, {0}};
    clang_getInclusions(tu, inclusion, &w);
    record_missing(&w);
    strmap_free(&w.seen);
    strmap_free(&w.absent);
}

/* What stat() said of a name, asked once per run: the units of a project
 * include the same headers and look them up in the same directories. */
typedef struct Status {
    bool exists;
    long long mtime_sec, mtime_nsec, size, ino;
} Status;

static struct {
    pthread_mutex_t lock;
    StrMap index;           /* name -> position in items */
    Status *items;
    int n, cap;
} memo = {PTHREAD_MUTEX_INITIALIZER};

static Status status_of(const char *path)
{
    pthread_mutex_lock(&memo.lock);
    int i;
    bool known = strmap_get(&memo.index, path, &i);
    Status s = known ? memo.items[i] : (Status){0};
    pthread_mutex_unlock(&memo.lock);
    if (known)
        return s;
    struct stat st;
    if (stat(path, &st) == 0)
        s = (Status){true, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_size,
                     (long long)st.st_ino};
    pthread_mutex_lock(&memo.lock);
    if (!strmap_get(&memo.index, path, NULL)) {
        if (memo.n == memo.cap) {
            int cap = memo.cap ? memo.cap * 2 : 256;
            Status *more = realloc(memo.items, (size_t)cap * sizeof *more);
            if (more) {
                memo.items = more;
                memo.cap = cap;
            }
        }
        if (memo.n < memo.cap) {
            memo.items[memo.n] = s;
            strmap_put(&memo.index, path, memo.n++);
        }
    }
    pthread_mutex_unlock(&memo.lock);
    return s;
}

bool deps_unchanged(const Deps *deps)
{
    for (int i = 0; i < deps->n; i++) {
        const Dep *d = &deps->items[i];
        Status s = status_of(d->path);
        if (!s.exists || s.mtime_sec != d->mtime_sec || s.mtime_nsec != d->mtime_nsec ||
            s.size != d->size || s.ino != d->ino)
            return false;
    }
    for (int i = 0; i < deps->nabsent; i++)
        if (status_of(deps->absent[i]).exists)
            return false;
    return true;
}
