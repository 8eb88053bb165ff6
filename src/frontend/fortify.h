/* fortify.h - the plain libc function a _FORTIFY_SOURCE call stands for.
 *
 * Built with -O2 -D_FORTIFY_SOURCE=2 (as distributions build), glibc's
 * headers turn snprintf(buf, n, fmt, ...) into __builtin___snprintf_chk(buf,
 * n, flag, objsize, fmt, ...), strcpy(d, s) into __builtin___strcpy_chk(d,
 * s, objsize), read() into __read_chk(), open() into __open_2(). The checking
 * variant does what the plain function does, so it is lowered as that call
 * with the added arguments left out: every table keyed by libc names
 * (the catalogue, the name builders, the fill calls) sees the plain call. */
#ifndef FSRACE_FORTIFY_H
#define FSRACE_FORTIFY_H
#include <stdbool.h>

#include "../util/arena.h"

/* If `name` is a checking variant with `nargs` arguments, the plain name
 * (in a) and in *drop a bit per argument index the variant added; else
 * NULL. Arguments beyond index 31 are never dropped. */
const char *fortify_plain(Arena *a, const char *name, int nargs, unsigned *drop);

#endif
