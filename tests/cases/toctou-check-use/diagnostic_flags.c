// ARGS: --min-risk low
/* A database's warning flags choose diagnostics only: fsrace drops them
 * before parsing (each -W flag clang does not know costs a "did you mean"
 * search). Dropping must change nothing: -Wno-X, which turns clang's
 * default-error implicit declaration back into a warning that -w hides,
 * must be kept, or this file "does not compile" (exit 2 instead of 1). */
// CFLAGS: -std=c17 -pedantic-errors -Werror -Wall -Wextra -Wformat-truncation=2 -Wno-implicit-function-declaration -fdiagnostics-color=always
#include <fcntl.h>
#include <unistd.h>

int reopen(const char *path)
{
    int fd = ({ 0; });                  /* GNU statement expression: -pedantic-errors */
    if (access(path, R_OK) == 0)        // NOTE[toctou-check-use]
        fd = open(path, O_RDONLY);      // WARNING[toctou-check-use]
    undeclared_helper(fd);              /* implicit declaration: error unless -Wno-... */
    return fd;
}
