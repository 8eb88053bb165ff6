/* config.c - reading the project's function declarations; see config.h.
 * The file is strict JSON with known keys only, so that a typo is an error
 * with its place, not a silently ignored declaration. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/risk.h"
#include "../util/json_read.h"
#include "selection.h"
#include "source_file.h"

typedef struct Decl {
    const char *name, *role, *like;
    int path, flags;
} Decl;

static int error(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int error(const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fsrace: error: %s: ", where);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_TROUBLE;
}

/* The declaration as a summary: the catalogue entry of `like`, acting on
 * parameter `path` of the declared function. */
static int declare(Config *c, const Decl *d, const char *where)
{
    Summary s = {.name = d->name, .exported = true, .declared = true};
    Effect e;
    bool check = !strcmp(d->role, "check"), use = !strcmp(d->role, "use");
    if (!check && !use && strcmp(d->role, "safe"))
        return error(where, "role '%s': expected check, use or safe", d->role);
    if (check || use) {
        const FileFunc *like = d->like ? catalog_find(d->like) : NULL;
        if (!d->like)
            return error(where, "a %s needs \"like\": the libc function it behaves as", d->role);
        if (!like || !(like->roles & (check ? CHECK : USE)))
            return error(where, "like '%s': not a libc %s fsrace knows (see src/model/functions.def)",
                         d->like, d->role);
        e = (Effect){check ? EFFECT_CHECK : EFFECT_USE, *like};
        e.as.name = d->name;
        e.as.roles = check ? CHECK : USE | (like->roles & OPEN);
        e.as.path = d->path;
        e.as.path2 = e.as.dirfd = e.as.dirfd2 = e.as.out = -1;
        e.as.flags = d->flags;
        e.as.inner_name = like->name;
        s.effects = &e;
        s.n = s.cap = 1;
    }
    summary_put(&c->declared, &s);
    return 0;
}

static int int_field(const JsonValue *v, const char *where, const char *key, int *out)
{
    if (!v)
        return 0;
    if (v->kind != JSON_NUMBER || v->number != (long long)v->number)
        return error(where, "\"%s\": expected an argument index (0, 1, ...)", key);
    if (v->number < 0 || v->number > 64)
        return error(where, "\"%s\": number out of range: an argument index is 0 to 64", key);
    *out = (int)v->number;
    return 0;
}

static int string_field(const JsonValue *v, const char *where, const char *key,
                        const char **out)
{
    if (!v)
        return 0;
    if (v->kind != JSON_STRING)
        return error(where, "\"%s\": expected a string", key);
    *out = v->string;
    return 0;
}

static int read_declaration(Config *c, const char *file, const char *name, const JsonValue *v)
{
    char where[512];
    snprintf(where, sizeof where, "%s: functions.%s", file, name);
    if (v->kind != JSON_OBJECT)
        return error(where, "expected an object such as {\"role\": \"check\", \"like\": \"stat\"}");
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->keys[i], "role") && strcmp(v->keys[i], "like") &&
            strcmp(v->keys[i], "path") && strcmp(v->keys[i], "flags"))
            return error(where, "unknown key \"%s\" (role, like, path, flags)", v->keys[i]);
    Decl d = {.name = name, .path = 0, .flags = -1};
    int rc = string_field(json_get(v, "role"), where, "role", &d.role);
    rc = rc ? rc : string_field(json_get(v, "like"), where, "like", &d.like);
    rc = rc ? rc : int_field(json_get(v, "path"), where, "path", &d.path);
    rc = rc ? rc : int_field(json_get(v, "flags"), where, "flags", &d.flags);
    if (!rc && !d.role)
        rc = error(where, "\"role\" is missing");
    return rc ? rc : declare(c, &d, where);
}

/* "include"/"exclude": a list of patterns relative to the folder of the
 * configuration file (the project's root, where .fsrace.json lives). */
static int read_patterns(Config *c, const char *path, const JsonValue *list, bool include)
{
    const char *key = include ? "include" : "exclude";
    if (!list)
        return 0;
    if (list->kind != JSON_ARRAY)
        return error(path, "\"%s\": expected a list of path patterns such as \"tests/**\"", key);
    char real[PATH_MAX];
    if (!realpath(path, real))
        return error(path, "%s", strerror(errno));
    const char *base = dirname(real);
    for (int i = 0; i < list->n; i++) {
        const JsonValue *v = list->items[i];
        if (v->kind != JSON_STRING || !*v->string)
            return error(path, "\"%s\"[%d]: expected a path pattern (a non-empty string)", key, i);
        pathfilter_add(&c->filter, &c->arena, base, v->string, include);
    }
    return 0;
}

/* The members .fsrace.json may have; anything else is a typo. */
static const char *const known_keys[] = {"functions", "enable", "disable", "include",
                                         "exclude", "helpUriBase", "min-risk", NULL};
#define KNOWN_KEYS                                                                       \
    "\"functions\", \"enable\", \"disable\", \"include\", \"exclude\", \"helpUriBase\", " \
    "\"min-risk\""

static bool known_key(const char *key)
{
    for (int i = 0; known_keys[i]; i++)
        if (!strcmp(key, known_keys[i]))
            return true;
    return false;
}

/* "enable": ["lockfile-nfs", "toctou-*"]: rule ids or globs, applied in
 * that order (enable before disable), before the command line's. */
