/* pathfilter.c - see pathfilter.h. A file outside a pattern's base folder
 * is not matched by it. Both the base and the file are real paths, so
 * "./x", "a/../x" and a symbolic link to the project all agree. */
#include "pathfilter.h"

#include <string.h>

#include "../util/glob.h"

void pathfilter_add(PathFilter *f, Arena *a, const char *base, const char *glob, bool include)
{
    char *dir = arena_strdup(a, base);
    for (;;) {   /* "./x" and "../x": the base moves, not the pattern */
        if (!strncmp(glob, "./", 2)) {
            glob += 2;
        } else if (!strncmp(glob, "../", 3)) {
            char *slash = strrchr(dir, '/');
            if (slash)
                slash[slash == dir] = '\0';
            glob += 3;
        } else {
            break;
        }
    }
    PathPattern p = {dir, arena_strdup(a, glob), include};
    ARENA_PUSH(a, f->items, f->n, f->cap, p);
    f->any_include |= include;
}

/* path relative to base, or NULL when it is not under base. */
static const char *under(const char *base, const char *path)
{
    size_t n = strlen(base);
    while (n > 1 && base[n - 1] == '/')
        n--;
    if (strncmp(path, base, n) != 0)
        return NULL;
    if (n == 1)   /* base "/" */
        return path + 1;
    return path[n] == '/' ? path + n + 1 : NULL;
}

static bool matches(const PathPattern *p, const char *path)
{
    const char *rel = under(p->base, path);
    if (!rel && !strchr(p->glob, '/'))   /* a name, and a file elsewhere: its own name */
        return glob_match(p->glob, strrchr(path, '/') + 1);
    return rel && glob_match(p->glob, rel);
}

bool pathfilter_allows(const PathFilter *f, const char *path)
{
    bool included = !f->any_include;
    for (int i = 0; i < f->n; i++)
        if (f->items[i].include && !included)
            included = matches(&f->items[i], path);
    for (int i = 0; i < f->n && included; i++)
        if (!f->items[i].include && matches(&f->items[i], path))
            return false;
    return included;
}
