/* options.c - parsing the command line and the --help text. */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "selection.h"
#include "../version.h"

void options_print_help(void)
{
    printf(
"usage: fsrace [options] FILE... [-- COMPILER_FLAGS...]\n"
"       fsrace -p BUILD_DIR [options] [FILE...]\n"
"\n"
"Finds file-system race conditions in C code: a file name checked and then\n"
"used again (TOCTOU), symlink checks by name, and related mistakes.\n"
"\n"
"Input:\n"
"  FILE...              C files to analyse.\n"
"  -- FLAGS...          compiler flags for every FILE (-I, -D, -std=...).\n"
"                       Without -- and without -p, files are parsed with\n"
"                       clang's defaults (C17 with GNU extensions).\n"
"  -p BUILD_DIR         read BUILD_DIR/compile_commands.json (as written by\n"
"                       CMake or bear); with FILEs, analyse only those.\n"
"\n"
"Output:\n"
"  --format FORMAT      text (default): file:line:col: warning: ... [rule]\n"
"                       json: findings as JSON (docs/output.md; JSON Schema\n"
"                       in docs/fsrace-output.schema.json)\n"
"                       sarif: SARIF 2.1.0, for GitHub code scanning\n"
"                       html: one self-contained page, findings by file and\n"
"                       rule with the source of each step and filters\n"
"  -o FILE              write the report to FILE instead of standard output;\n"
"                       written to a temporary file and renamed, and refused\n"
"                       if FILE is a symbolic link.\n"
"  --color WHEN         colour the text report: auto (default: only when\n"
"                       standard output is a terminal, without -o, and\n"
"                       NO_COLOR is not set to any value), always, or never.\n"
"  --show-suppressed    also list findings silenced by fsrace-ignore\n"
"                       comments, marked as suppressed (they still do not\n"
"                       count for the exit status).\n"
"  --list-rules         list the rules with their ids and tags, and exit.\n"
"  --enable RULE[,...]  also report these rules (some are off by default;\n"
"                       see --list-rules); \"all\" turns every rule on.\n"
"  --disable RULE[,...] do not report these rules. A RULE may be a glob\n"
"                       ('toctou-*', 'lock*'); each must match some rule.\n"
"                       Applied in order, after .fsrace.json's \"enable\"\n"
"                       and \"disable\" lists.\n"
"  --dump-cfg           print each function's control-flow graph instead of\n"
"                       findings (for debugging and the CFG tests).\n"
"\n"
"Suppressing and baselines:\n"
"  // fsrace-ignore[RULE,...]: REASON\n"
"                       on the finding's line or a comment line just above\n"
"                       it (also /* */; \"*\" for every rule) silences it;\n"
"  // fsrace-ignore-function[RULE,...]: REASON\n"
"                       above a function's definition, or on the line with\n"
"                       its name, silences the whole function. clang-tidy's\n"
"                       NOLINT(fsrace-RULE) and NOLINTNEXTLINE(fsrace-RULE)\n"
"                       work too.\n"
"  --write-baseline FILE\n"
"                       record today's findings (by fingerprint) in FILE,\n"
"                       written safely like -o; exits 0 unless the run had\n"
"                       trouble, since no finding is new to that baseline.\n"
"  --baseline FILE      report only findings whose fingerprint FILE does not\n"
"                       hold; the exit status counts only those. Fingerprints\n"
"                       survive lines moving, not edits to the racy lines.\n"
"\n"
"Project configuration (see docs/configuration.md):\n"
"  --config FILE        read function declarations and the rule selection\n"
"                       from FILE; by default .fsrace.json in the current\n"
"                       directory or the nearest parent, up to the\n"
"                       repository root.\n"
"  --no-config          do not look for .fsrace.json.\n"
"  --function NAME=ROLE[,like=FN][,path=N][,flags=N]\n"
"                       declare a function as a check, use or safe, like the\n"
"                       libc function FN, acting on argument N (from 0);\n"
"                       repeatable. Overrides what fsrace infers from the body.\n"
"\n"
"Running:\n"
"  -j N                 analyse N files in parallel (default: all cores).\n"
"  --cache-dir DIR      keep results of files that did not change here\n"
"                       (default: $FSRACE_CACHE_DIR, $XDG_CACHE_HOME/fsrace or\n"
"                       ~/.cache/fsrace; at most $FSRACE_CACHE_LIMIT_MIB MiB,\n"
"                       256 by default). See docs/cache.md.\n"
"  --no-cache           neither read nor write the cache.\n"
"  --stats              print one line of counts and time on standard error:\n"
"                       files, cache hits, files analysed again with other\n"
"                       files' summaries.\n"
"                       On a terminal, a run that takes over a second shows\n"
"                       its progress on standard error.\n"
"  --version            print the version and exit.\n"
"  -h, --help           print this help and exit.\n"
"\n"
"Exit status:\n"
"  0  no findings, and every file was analysed\n"
"  1  findings were reported, and every file was analysed\n"
"  2  usage error, or a file could not be analysed completely (missing,\n"
"     unreadable, not C, does not compile, broken compile database);\n"
"     findings in the other files are still reported\n"
"\n"
"Messages about the run itself go to standard error, one line each:\n"
"  fsrace: error: FILE: what went wrong\n");
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("fsrace: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see fsrace --help)\n", stderr);
    return EXIT_TROUBLE;
}