static int read_selection(Config *c, const char *path, const JsonValue *root, const char *key,
                          bool on)
{
    const JsonValue *v = json_get(root, key);
    if (!v)
        return 0;
    const char *where = arena_printf(&c->arena, "%s: \"%s\"", path, key);
    if (v->kind != JSON_ARRAY)
        return error(where, "expected an array of rule ids or globs, such as [\"toctou-*\"]");
    for (int i = 0; i < v->n; i++) {
        if (v->items[i]->kind != JSON_STRING)
            return error(where, "expected an array of rule ids or globs, such as [\"toctou-*\"]");
        int rc = selection_apply(where, v->items[i]->string, on);
        if (rc)
            return rc;
    }
    return 0;
}

static int read_min_risk(Config *c, const char *path, const JsonValue *v)
{
    if (!v || v->kind != JSON_STRING || !risk_parse(v->string, &c->min_risk))
        return error(path, "\"min-risk\": expected \"low\", \"medium\" or \"high\"");
    c->has_min_risk = true;
    return 0;
}

static int parse_file(Config *c, const char *path, SourceFile f)
{
    const char *perr;
    size_t at;
    JsonValue *root = json_parse_at(&c->arena, f.data, f.size, &perr, &at);
    int rc = 0;
    if (!root) {
        unsigned line, col;
        json_position(f.data, at, &line, &col);
        rc = error(path, "%u:%u: %s", line, col, perr);
    } else if (root->kind != JSON_OBJECT) {
        rc = error(path, "expected an object with a \"functions\" member");
    }
    for (int i = 0; !rc && i < root->n; i++)
        if (!known_key(root->keys[i]))
            rc = error(path, "unknown key \"%s\" (%s)", root->keys[i], KNOWN_KEYS);
    if (!rc && json_get(root, "min-risk"))
        rc = read_min_risk(c, path, json_get(root, "min-risk"));
    if (!rc)
        rc = read_patterns(c, path, json_get(root, "include"), true);
    if (!rc)
        rc = read_patterns(c, path, json_get(root, "exclude"), false);
    const JsonValue *fns = rc ? NULL : json_get(root, "functions");
    if (fns && fns->kind != JSON_OBJECT)
        rc = error(path, "\"functions\": expected an object of declarations");
    for (int i = 0; !rc && fns && i < fns->n; i++)
        rc = read_declaration(c, path, fns->keys[i], fns->items[i]);
    rc = rc ? rc : read_selection(c, path, root, "enable", true);
    rc = rc ? rc : read_selection(c, path, root, "disable", false);
    const JsonValue *base = rc ? NULL : json_get(root, "helpUriBase");
    if (base && (base->kind != JSON_STRING || !*base->string))
        rc = error(path, "\"helpUriBase\": expected a URL, such as "
                         "\"https://github.com/ORG/fsrace/blob/main/\"");
    else if (base)
        c->help_uri_base = base->string;
    source_file_free(&f);
    c->path = path;
    return rc;
}

/* --function NAME=ROLE[,like=FN][,path=N][,flags=N] */
static int read_option(Config *c, const char *spec)
{
    char *copy = arena_strdup(&c->arena, spec), *save = NULL;
    char *eq = strchr(copy, '=');
    if (!eq || eq == copy)
        return error("--function", "'%s': expected NAME=ROLE[,like=FN][,path=N][,flags=N]", spec);
    *eq = '\0';
    Decl d = {.name = copy, .path = 0, .flags = -1};
    for (char *part = strtok_r(eq + 1, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
        char *v = strchr(part, '=');
        if (!d.role && !v) {
            d.role = part;
        } else if (v && !strncmp(part, "like=", 5)) {
            d.like = v + 1;
        } else if (v && (!strncmp(part, "path=", 5) || !strncmp(part, "flags=", 6))) {
            char *end;
            long n = strtol(v + 1, &end, 10);
            if (*end || n < 0 || n > 64)
                return error("--function", "'%s': %s must be an argument index", spec, part);
            *(part[0] == 'p' ? &d.path : &d.flags) = (int)n;
        } else {
            return error("--function", "'%s': unknown part '%s'", spec, part);
        }
    }
    if (!d.role)
        return error("--function", "'%s': the role (check, use or safe) is missing", spec);
    return declare(c, &d, "--function");
}

static int read_file(Config *c, const char *path)
{
    SourceFile f = {0};
    const char *why = source_file_read(path, &f);
    return why ? error(path, "%s", why) : parse_file(c, path, f);
}

/* Read .fsrace.json from dir or the nearest ancestor that has one,
 * stopping at a repository root. Each candidate is simply read: no check
 * comes before the read, so there is nothing to race. */
static int read_nearest(Config *c, const char *cwd)
{
    char *dir = arena_strdup(&c->arena, cwd);
    for (;;) {
        const char *candidate = arena_printf(&c->arena, "%s/.fsrace.json", dir);
        SourceFile f = {0};
        const char *why = source_file_read(candidate, &f);
        if (!why)
            return parse_file(c, candidate, f);
        if (strcmp(why, strerror(ENOENT)) != 0)
            return error(candidate, "%s", why);
        const char *git = arena_printf(&c->arena, "%s/.git", dir);
        char *slash = strrchr(dir, '/');
        if (access(git, F_OK) == 0 || !slash || slash == dir)
            return 0;
        *slash = '\0';
    }
}

int config_load(const Options *o, const char *cwd, Config *c)
{
    c->declared.arena = &c->arena;
    int rc = o->config ? read_file(c, o->config) : o->no_config ? 0 : read_nearest(c, cwd);
    for (int i = 0; !rc && i < o->nfunctions; i++)
        rc = read_option(c, o->functions[i]);
    for (int i = 0; !rc && i < o->npaths; i++)
        pathfilter_add(&c->filter, &c->arena, cwd, o->paths[i] + 1, o->paths[i][0] == '+');
    return rc ? rc : options_apply_rules(o);
}

void config_free(Config *c)
{
    arena_free(&c->arena);
}
