/* fortify.c - see fortify.h. glibc's convention: a __X_chk or
 * __builtin___X_chk function takes X's arguments plus the destination's
 * size last, except the printf family (a flag, and for the buffer writers
 * the size, after the buffer) and the stream readers (the buffer's size
 * after the buffer). */
#include "fortify.h"

#include <string.h>

typedef struct Layout {
    const char *plain;
    unsigned drop;          /* bit i: argument i was added */
} Layout;

static const Layout layouts[] = {
    {"sprintf", 6u},  {"vsprintf", 6u},  {"swprintf", 12u}, {"vswprintf", 12u},
    {"snprintf", 12u}, {"vsnprintf", 12u},
    {"printf", 1u},   {"vprintf", 1u},   {"wprintf", 1u},    {"vwprintf", 1u},
    {"fprintf", 2u},  {"vfprintf", 2u},  {"dprintf", 2u},    {"vdprintf", 2u},
    {"fwprintf", 2u}, {"vfwprintf", 2u}, {"asprintf", 2u},   {"vasprintf", 2u},
    {"syslog", 2u},   {"vsyslog", 2u},   {"obstack_printf", 2u}, {"obstack_vprintf", 2u},
    {"fgets", 2u},    {"fgets_unlocked", 2u}, {"fgetws", 2u}, {"fgetws_unlocked", 2u},
    {"fread", 2u},    {"fread_unlocked", 2u},
};

/* __open_2(path, flags) and its twins: open() whose mode was not given. */
static const char *const open_twins[][2] = {
    {"__open_2", "open"}, {"__open64_2", "open64"},
    {"__openat_2", "openat"}, {"__openat64_2", "openat64"},
};

static bool has_prefix(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

const char *fortify_plain(Arena *a, const char *name, int nargs, unsigned *drop)
{
    *drop = 0;
    for (size_t i = 0; i < sizeof open_twins / sizeof open_twins[0]; i++)
        if (!strcmp(name, open_twins[i][0]))
            return open_twins[i][1];
    const char *start = has_prefix(name, "__builtin___") ? name + strlen("__builtin___")
                        : has_prefix(name, "__")         ? name + 2
                                                         : NULL;
    size_t len = start ? strlen(start) : 0;
    if (len <= 4 || strcmp(start + len - 4, "_chk") != 0 || nargs < 1)
        return NULL;
    char *plain = arena_strndup(a, start, len - 4);
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (!strcmp(plain, layouts[i].plain)) {
            *drop = layouts[i].drop;
            return plain;
        }
    *drop = nargs - 1 < 32 ? 1u << (nargs - 1) : 0;
    return plain;
}
