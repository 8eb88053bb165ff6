/* glob.c - see glob.h. Components are matched with fnmatch(3) one at a
 * time; '**' is tried against every suffix of the remaining path. */
#include "glob.h"

#include <fnmatch.h>
#include <string.h>

/* Length of the component at s (up to '/' or the end). */
static size_t component(const char *s)
{
    const char *slash = strchr(s, '/');
    return slash ? (size_t)(slash - s) : strlen(s);
}

static bool component_match(const char *pat, size_t plen, const char *s, size_t slen)
{
    char p[1024], c[1024];
    if (plen >= sizeof p || slen >= sizeof c)
        return false;
    memcpy(p, pat, plen);
    p[plen] = '\0';
    memcpy(c, s, slen);
    c[slen] = '\0';
    return fnmatch(p, c, FNM_PERIOD) == 0;
}

/* pat and path both start at a component. A pattern used up while path
 * goes on matches too: what is under a matching directory is in it. */
static bool match_from(const char *pat, const char *path)
{
    if (!*pat)
        return true;
    size_t plen = component(pat);
    const char *pat_next = pat[plen] ? pat + plen + 1 : pat + plen;
    if (plen == 2 && !strncmp(pat, "**", 2)) {
        for (const char *s = path;; s += component(s) + 1) {
            if (match_from(pat_next, s))
                return true;
            if (!s[component(s)])
                return !*pat_next;
        }
    }
    if (!*path)
        return false;
    size_t slen = component(path);
    if (!component_match(pat, plen, path, slen))
        return false;
    const char *path_next = path[slen] ? path + slen + 1 : path + slen;
    return match_from(pat_next, path_next);
}

bool glob_match(const char *pattern, const char *path)
{
    while (pattern[0] == '/')
        pattern++;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    if (!strchr(pattern, '/')) {   /* a name: the file or any directory above it */
        for (const char *s = path; *s; s += component(s) + !!s[component(s)])
            if (component_match(pattern, strlen(pattern), s, component(s)))
                return true;
        return false;
    }
    return match_from(pattern, path);
}
