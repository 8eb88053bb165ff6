/* parse_failure.c - see parse_failure.h. */
#include "parse_failure.h"

#include <stdbool.h>
#include <string.h>

/* Options whose value is the next argument and may look like a file. */
static bool takes_file_value(const char *a)
{
    static const char *const with_value[] = {"-include", "-imacros", "-o", "-MF", "-MT", "-MQ",
                                             "-x", "-I", "-isystem", "-iquote", "-idirafter",
                                             "-L", "-Xclang", "-Xlinker", NULL};
    for (int i = 0; with_value[i]; i++)
        if (!strcmp(a, with_value[i]))
            return true;
    return false;
}

/* Does a name an input the driver would compile or link? */
static bool looks_like_input(const char *a)
{
    static const char *const kinds[] = {".c", ".i", ".h", ".o", ".a", ".so", ".s", ".S", ".cc",
                                        ".cpp", ".cxx", ".m", ".ll", ".bc", ".obj", NULL};
    const char *dot = strrchr(a, '.');
    if (a[0] == '-' || !dot || strchr(dot, '/'))
        return false;
    for (int i = 0; kinds[i]; i++)
        if (!strcmp(dot, kinds[i]))
            return true;
    return false;
}

/* Arguments (a, and the one after it) that make the driver do something
 * other than compile one C file. */
static const char *not_one_compile(const char *a, const char *next)
{
    const char *lang = !strcmp(a, "-x") ? next : !strncmp(a, "-x", 2) ? a + 2 : NULL;
    if (lang && strcmp(lang, "c") && strcmp(lang, "c-header") && strcmp(lang, "cpp-output"))
        return "a language option (-x) that is not C";
    if (!strncmp(a, "-save-temps", 11))
        return "-save-temps, which makes several compiler jobs";
    if (!strcmp(a, "-target") || !strncmp(a, "--target=", 9))
        return "a target libclang does not support";
    return NULL;
}

static void command(StrBuf *out, const char *const *argv, int argc)
{
    sb_puts(out, "; the command was:");
    for (int i = 0; i < argc && out->len < 700; i++) {
        sb_putc(out, ' ');
        sb_puts(out, argv[i]);
    }
    if (out->len >= 700)
        sb_puts(out, " ...");
}

void parse_failure_explain(StrBuf *out, enum CXErrorCode err, const char *const *argv, int argc)
{
    StrBuf others = {0};
    const char *odd = NULL;
    for (int i = 1; i + 1 < argc; i++) {
        odd = odd ? odd : not_one_compile(argv[i], argv[i + 1]);
        if (takes_file_value(argv[i])) {
            i++;
            continue;
        }
        if (looks_like_input(argv[i]))
            sb_printf(&others, "%s%s", others.len ? ", " : "", argv[i]);
    }
    if (others.len)
        sb_printf(out, "its arguments name other input files besides it (%s); libclang "
                       "parses one file at a time", sb_str(&others));
    else if (odd)
        sb_printf(out, "its arguments hold %s", odd);
    else
        sb_printf(out, "libclang returned error %d (%s) without saying more", (int)err,
                  err == CXError_ASTReadError ? "the arguments do not make one compilation"
                  : err == CXError_Crashed    ? "libclang crashed"
                  : err == CXError_InvalidArguments ? "invalid arguments"
                                              : "failure");
    command(out, argv, argc);
    sb_free(&others);
}
