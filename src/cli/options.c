/* options.c - parsing the command line, as options.def describes it. */
#include "options.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/risk.h"
#include "selection.h"
#include "../version.h"

static int usage_error(const char *fmt, const char *arg)
{
    fputs("fsrace: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see fsrace --help)\n", stderr);
    return EXIT_TROUBLE;
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
    else if (!strcmp(v, "gitlab"))
        o->format = FORMAT_GITLAB;
    else
        return usage_error("unknown --format '%s': use text, json, sarif, html or gitlab", v);
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

/* --timeout SECONDS and --max-memory MIB: from 0 (no limit) to max. */
static int parse_limit(const char *name, const char *v, long max, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || errno || n < 0 || n > max) {
        fprintf(stderr, "fsrace: error: %s takes a number from 0 to %ld, not '%s' "
                        "(see fsrace --help)\n", name, max, v);
        return EXIT_TROUBLE;
    }
    *out = (int)n;
    return 0;
}

static int parse_timeout(const char *v, Options *o)
{
    return parse_limit("--timeout", v, 1000000, &o->timeout_s);
}

static int parse_max_memory(const char *v, Options *o)
{
    return parse_limit("--max-memory", v, 1 << 30, &o->max_memory_mib);
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

static int parse_min_risk(const char *v, Options *o)
{
    if (!risk_parse(v, &o->min_risk))
        return usage_error("unknown --min-risk '%s': use low, medium or high", v);
    o->has_min_risk = true;
    return 0;
}

static int parse_enable(const char *v, Options *o)
{
    o->toggles[o->ntoggles++] = arena_printf(&o->arena, "+%s", v);
    return 0;
}

static int parse_disable(const char *v, Options *o)
{
    o->toggles[o->ntoggles++] = arena_printf(&o->arena, "-%s", v);
    return 0;
}

static int parse_include(const char *v, Options *o)
{
    o->paths[o->npaths++] = arena_printf(&o->arena, "+%s", v);
    return 0;
}

static int parse_exclude(const char *v, Options *o)
{
    o->paths[o->npaths++] = arena_printf(&o->arena, "-%s", v);
    return 0;
}

static int parse_function(const char *v, Options *o)
{
    o->functions[o->nfunctions++] = v;
    return 0;
}

/* The rows of options.def, for the parser. */
typedef enum OptionKind { KIND_FLAG, KIND_VALUE, KIND_CALL } OptionKind;
typedef struct OptionRow {
    const char *shortname, *longname, *arg;
    OptionKind kind;
    size_t offset;                              /* FLAG, VALUE: the field */
    int (*call)(const char *value, Options *o); /* CALL */
} OptionRow;

#define FLAG(field) KIND_FLAG, offsetof(Options, field), NULL
#define VALUE(field) KIND_VALUE, offsetof(Options, field), NULL
#define CALL(field) KIND_CALL, 0, parse_##field
#define SECTION(id, heading, intro)
#define OPTION(section, shortname, longname, arg, kind, help) {shortname, longname, arg, kind},
static const OptionRow option_rows[] = {
#include "options.def"
};
#undef FLAG
#undef VALUE
#undef CALL
#undef SECTION
#undef OPTION

/* The row that argument `a` spells, and where its attached value starts
 * ("--opt=X", "-oX"), else NULL. */
static const OptionRow *find_row(const char *a, const char **attached)
{
    *attached = NULL;
    for (size_t i = 0; i < sizeof option_rows / sizeof option_rows[0]; i++) {
        const OptionRow *r = &option_rows[i];
        size_t n;
        if (r->longname && !strncmp(a, r->longname, n = strlen(r->longname))
            && (a[n] == '\0' || a[n] == '=')) {
            *attached = a[n] == '=' ? a + n + 1 : NULL;
            return r;
        }
        if (r->shortname && !strncmp(a, r->shortname, n = strlen(r->shortname))
            && (a[n] == '\0' || r->arg)) {
            *attached = a[n] ? a + n : NULL;
            return r;
        }
    }
    return NULL;
}

/* One option at argv[*i]; 0, or 2 for a usage error. */
static int parse_option(int argc, char **argv, int *i, Options *o)
{
    const char *a = argv[*i], *v;
    const OptionRow *r = find_row(a, &v);
    if (!r)
        return usage_error("unknown option '%s'", a);
    const char *name = r->longname ? r->longname : r->shortname;
    if (!r->arg && v)
        return usage_error("%s takes no value", name);
    if (r->arg && !v && *i + 1 < argc)
        v = argv[++*i];
    if (r->arg && (!v || !*v)) {
        fprintf(stderr, "fsrace: error: %s needs %s (see fsrace --help)\n", name, r->arg);
        return EXIT_TROUBLE;
    }
    if (r->kind == KIND_FLAG)
        *(bool *)((char *)o + r->offset) = true;
    else if (r->kind == KIND_VALUE)
        *(const char **)((char *)o + r->offset) = v;
    else
        return r->call(v, o);
    return 0;
}

int options_parse(int argc, char **argv, Options *o)
{
    memset(o, 0, sizeof *o);
    o->timeout_s = DEFAULT_TIMEOUT_S;
    o->max_memory_mib = DEFAULT_MAX_MEMORY_MIB;
    o->files = calloc((size_t)argc + 1, sizeof(char *));
    o->toggles = calloc((size_t)argc + 1, sizeof(char *));
    o->functions = calloc((size_t)argc + 1, sizeof(char *));
    o->paths = calloc((size_t)argc + 1, sizeof(char *));
    if (!o->files || !o->toggles || !o->functions || !o->paths)
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
    bool wants_input = !o->help && !o->version && !o->list_rules && !o->explain;
    if (wants_input && !o->nfiles && !o->build_dir)
        return usage_error("%s", "no input files: give FILE... or -p BUILD_DIR");
    return 0;
}

void options_free(Options *o)
{
    free(o->files);
    free(o->toggles);
    free(o->functions);
    free(o->paths);
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
