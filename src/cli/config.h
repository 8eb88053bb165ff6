/* config.h - the project's declarations of its own functions, from
 * .fsrace.json (found from the current directory upward, up to the
 * repository root) or --config FILE, and --function on the command line:
 *
 *   {"exclude": ["third_party", "*_test.c"],
 *    "functions": {
 *      "file_exists": {"role": "check", "like": "stat"},
 *      "xfopen":      {"role": "use", "like": "fopen", "path": 0, "flags": 1},
 *      "safe_open":   {"role": "safe"}
 *   },
 *   "enable": ["lockfile-nfs"], "disable": ["toctou-*"]}
 *
 *   --function xfopen=use,like=fopen,flags=1
 *
 * and "min-risk": "low" | "medium" | "high", the default of --min-risk.
 *
 * A declaration replaces whatever fsrace would work out from the
 * function's body, and gives one to functions it cannot see (libraries). */
#ifndef FSRACE_CONFIG_H
#define FSRACE_CONFIG_H
#include "../analysis/summary.h"
#include "options.h"
#include "pathfilter.h"

typedef struct Config {
    Arena arena;
    SummaryTable declared;
    const char *path;       /* the file read, or NULL */
    PathFilter filter;      /* its "include"/"exclude", then --include/--exclude */
    const char *help_uri_base; /* "helpUriBase": where the docs are published */
    bool has_min_risk;      /* "min-risk" given: */
    RiskLevel min_risk;
} Config;

/* Read the configuration file and --function options into c, and select
 * the rules (the file's "enable" and "disable", then --enable and
 * --disable); on an error, one line on stderr and 2. */
int config_load(const Options *o, const char *cwd, Config *c);
void config_free(Config *c);

#endif
