/* decl_attrs.h - what clang knows about a called function's declaration:
 * whether it returns, whether it formats like printf or scanf. */
#ifndef FSRACE_DECL_ATTRS_H
#define FSRACE_DECL_ATTRS_H
#include <clang-c/Index.h>

#include "frontend.h"

enum {
    FN_NORETURN = 1,        /* never returns */
    FN_PRINTF_LIKE = 2,     /* format(printf, N, ...): reads argument N (the
                             * format) and those after it */
    FN_SCANF_LIKE = 4,      /* scanf family: writes its variadic arguments */
    FN_FORMAT_SHIFT = 8,    /* bits from here: N, 1-based */
};

/* FN_* flags of the function `name` declared by decl, cached by name. */
int fn_decl_attrs(FrontEnd *fe, CXCursor decl, const char *name);
/* The 0-based index of a printf-like function's format argument, or -1. */
int fn_format_arg(int attrs);

#endif
