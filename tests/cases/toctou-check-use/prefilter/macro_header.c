// ARGS: --min-risk low
/* The pre-filter (src/cli/prefilter.c) must parse a file whose code names
 * file functions only through macros defined in a header. */
// CFLAGS: -Itests/cases/toctou-check-use/prefilter/include
#include <gstdio_like.h>

int probe_then_open(const char *path)
{
    struct stat st;
    if (lib_stat(path, &st) != 0 || !S_ISREG(st.st_mode))   // NOTE[toctou-check-use]
        return -1;
    return CHECKED_OPEN(path);                               // WARNING[toctou-check-use]
}
