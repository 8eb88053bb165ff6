/* entry.c - writing and reading cache entries; see entry.h. The format is
 * JSON, read back with the strict reader: a truncated or tampered entry
 * fails to parse or to match its key and is ignored, never trusted. */
#include "entry.h"

#include <string.h>

#include "../rules/rules.h"
#include "../util/json_read.h"

enum { ENTRY_VERSION = 2 };

static void str_field(StrBuf *out, const char *name, const char *value, bool comma)
{
    sb_printf(out, "%s\"%s\": ", comma ? ", " : "", name);
    if (value)
        sb_json_string(out, value);
    else
        sb_puts(out, "null");
}

static void write_loc(StrBuf *out, SrcLoc l)
{
    sb_putc(out, '[');
    sb_json_string(out, l.file ? l.file : "");
    sb_printf(out, ", %u, %u]", l.line, l.col);
}

static void write_finding(StrBuf *out, const Finding *f)
{
    str_field(out, "rule", f->rule->id, false);
    str_field(out, "message", f->message, true);
    str_field(out, "function", f->function, true);
    sb_puts(out, ", \"loc\": ");
    write_loc(out, f->loc);
    sb_puts(out, ", \"function_loc\": ");
    write_loc(out, f->function_loc);
    sb_puts(out, ", \"notes\": [");
    for (int k = 0; k < f->nnotes; k++) {
        sb_puts(out, k ? ", [" : "[");
        write_loc(out, f->notes[k].loc);
        sb_puts(out, ", ");
        sb_json_string(out, f->notes[k].message);
        sb_puts(out, "]");
    }
    sb_puts(out, "]");
}

static void write_effect(StrBuf *out, const Effect *e)
{
    const FileFunc *f = &e->as;
    sb_printf(out, "{\"kind\": %d, \"group\": %d, \"roles\": %d, \"path\": %d, \"path2\": %d, "
                   "\"flags\": %d, \"flagkind\": %d, \"result\": %d, \"has_fixed\": %d, "
                   "\"fixed_flags\": %lld, \"existence_only\": %d, \"inner_line\": %u, "
                   "\"inner_col\": %u",
              (int)e->kind, (int)f->group, f->roles, f->path, f->path2, f->flags,
              (int)f->flagkind, (int)f->result, f->has_fixed_flags, f->fixed_flags,
              f->existence_only, f->inner_line, f->inner_col);
    str_field(out, "fix", f->fix, true);
    str_field(out, "fixed_mode", f->fixed_mode, true);
    str_field(out, "inner_name", f->inner_name, true);
    str_field(out, "inner_file", f->inner_file, true);
    sb_puts(out, "}");
}

void entry_write_summary(StrBuf *out, const Summary *s)
{
    str_field(out, "name", s->name, false);
    sb_printf(out, ", \"exported\": %s, \"effects\": [", s->exported ? "true" : "false");
    for (int i = 0; i < s->n; i++) {
        if (i)
            sb_puts(out, ", ");
        write_effect(out, &s->effects[i]);
    }
    sb_puts(out, "]");
}

void entry_write(StrBuf *out, const char *key, const Deps *deps, const JobResult *res)
{
    sb_printf(out, "{\"fsrace_cache\": %d", ENTRY_VERSION);
    str_field(out, "key", key, true);
    sb_puts(out, ",\n \"deps\": [");
    for (int i = 0; i < deps->n; i++) {
        const Dep *d = &deps->items[i];
        sb_puts(out, i ? ",\n  [" : "\n  [");
        sb_json_string(out, d->path);
        sb_printf(out, ", %lld, %lld, %lld, %lld]", d->mtime_sec, d->mtime_nsec, d->size, d->ino);
    }
    sb_printf(out, "],\n \"failed\": %s, \"analysed\": %s", res->failed ? "true" : "false",
              res->analysed ? "true" : "false");
    str_field(out, "messages", sb_str((StrBuf *)&res->messages), true);
    sb_puts(out, ",\n \"findings\": [");
    for (int i = 0; i < res->findings.n; i++) {
        sb_puts(out, i ? ",\n  {" : "\n  {");
        write_finding(out, &res->findings.items[i]);
        sb_puts(out, "}");
    }
    sb_puts(out, "],\n \"exports\": [");
    for (int i = 0; i < res->exports.n; i++) {
        sb_puts(out, i ? ",\n  {" : "\n  {");
        entry_write_summary(out, res->exports.items[i]);
        sb_puts(out, "}");
    }
    sb_puts(out, "],\n \"callees\": [");
    for (int i = 0; i < res->ncallees; i++) {
        if (i)
            sb_puts(out, ", ");
        sb_json_string(out, res->callees[i]);
    }
    sb_puts(out, "]}\n");
}

