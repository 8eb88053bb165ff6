/* options.h - the command line, in the clang-tidy tradition:
 *   fsrace [options] FILE... [-- COMPILER_FLAGS...]
 *   fsrace -p BUILD_DIR [options] [FILE...]
 * where BUILD_DIR may also be the compile_commands.json file itself.   */
#ifndef FSRACE_OPTIONS_H
#define FSRACE_OPTIONS_H
#include <stdbool.h>

#include "../report/finding.h"
#include "../util/arena.h"

typedef enum Format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_HTML, FORMAT_GITLAB } Format;
/* --color: auto colours the text report only on a terminal, without NO_COLOR. */
typedef enum ColorMode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } ColorMode;

typedef struct Options {
    const char *build_dir;      /* -p: directory holding compile_commands.json, or that file */
    const char **files;         /* FILE... */
    int nfiles;
    const char **flags;         /* after --: compiler flags for every FILE */
    int nflags;
    bool have_flags;            /* -- was given (even with nothing after it) */
    Format format;
    const char *output;         /* -o: write here instead of stdout */
    ColorMode color;            /* --color */
    bool show_suppressed;       /* --show-suppressed: list them, marked */
    bool has_min_risk;          /* --min-risk given: */
    RiskLevel min_risk;         /* show findings of this risk and up */
    const char *baseline;       /* --baseline: report only findings not in it */
    const char *write_baseline; /* --write-baseline: record today's findings */
    bool fix;                   /* --fix: apply the fixes in place */
    const char *export_fixes;   /* --export-fixes: clang-apply-replacements YAML */
    int jobs;                   /* -j: parallel workers; 0 = number of cores */
    int timeout_s;              /* --timeout: seconds per file, 0 = none */
    int max_memory_mib;         /* --max-memory: MiB per file, 0 = none */
    const char **toggles;       /* "+id" for --enable id, "-id" for --disable id */
    int ntoggles;
    const char *config;         /* --config FILE */
    bool no_config;             /* --no-config */
    const char **functions;     /* --function NAME=ROLE,... */
    int nfunctions;
    const char **paths;         /* "+glob" for --include glob, "-glob" for --exclude glob */
    int npaths;
    const char *cache_dir;      /* --cache-dir DIR */
    bool no_cache;              /* --no-cache */
    bool no_prefilter;          /* --no-prefilter: parse every file */
    bool stats;                 /* --stats */
    const char *explain;        /* --explain RULE: print its help */
    const char *help_uri_base;  /* --help-uri-base URL: where the docs are */
    bool dump_cfg, list_rules, version, help;
    Arena arena;                /* strings made while parsing */
} Options;

/* Per-file limits of the worker processes unless --timeout / --max-memory
 * say otherwise: generous for real code (fsrace analyses a 200,000-line
 * file in seconds, in well under 1 GiB), small enough that a file which
 * never ends or eats memory is given up before it takes the machine. */
enum { DEFAULT_TIMEOUT_S = 600, DEFAULT_MAX_MEMORY_MIB = 4096 };

/* Exit statuses, documented in --help and the README. */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

/* 0 on success; on a usage error prints one line to stderr and returns 2. */
int options_parse(int argc, char **argv, Options *o);
void options_free(Options *o);
/* Apply --enable/--disable to the rule registry; 2 on an unknown rule. */
int options_apply_rules(const Options *o);
void options_print_help(void);

#endif
