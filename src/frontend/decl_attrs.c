/* decl_attrs.c - a called function's attributes, as clang's semantic
 * analysis attached them to its declarations; see decl_attrs.h.
 *
 * libclang names no attribute kind we need (noreturn and format are
 * "UnexposedAttr"), so they are read from what clang itself prints of the
 * declaration: GNU noreturn is part of the function type, which prints as
 * `void (int) __attribute__((noreturn))`; C11 `_Noreturn`, C23
 * `[[noreturn]]` and `format(...)` are attributes of the declaration,
 * printed by clang's declaration printer. The source tokens are never
 * read: an attribute macro next to a declaration must not count. */
#include "decl_attrs.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Functions that never return even where a header forgets to say so. */
static const char *const known_noreturn[] = {
    "exit", "_exit", "_Exit", "quick_exit", "abort", "err", "errx", "verr", "verrx",
    "longjmp", "siglongjmp", "_longjmp", "__assert_fail", "__assert_perror_fail",
    "__assert", "pthread_exit", "__builtin_unreachable", "__builtin_trap",
    "__builtin_abort", "__stack_chk_fail", NULL,
};

/* Variadic functions that store through their variadic arguments, for
 * headers that do not declare them format(scanf). */
static const char *const variadic_writers[] = {"ioctl", "prctl", "syscall", NULL};

static bool in_list(const char *name, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(name, list[i]))
            return true;
    return false;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (!clang_isAttribute(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    *(bool *)data = true;
    return CXChildVisit_Break;
}

/* Flags from the attributes clang attached to this one declaration. */
static int attrs_of(CXCursor decl)
{
    int flags = 0;
    CXString type = clang_getTypeSpelling(clang_getCursorType(decl));
    if (ends_with(clang_getCString(type), "__attribute__((noreturn))"))
        flags |= FN_NORETURN;
    clang_disposeString(type);
    bool has_attr = false;
    clang_visitChildren(decl, find_attr, &has_attr);
    if (!has_attr)
        return flags;
    CXPrintingPolicy policy = clang_getCursorPrintingPolicy(decl);
    clang_PrintingPolicy_setProperty(policy, CXPrintingPolicy_TerseOutput, 1);
    CXString printed = clang_getCursorPrettyPrinted(decl, policy);
    const char *p = clang_getCString(printed);
    if (p && (!strncmp(p, "_Noreturn ", 10) || strstr(p, "[[noreturn]]") ||
              strstr(p, "[[_Noreturn]]")))
        flags |= FN_NORETURN;
    const char *fmt = p ? strstr(p, "format(printf, ") : NULL;
    if (!fmt && p)
        fmt = strstr(p, "format(gnu_printf, ");
    int index = fmt ? atoi(strchr(fmt, ' ') + 1) : 0;
    if (index > 0 && index < 256)
        flags |= FN_PRINTF_LIKE | index << FN_FORMAT_SHIFT;
    if (p && (strstr(p, "format(scanf,") || strstr(p, "format(gnu_scanf,")))
        flags |= FN_SCANF_LIKE;
    clang_disposeString(printed);
    clang_PrintingPolicy_dispose(policy);
    return flags;
}

int fn_decl_attrs(FrontEnd *fe, CXCursor decl, const char *name)
{
    int flags;
    if (strmap_get(&fe->fn_attrs, name, &flags))
        return flags;
    /* An attribute may sit on any declaration: look at the one the call
     * sees, the first one and the definition. */
    flags = attrs_of(decl) | attrs_of(clang_getCanonicalCursor(decl));
    CXCursor def = clang_getCursorDefinition(decl);
    if (!clang_Cursor_isNull(def))
        flags |= attrs_of(def);
    if (in_list(name, known_noreturn))
        flags |= FN_NORETURN;
    if (ends_with(name, "scanf") || in_list(name, variadic_writers))
        flags |= FN_SCANF_LIKE;
    strmap_put(&fe->fn_attrs, name, flags);
    return flags;
}

int fn_format_arg(int attrs)
{
    return attrs & FN_PRINTF_LIKE ? (attrs >> FN_FORMAT_SHIFT) - 1 : -1;
}