/* ---- reading ---- */

static bool get_num(const JsonValue *o, const char *key, long long *v)
{
    const JsonValue *x = json_get(o, key);
    if (!x || x->kind != JSON_NUMBER)
        return false;
    *v = (long long)x->number;
    return true;
}

static const char *get_str(Arena *a, const JsonValue *o, const char *key)
{
    const JsonValue *x = json_get(o, key);
    return x && x->kind == JSON_STRING ? arena_strdup(a, x->string) : NULL;
}

static bool read_loc(Arena *a, const JsonValue *v, SrcLoc *l)
{
    if (!v || v->kind != JSON_ARRAY || v->n != 3 || v->items[0]->kind != JSON_STRING ||
        v->items[1]->kind != JSON_NUMBER || v->items[2]->kind != JSON_NUMBER)
        return false;
    l->file = arena_strdup(a, v->items[0]->string);
    l->line = (unsigned)v->items[1]->number;
    l->col = (unsigned)v->items[2]->number;
    return true;
}

static bool read_finding(JobResult *res, const JsonValue *v)
{
    Arena *a = &res->arena;
    const char *id = get_str(a, v, "rule");
    const Rule *rule = id ? rules_find(id) : NULL;
    Finding f = {.rule = rule, .message = get_str(a, v, "message"),
                 .function = get_str(a, v, "function")};
    const JsonValue *notes = json_get(v, "notes");
    if (!rule || !f.message || !f.function || !read_loc(a, json_get(v, "loc"), &f.loc) ||
        !read_loc(a, json_get(v, "function_loc"), &f.function_loc) || !notes ||
        notes->kind != JSON_ARRAY)
        return false;
    for (int k = 0; k < notes->n; k++) {
        const JsonValue *n = notes->items[k];
        Note note;
        if (n->kind != JSON_ARRAY || n->n != 2 || n->items[1]->kind != JSON_STRING ||
            !read_loc(a, n->items[0], &note.loc))
            return false;
        note.message = arena_strdup(a, n->items[1]->string);
        ARENA_PUSH(a, f.notes, f.nnotes, f.cap_notes, note);
    }
    ARENA_PUSH(a, res->findings.items, res->findings.n, res->findings.cap, f);
    return true;
}

static bool read_effect(Arena *a, const JsonValue *v, const char *name, Effect *e)
{
    long long kind, group, roles, path, path2, flags, flagkind, result, fixed, fixed_flags,
        existence, line, col;
    if (!get_num(v, "kind", &kind) || !get_num(v, "group", &group) ||
        !get_num(v, "roles", &roles) || !get_num(v, "path", &path) ||
        !get_num(v, "path2", &path2) || !get_num(v, "flags", &flags) ||
        !get_num(v, "flagkind", &flagkind) || !get_num(v, "result", &result) ||
        !get_num(v, "has_fixed", &fixed) || !get_num(v, "fixed_flags", &fixed_flags) ||
        !get_num(v, "existence_only", &existence) ||
        !get_num(v, "inner_line", &line) || !get_num(v, "inner_col", &col))
        return false;
    FileFunc f = {.name = name, .group = (Group)group, .roles = (int)roles, .path = (int)path,
                  .path2 = (int)path2, .dirfd = -1, .dirfd2 = -1, .flags = (int)flags,
                  .flagkind = (FlagKind)flagkind, .out = -1, .result = (ResultKind)result,
                  .fix = get_str(a, v, "fix"), .has_fixed_flags = fixed != 0,
                  .fixed_flags = fixed_flags, .fixed_mode = get_str(a, v, "fixed_mode"),
                  .inner_name = get_str(a, v, "inner_name"), .existence_only = existence != 0,
                  .inner_file = get_str(a, v, "inner_file"), .inner_line = (unsigned)line,
                  .inner_col = (unsigned)col};
    *e = (Effect){(EffectKind)kind, f};
    return true;
}

