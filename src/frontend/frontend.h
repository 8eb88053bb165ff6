/* frontend.h - from a parsed libclang translation unit to IR Functions.
 *
 * Every function defined in the main file is lowered, including code that
 * comes from macro expansions (they are located at the expansion site). */
#ifndef FSRACE_FRONTEND_H
#define FSRACE_FRONTEND_H
#include <clang-c/Index.h>
#include <stdbool.h>

#include "../ir/ir.h"
#include "../util/strmap.h"

typedef struct FileName {
    CXFile file;
    const char *display;
} FileName;

typedef struct FrontEnd {
    Arena *arena;           /* owns strings that outlive a function (paths) */
    Arena fn_arena;         /* owns the Function being lowered; reset after each */
    CXTranslationUnit tu;
    const char *workdir;    /* relative names are resolved against it; NULL = cwd */
    const char *cwd;        /* process working directory, to shorten paths */
    bool want_text;         /* fill Operand.text of expressions (CFG dumps) */
    bool keep_functions;    /* keep every Function until fe_dispose */
    FileName *names;        /* CXFile -> display path cache */
    int nnames, cap_names;
    StrMap fn_attrs;        /* function name -> FN_* flags (decl_attrs.h) */
} FrontEnd;

/* The path shown to users for f: relative to the current directory when
 * inside it, else absolute. */
const char *fe_display_path(FrontEnd *fe, CXFile f);

typedef void (*FunctionVisitor)(Function *fn, void *data);
/* Lower each function defined in the main file, in source order; the
 * Function passed to visit is freed when visit returns, unless
 * keep_functions is set. */
void fe_lower_functions(FrontEnd *fe, FunctionVisitor visit, void *data);
void fe_dispose(FrontEnd *fe);

#endif
