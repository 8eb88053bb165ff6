/* decl_attrs.h - what clang knows about a called function's declaration:
 * whether it returns, whether it formats like printf or scanf. */
#ifndef FSRACE_DECL_ATTRS_H
#define FSRACE_DECL_ATTRS_H
#include <clang-c/Index.h>

#include "frontend.h"

enum {
    FN_NORETURN = 1,        /* never returns */
    FN_PRINTF_LIKE = 2,     /* format(printf, ...): only reads its arguments */
    FN_SCANF_LIKE = 4,      /* scanf family: writes its variadic arguments */
};

/* FN_* flags of the function `name` declared by decl, cached by name. */
int fn_decl_attrs(FrontEnd *fe, CXCursor decl, const char *name);

#endif