/* The value of an option given as "-o X", "-oX", "--opt X" or "--opt=X". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0' && name[1] != '-')   /* -jN, -pDIR */
        return a + n;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

static bool matches(const char *arg, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return false;
    return arg[n] == '\0' || arg[n] == '=' || (name[1] != '-' && strlen(name) == 2);
}

static int parse_format(const char *v, Options *o)
{
    if (!strcmp(v, "text"))
        o->format = FORMAT_TEXT;
    else if (!strcmp(v, "json"))
        o->format = FORMAT_JSON;
    else if (!strcmp(v, "sarif"))
        o->format = FORMAT_SARIF;
    else if (!strcmp(v, "html"))
        o->format = FORMAT_HTML;
    else
        return usage_error("unknown --format '%s': use text, json, sarif or html", v);
    return 0;
}

static int parse_jobs(const char *v, Options *o)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 1024)
        return usage_error("-j takes a number from 1 to 1024, not '%s'", v);
    o->jobs = (int)n;
    return 0;
}

static int parse_color(const char *v, Options *o)
{
    if (!strcmp(v, "auto"))
        o->color = COLOR_AUTO;
    else if (!strcmp(v, "always"))
        o->color = COLOR_ALWAYS;
    else if (!strcmp(v, "never"))
        o->color = COLOR_NEVER;
    else
        return usage_error("unknown --color '%s': use auto, always or never", v);
    return 0;
}

/* --baseline FILE and --write-baseline FILE. */
static int parse_baseline(int argc, char **argv, int *i, Options *o)
{
    bool write = !strncmp(argv[*i], "--write-", 8);
    const char *name = write ? "--write-baseline" : "--baseline";
    const char *v = option_value(argc, argv, i, name);
    if (!v || !*v)
        return usage_error("%s needs a file name", name);
    if (write)
        o->write_baseline = v;
    else
        o->baseline = v;
    return 0;
}