static bool read_summary(JobResult *res, const JsonValue *v)
{
    Arena *a = &res->arena;
    const JsonValue *effects = json_get(v, "effects"), *exported = json_get(v, "exported");
    Summary s = {.name = get_str(a, v, "name")};
    if (!s.name || !effects || effects->kind != JSON_ARRAY || !exported ||
        exported->kind != JSON_BOOL)
        return false;
    s.exported = exported->boolean;
    for (int i = 0; i < effects->n; i++) {
        Effect e;
        if (!read_effect(a, effects->items[i], s.name, &e))
            return false;
        ARENA_PUSH(a, s.effects, s.n, s.cap, e);
    }
    res->exports.arena = a;
    summary_put(&res->exports, &s);
    return true;
}

static bool read_deps(Arena *a, const JsonValue *v, Deps *deps)
{
    if (!v || v->kind != JSON_ARRAY)
        return false;
    for (int i = 0; i < v->n; i++) {
        const JsonValue *d = v->items[i];
        if (d->kind != JSON_ARRAY || d->n != 5 || d->items[0]->kind != JSON_STRING)
            return false;
        for (int k = 1; k < 5; k++)
            if (d->items[k]->kind != JSON_NUMBER)
                return false;
        Dep dep = {arena_strdup(a, d->items[0]->string), (long long)d->items[1]->number,
                   (long long)d->items[2]->number, (long long)d->items[3]->number,
                   (long long)d->items[4]->number};
        ARENA_PUSH(a, deps->items, deps->n, deps->cap, dep);
    }
    return true;
}

static bool read_array(JobResult *res, const JsonValue *v, bool (*one)(JobResult *, const JsonValue *))
{
    if (!v || v->kind != JSON_ARRAY)
        return false;
    for (int i = 0; i < v->n; i++)
        if (!one(res, v->items[i]))
            return false;
    return true;
}

static bool read_callee(JobResult *res, const JsonValue *v)
{
    if (v->kind != JSON_STRING)
        return false;
    const char *name = arena_strdup(&res->arena, v->string);
    ARENA_PUSH(&res->arena, res->callees, res->ncallees, res->cap_callees, name);
    return true;
}

bool entry_read(const char *text, size_t len, const char *key, JobResult *res, Deps *deps)
{
    const char *err;
    JsonValue *root = json_parse(&res->arena, text, len, &err);
    long long version;
    const char *stored = root ? get_str(&res->arena, root, "key") : NULL;
    const JsonValue *failed = root ? json_get(root, "failed") : NULL;
    const JsonValue *analysed = root ? json_get(root, "analysed") : NULL;
    const char *messages = root ? get_str(&res->arena, root, "messages") : NULL;
    if (!root || !get_num(root, "fsrace_cache", &version) || version != ENTRY_VERSION ||
        !stored || strcmp(stored, key) || !failed || failed->kind != JSON_BOOL || !analysed ||
        analysed->kind != JSON_BOOL || !messages)
        return false;
    res->findings.arena = &res->arena;
    res->failed = failed->boolean;
    res->analysed = analysed->boolean;
    if (!read_deps(&res->arena, json_get(root, "deps"), deps) ||
        !read_array(res, json_get(root, "findings"), read_finding) ||
        !read_array(res, json_get(root, "exports"), read_summary) ||
        !read_array(res, json_get(root, "callees"), read_callee))
        return false;
    sb_puts(&res->messages, messages);
    return true;
}
