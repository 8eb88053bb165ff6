/* help.c - the --help text, made from the rows of options.def. */
#include <stdio.h>
#include <string.h>

#include "options.h"

enum { HELP_WIDTH = 78, HELP_INDENT = 23 };

/* Print text from column `col` (where the cursor is) to HELP_WIDTH, words
 * wrapped onto lines indented by HELP_INDENT; "\n" starts a new line. */
static void print_wrapped(const char *text, int col)
{
    for (const char *p = text; *p;) {
        if (*p == '\n' || *p == ' ') {
            if (*p == '\n') {
                printf("\n%*s", HELP_INDENT, "");
                col = HELP_INDENT;
            }
            p++;
            continue;
        }
        int len = (int)strcspn(p, " \n");
        if (col > HELP_INDENT && col + 1 + len > HELP_WIDTH) {
            printf("\n%*s", HELP_INDENT, "");
            col = HELP_INDENT;
        } else if (col > HELP_INDENT) {
            putchar(' ');
            col++;
        }
        printf("%.*s", len, p);
        col += len;
        p += len;
    }
    putchar('\n');
}

/* "  -h, --help", "  --format FORMAT", padded to the text's column or on a
 * line of its own when longer. */
static void print_option(const char *shortname, const char *longname, const char *arg,
                         const char *help)
{
    int col = printf("  %s%s%s%s%s", shortname ? shortname : "",
                     shortname && longname ? ", " : "", longname ? longname : "",
                     arg ? " " : "", arg ? arg : "");
    if (col >= HELP_INDENT)
        printf("\n%*s", HELP_INDENT, "");
    else
        printf("%*s", HELP_INDENT - col, "");
    print_wrapped(help, HELP_INDENT);
}

void options_print_help(void)
{
    fputs("usage: fsrace [options] FILE... [-- COMPILER_FLAGS...]\n"
          "       fsrace -p BUILD_DIR [options] [FILE...]\n"
          "\n"
          "Finds file-system race conditions in C code: a file name checked and then\n"
          "used again (TOCTOU), symlink checks by name, and related mistakes.\n",
          stdout);
#define SECTION(id, heading, intro) printf("\n%s:\n%s", heading, intro);
#define OPTION(section, shortname, longname, arg, kind, help) \
    print_option(shortname, longname, arg, help);
#include "options.def"
#undef SECTION
#undef OPTION
}
