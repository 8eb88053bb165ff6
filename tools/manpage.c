/* manpage.c - writes the man page fsrace(1) to standard output, made from
 * the same rows as --help (src/cli/options.def) and --list-rules
 * (src/rules/rules.def), so that the three cannot drift. `make install`
 * runs it; argv[1] is where the other documentation is installed. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../src/version.h"

/* Text as roff: backslashes escaped, a line never starting with a control
 * character, "\n" in the table a line break. */
static void roff(const char *s)
{
    int bol = 0;
    for (; *s; s++) {
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", stdout);
        bol = 0;
        if (*s == '\\')
            fputs("\\e", stdout);
        else if (*s == '-')
            fputs("\\-", stdout);
        else if (*s == '\n') {
            fputs("\n.br\n", stdout);
            bol = 1;
        } else
            putchar(*s);
    }
}

/* A SECTION's intro: preformatted lines as they are in --help. */
static void section(const char *id, const char *heading, const char *intro)
{
    if (!strcmp(id, "EXIT"))
        fputs(".SH \"EXIT STATUS\"\n", stdout);
    else
        printf(".SS \"%s\"\n", heading);
    if (!*intro)
        return;
    fputs(".nf\n", stdout);
    for (const char *p = intro; *p; p++) {
        if ((p == intro || p[-1] == '\n') && (*p == '.' || *p == '\''))
            fputs("\\&", stdout);
        if (*p == '\\')
            fputs("\\e", stdout);
        else
            putchar(*p);
    }
    fputs(".fi\n", stdout);
}

static void option(const char *shortname, const char *longname, const char *arg,
                   const char *help)
{
    fputs(".TP\n\\fB", stdout);
    if (shortname)
        roff(shortname);
    if (shortname && longname)
        fputs("\\fR, \\fB", stdout);
    if (longname)
        roff(longname);
    fputs("\\fR", stdout);
    if (arg) {
        fputs(" \\fI", stdout);
        roff(arg);
        fputs("\\fR", stdout);
    }
    putchar('\n');
    roff(help);
    putchar('\n');
}

static void rule(const char *id, const char *sev, bool on, const char *cwe, const char *cert,
                 const char *summary)
{
    printf(".TP\n\\fB");
    roff(id);
    fputs("\\fR (", stdout);
    for (const char *s = sev; *s; s++)     /* "WARNING" (of SEV_WARNING) -> "warning" */
        putchar(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    printf(", %s, %s, CERT %s)\n", on ? "on by default" : "off by default", cwe,
           cert);
    roff(summary);
    putchar('\n');
}

int main(int argc, char **argv)
{
    const char *docdir = argc > 1 ? argv[1] : "/usr/local/share/doc/fsrace";
    printf(".TH FSRACE 1 \"\" \"fsrace %s\" \"User Commands\"\n.nh\n", FSRACE_VERSION);
    fputs(".SH NAME\nfsrace \\- find file-system race conditions in C code\n"
          ".SH SYNOPSIS\n"
          "\\fBfsrace\\fR [\\fIoptions\\fR] \\fIFILE\\fR... [\\fB\\-\\-\\fR "
          "\\fICOMPILER_FLAGS\\fR...]\n.br\n"
          "\\fBfsrace \\-p\\fR \\fIBUILD_DIR\\fR [\\fIoptions\\fR] [\\fIFILE\\fR...]\n"
          ".SH DESCRIPTION\n"
          "\\fBfsrace\\fR finds file-system race conditions in C code: a file name "
          "checked and then used again by name (TOCTOU), symbolic-link checks by name, "
          "calls by name on an open file, insecure temporary files, lock-file mistakes "
          "and lock-order deadlocks. It parses with libclang, using the flags of a "
          "compile database (\\fB\\-p\\fR) or those given after \\fB\\-\\-\\fR, and "
          "reports each race with a note on the check and what to do instead.\n"
          ".SH OPTIONS\n", stdout);
#define SECTION(id, heading, intro) section(#id, heading, intro);
#define OPTION(section, shortname, longname, arg, kind, help) \
    option(shortname, longname, arg, help);
#include "../src/cli/options.def"
#undef SECTION
#undef OPTION
    fputs(".SH RULES\n"
          "\\fBfsrace \\-\\-list\\-rules\\fR lists them; \\fBfsrace \\-\\-explain\\fR "
          "\\fIRULE\\fR explains one, with an example and its fix.\n", stdout);
#define RULE(name, id, sev, on, cwe, cert, secsev, summary, help) \
    rule(id, &#sev[4], on, cwe, cert, summary);
#include "../src/rules/rules.def"
#undef RULE
    printf(".SH ENVIRONMENT\n"
           ".TP\n\\fBNO_COLOR\\fR\nset to any value: no colours in the text report.\n"
           ".TP\n\\fBFSRACE_CACHE_DIR\\fR, \\fBXDG_CACHE_HOME\\fR, "
           "\\fBFSRACE_CACHE_LIMIT_MIB\\fR\nwhere the cache is kept, and its size.\n"
           ".SH FILES\n"
           ".TP\n\\fB.fsrace.json\\fR\nthe project's configuration, in the current "
           "directory or the nearest parent.\n"
           ".SH \"SEE ALSO\"\n"
           "\\fBclang\\-tidy\\fR(1), \\fBbear\\fR(1); the documentation in %s "
           "(README.md, docs/rules.md, docs/output.md, docs/configuration.md).\n",
           docdir);
    return 0;
}