/* One option at argv[*i]; 0, or 2 for a usage error. */
static int parse_option(int argc, char **argv, int *i, Options *o)
{
    const char *a = argv[*i], *v;
    if (!strcmp(a, "-h") || !strcmp(a, "--help"))
        o->help = true;
    else if (!strcmp(a, "--version"))
        o->version = true;
    else if (!strcmp(a, "--list-rules"))
        o->list_rules = true;
    else if (!strcmp(a, "--dump-cfg"))
        o->dump_cfg = true;
    else if (!strcmp(a, "--show-suppressed"))
        o->show_suppressed = true;
    else if (matches(a, "--baseline") || matches(a, "--write-baseline"))
        return parse_baseline(argc, argv, i, o);
    else if (matches(a, "--color")) {
        if (!(v = option_value(argc, argv, i, "--color")))
            return usage_error("%s needs a value", a);
        return parse_color(v, o);
    } else if (matches(a, "--format")) {
        if (!(v = option_value(argc, argv, i, "--format")))
            return usage_error("%s needs a value", a);
        return parse_format(v, o);
    } else if (!strcmp(a, "--stats")) {
        o->stats = true;
    } else if (!strcmp(a, "--no-cache")) {
        o->no_cache = true;
    } else if (matches(a, "--cache-dir")) {
        if (!(o->cache_dir = option_value(argc, argv, i, "--cache-dir")) || !*o->cache_dir)
            return usage_error("%s needs a directory", a);
    } else if (!strcmp(a, "--no-config")) {
        o->no_config = true;
    } else if (matches(a, "--config")) {
        if (!(o->config = option_value(argc, argv, i, "--config")) || !*o->config)
            return usage_error("%s needs a file", a);
    } else if (matches(a, "--function")) {
        if (!(v = option_value(argc, argv, i, "--function")) || !*v)
            return usage_error("%s needs NAME=ROLE[,like=FN][,path=N][,flags=N]", a);
        o->functions[o->nfunctions++] = v;
    } else if (matches(a, "--enable") || matches(a, "--disable")) {
        bool on = a[2] == 'e';
        const char *name = on ? "--enable" : "--disable";
        if (!(v = option_value(argc, argv, i, name)) || !*v)
            return usage_error("%s needs a rule id", name);
        o->toggles[o->ntoggles++] = on ? arena_printf(&o->arena, "+%s", v)
                                       : arena_printf(&o->arena, "-%s", v);
    } else if (matches(a, "-o") || matches(a, "-j") || matches(a, "-p")) {
        char name[3] = {a[0], a[1], '\0'};
        if (!(v = option_value(argc, argv, i, name)) || !*v)
            return usage_error("%s needs a value", name);
        if (name[1] == 'o')
            o->output = v;
        else if (name[1] == 'p')
            o->build_dir = v;
        else
            return parse_jobs(v, o);
    } else {
        return usage_error("unknown option '%s'", a);
    }
    return 0;
}

int options_parse(int argc, char **argv, Options *o)
{
    memset(o, 0, sizeof *o);
    o->files = calloc((size_t)argc + 1, sizeof(char *));
    o->toggles = calloc((size_t)argc + 1, sizeof(char *));
    o->functions = calloc((size_t)argc + 1, sizeof(char *));
    if (!o->files || !o->toggles || !o->functions)
        return EXIT_TROUBLE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            o->have_flags = true;
            o->flags = (const char **)argv + i + 1;
            o->nflags = argc - i - 1;
            break;
        }
        if (a[0] == '-' && a[1] != '\0') {
            int rc = parse_option(argc, argv, &i, o);
            if (rc)
                return rc;
        } else {
            o->files[o->nfiles++] = a;
        }
    }
    bool wants_input = !o->help && !o->version && !o->list_rules;
    if (wants_input && !o->nfiles && !o->build_dir)
        return usage_error("%s", "no input files: give FILE... or -p BUILD_DIR");
    return 0;
}

void options_free(Options *o)
{
    free(o->files);
    free(o->toggles);
    free(o->functions);
    arena_free(&o->arena);
}

int options_apply_rules(const Options *o)
{
    int rc = 0;
    for (int i = 0; i < o->ntoggles && !rc; i++) {
        bool on = o->toggles[i][0] == '+';
        rc = selection_apply_list(on ? "--enable" : "--disable", o->toggles[i] + 1, on);
    }
    return rc;
}
