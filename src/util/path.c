/* path.c - file names as text; see path.h. */
#include "path.h"

#include <string.h>

char *path_normalize(Arena *a, const char *path)
{
    char *out = arena_alloc(a, strlen(path) + 2);
    size_t len = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
            /* skip */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;
        } else {
            out[len++] = '/';
            memcpy(out + len, p, n);
            len += n;
        }
        p += n;
    }
    if (len == 0)
        out[len++] = '/';
    out[len] = '\0';
    return out;
}

char *path_absolute(Arena *a, const char *base, const char *name)
{
    if (name[0] == '/')
        return path_normalize(a, name);
    return path_normalize(a, arena_printf(a, "%s/%s", base ? base : ".", name));
}

const char *path_last(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}
