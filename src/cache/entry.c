/* entry.c - writing and reading cache entries; see entry.h. The format is
 * JSON, read back with the strict reader: a truncated or tampered entry
 * fails to parse or to match its key and is ignored, never trusted. */
#include "entry.h"

#include <limits.h>
#include <string.h>

#include "../analysis/risk.h"
#include "../rules/rules.h"
#include "../util/json_read.h"
#include "cache_dir.h"

enum { ENTRY_VERSION = 16 };

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

/* [[file, line, col], text, factor, weight] */
static void write_reason(StrBuf *out, const RiskReason *r)
{
    sb_putc(out, '[');
    write_loc(out, r->loc);
    sb_puts(out, ", ");
    sb_json_string(out, r->text);
    sb_printf(out, ", %d, %d]", (int)r->factor, r->weight);
}

static void write_finding(StrBuf *out, const Finding *f)
{
    str_field(out, "rule", f->rule->id, false);
    str_field(out, "message", f->message, true);
    str_field(out, "function", f->function, true);
    sb_printf(out, ", \"role\": %d, \"loc\": ", (int)f->role);
    write_loc(out, f->loc);
    sb_puts(out, ", \"function_loc\": ");
    write_loc(out, f->function_loc);
    sb_puts(out, ", \"notes\": [");
    for (int k = 0; k < f->nnotes; k++) {
        sb_puts(out, k ? ", [" : "[");
        write_loc(out, f->notes[k].loc);
        sb_puts(out, ", ");
        sb_json_string(out, f->notes[k].message);
        sb_printf(out, ", %d]", (int)f->notes[k].role);
    }
    sb_puts(out, "], \"reasons\": [");
    for (int k = 0; k < f->nreasons; k++) {
        sb_puts(out, k ? ", " : "");
        write_reason(out, &f->reasons[k]);
    }
    sb_puts(out, "], \"pending\": [");
    write_loc(out, f->pending.access);
    sb_printf(out, ", %d, ", f->pending.creates);
    write_loc(out, f->pending.argv);
    sb_puts(out, "], \"fix\": ");
    if (!f->fix_replacement) {
        sb_puts(out, "null");
        return;
    }
    sb_putc(out, '[');
    sb_json_string(out, f->fix_replacement);
    sb_puts(out, ", ");
    write_loc(out, f->fix_region.start);
    sb_printf(out, ", %u, %u]", f->fix_region.end_line, f->fix_region.end_col);
}

static void write_effect(StrBuf *out, const Effect *e)
{
    const FileFunc *f = &e->as;
    sb_printf(out, "{\"kind\": %d, \"group\": %d, \"roles\": %d, \"path\": %d, \"path2\": %d, "
                   "\"dirfd\": %d, \"dirfd2\": %d, \"out\": %d, \"flags\": %d, "
                   "\"flagkind\": %d, \"result\": %d, \"has_fixed\": %d, "
                   "\"fixed_flags\": %lld, \"flags_set\": %lld, \"existence_only\": %d, "
                   "\"guard\": %d, \"inner_line\": %u, \"inner_col\": %u, \"name_part\": %d, "
                   "\"by_name_without\": %d, \"replaced_by\": %d, \"replaces\": %d, "
                   "\"up_to_date\": %d, \"drop_line\": %u, \"drop_col\": %u, \"walks\": %d, "
                   "\"changes_by_fd\": %d",
              (int)e->kind, (int)f->group, f->roles, f->path, f->path2, f->dirfd, f->dirfd2,
              f->out, f->flags,
              (int)f->flagkind, (int)f->result, f->has_fixed_flags, f->fixed_flags,
              f->flags_set, f->existence_only, f->guard, f->inner_line, f->inner_col, f->name_part,
              f->by_name_without, f->replaced_by, f->replaces, f->up_to_date, f->drop_line,
              f->drop_col, f->walks, f->changes_by_fd);
    sb_printf(out, ", \"when_arg\": %d, \"when_first_char\": %d, \"when_bits\": %d, "
                   "\"when_runs\": %u, \"when_vals\": [",
              f->when_arg, f->when_first_char, f->when_bits, f->when_runs);
    for (int i = 0; i < f->when_n; i++)
        sb_printf(out, "%s%lld", i ? ", " : "", f->when_vals[i]);
    sb_puts(out, "]");
    str_field(out, "fix", f->fix, true);
    str_field(out, "fixed_mode", f->fixed_mode, true);
    str_field(out, "inner_name", f->inner_name, true);
    str_field(out, "inner_file", f->inner_file, true);
    str_field(out, "global", f->global ? f->global->key : NULL, true);
    str_field(out, "dropped_by", f->dropped_by, true);
    str_field(out, "drop_file", f->drop_file, true);
    sb_puts(out, "}");
}

void entry_write_summary(StrBuf *out, const Summary *s)
{
    str_field(out, "name", s->name, false);
    sb_printf(out, ", \"exported\": %s, \"drops_rights\": %s, \"regains_rights\": %s, "
                   "\"ids_param\": %d, \"ids_for_good\": %d, \"fstat_fd\": %d, \"fstat_out\": %d, "
                   "\"pure_result\": %s, \"effects\": [",
              s->exported ? "true" : "false", s->drops_rights ? "true" : "false",
              s->regains_rights ? "true" : "false", s->ids_param, s->ids_for_good, s->fstat_fd,
              s->fstat_out,
              s->pure_result ? "true" : "false");
    for (int i = 0; i < s->n; i++) {
        if (i)
            sb_puts(out, ", ");
        write_effect(out, &s->effects[i]);
    }
    sb_puts(out, "]");
}

static void reason_or_null(StrBuf *out, const RiskReason *r)
{
    if (r->text)
        write_reason(out, r);
    else
        sb_puts(out, "null");
}

static void write_evidence(StrBuf *out, const FnEvidence *e)
{
    str_field(out, "name", e->name, false);
    sb_printf(out, ", \"exported\": %s, \"privileged\": ", e->exported ? "true" : "false");
    reason_or_null(out, &e->privileged);
    sb_puts(out, ", \"setid\": ");
    reason_or_null(out, &e->setid);
    sb_puts(out, ", \"calls\": [");
    for (int i = 0; i < e->ncalls; i++) {
        if (i)
            sb_puts(out, ", ");
        sb_json_string(out, e->calls[i]);
    }
    sb_printf(out, "], \"userns\": %s, \"passes\": [", e->userns ? "true" : "false");
    for (int i = 0; i < e->npasses; i++) {
        sb_puts(out, i ? ", [" : "[");
        sb_json_string(out, e->passes[i].callee);
        sb_puts(out, ", ");
        sb_json_string(out, e->passes[i].fn);
        sb_puts(out, "]");
    }
    sb_puts(out, "], \"dropped_calls\": [");
    for (int i = 0; i < e->ndropped; i++) {
        if (i)
            sb_puts(out, ", ");
        sb_json_string(out, e->dropped_calls[i]);
    }
    sb_puts(out, "], \"drop\": ");
    reason_or_null(out, &e->drop);
}

void entry_write(StrBuf *out, const char *key, const Deps *deps, const JobResult *res)
{
    sb_printf(out, CACHE_ENTRY_MAGIC "%d", ENTRY_VERSION);
    str_field(out, "key", key, true);
    sb_puts(out, ",\n \"deps\": [");
    for (int i = 0; i < deps->n; i++) {
        const Dep *d = &deps->items[i];
        sb_puts(out, i ? ",\n  [" : "\n  [");
        sb_json_string(out, d->path);
        sb_printf(out, ", %lld, %lld, %lld, %lld]", d->mtime_sec, d->mtime_nsec, d->size, d->ino);
    }
    sb_puts(out, "],\n \"absent\": [");
    for (int i = 0; i < deps->nabsent; i++) {
        sb_puts(out, i ? ",\n  " : "\n  ");
        sb_json_string(out, deps->absent[i]);
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
    sb_puts(out, "],\n \"evidence\": [");
    for (int i = 0; i < res->nevidence; i++) {
        sb_puts(out, i ? ",\n  {" : "\n  {");
        write_evidence(out, &res->evidence[i]);
        sb_puts(out, "}");
    }
    sb_puts(out, "],\n \"defines\": [");
    for (int i = 0; i < res->ndefines; i++) {
        if (i)
            sb_puts(out, ", ");
        sb_json_string(out, res->defines[i]);
    }
    sb_puts(out, "]}\n");
}

/* ---- reading ---- */

/* A JSON number that is a whole number in [lo, hi] (checked before any
 * conversion: a tampered 1e300 must not reach a cast). */
static bool whole(const JsonValue *x, double lo, double hi, long long *v)
{
    if (!x || x->kind != JSON_NUMBER || !(x->number >= lo && x->number <= hi))
        return false;
    *v = (long long)x->number;
    return (double)*v == x->number;
}

static bool get_num(const JsonValue *o, const char *key, double lo, double hi, long long *v)
{
    return whole(json_get(o, key), lo, hi, v);
}

static const char *get_str(Arena *a, const JsonValue *o, const char *key)
{
    const JsonValue *x = json_get(o, key);
    return x && x->kind == JSON_STRING ? arena_strdup(a, x->string) : NULL;
}

static bool read_loc(Arena *a, const JsonValue *v, SrcLoc *l)
{
    long long line, col;
    if (!v || v->kind != JSON_ARRAY || v->n != 3 || v->items[0]->kind != JSON_STRING ||
        !whole(v->items[1], 0, UINT_MAX, &line) || !whole(v->items[2], 0, UINT_MAX, &col))
        return false;
    const char *file = v->items[0]->string;   /* "": no location (written for NULL) */
    *l = (SrcLoc){*file ? arena_strdup(a, file) : NULL, (unsigned)line, (unsigned)col};
    return true;
}

/* null, or [replacement, [file, line, col], end_line, end_col]. */
static bool read_fix(Arena *a, const JsonValue *v, Finding *f)
{
    long long end_line, end_col;
    if (v && v->kind == JSON_NULL)
        return true;
    if (!v || v->kind != JSON_ARRAY || v->n != 4 || v->items[0]->kind != JSON_STRING ||
        !read_loc(a, v->items[1], &f->fix_region.start) ||
        !whole(v->items[2], 0, UINT_MAX, &end_line) || !whole(v->items[3], 0, UINT_MAX, &end_col))
        return false;
    f->fix_replacement = arena_strdup(a, v->items[0]->string);
    f->fix_region.end_line = (unsigned)end_line;
    f->fix_region.end_col = (unsigned)end_col;
    return true;
}

static bool read_reason(Arena *a, const JsonValue *v, RiskReason *r)
{
    long long factor, weight;
    if (!v || v->kind != JSON_ARRAY || v->n != 4 || v->items[1]->kind != JSON_STRING ||
        !whole(v->items[2], RISK_PRIVILEGE, RISK_RULE, &factor) ||
        !whole(v->items[3], -1000, 1000, &weight) || !read_loc(a, v->items[0], &r->loc))
        return false;
    r->text = arena_strdup(a, v->items[1]->string);
    r->factor = (RiskFactor)factor;
    r->weight = (int)weight;
    return true;
}

static bool read_reasons(Arena *a, const JsonValue *v, Finding *f)
{
    if (!v || v->kind != JSON_ARRAY)
        return false;
    for (int k = 0; k < v->n; k++) {
        RiskReason r;
        if (!read_reason(a, v->items[k], &r))
            return false;
        ARENA_PUSH(a, f->reasons, f->nreasons, f->cap_reasons, r);
    }
    f->risk = risk_level(f);
    return true;
}

/* [[file, line, col], creates, [file, line, col]] */
static bool read_pending(Arena *a, const JsonValue *v, Finding *f)
{
    long long creates;
    if (!v || v->kind != JSON_ARRAY || v->n != 3 || !read_loc(a, v->items[0], &f->pending.access) ||
        !whole(v->items[1], 0, 1, &creates) || !read_loc(a, v->items[2], &f->pending.argv))
        return false;
    f->pending.creates = creates != 0;
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
    long long role;
    if (!get_num(v, "role", 0, ROLE_COUNT - 1, &role))
        return false;
    f.role = (StepRole)role;
    if (!rule || !f.message || !f.function || !read_loc(a, json_get(v, "loc"), &f.loc) ||
        !read_loc(a, json_get(v, "function_loc"), &f.function_loc) || !notes ||
        notes->kind != JSON_ARRAY || !read_fix(a, json_get(v, "fix"), &f))
        return false;
    for (int k = 0; k < notes->n; k++) {
        const JsonValue *n = notes->items[k];
        Note note;
        if (n->kind != JSON_ARRAY || n->n != 3 || n->items[1]->kind != JSON_STRING ||
            n->items[2]->kind != JSON_NUMBER || !(n->items[2]->number >= 0) ||
            !(n->items[2]->number < ROLE_COUNT) ||
            n->items[2]->number != (int)n->items[2]->number || !read_loc(a, n->items[0], &note.loc))
            return false;
        note.role = (StepRole)(int)n->items[2]->number;
        note.message = arena_strdup(a, n->items[1]->string);
        ARENA_PUSH(a, f.notes, f.nnotes, f.cap_notes, note);
    }
    if (!read_reasons(a, json_get(v, "reasons"), &f) || !read_pending(a, json_get(v, "pending"), &f))
        return false;
    ARENA_PUSH(a, res->findings.items, res->findings.n, res->findings.cap, f);
    return true;
}

/* The argument that selects whether the effect happens (FileFunc.when_*). */
static bool read_selector(const JsonValue *v, FileFunc *f)
{
    long long arg, first, bits, runs;
    const double big = 1e15;
    const JsonValue *vals = json_get(v, "when_vals");
    if (!get_num(v, "when_arg", 0, 65, &arg) || !get_num(v, "when_first_char", 0, 1, &first) ||
        !get_num(v, "when_bits", 0, 1, &bits) || !vals || vals->kind != JSON_ARRAY ||
        vals->n > WHEN_MAX ||
        !get_num(v, "when_runs", 0, (1u << (bits ? 2 * vals->n : vals->n + 1)) - 1, &runs))
        return false;
    for (int i = 0; i < vals->n; i++)
        if (!whole(vals->items[i], -big, big, &f->when_vals[i]))
            return false;
    f->when_arg = (int)arg;
    f->when_first_char = first != 0;
    f->when_bits = bits != 0;
    f->when_n = vals->n;
    f->when_runs = (unsigned)runs;
    return true;
}

static bool read_effect(Arena *a, const JsonValue *v, const char *name, Effect *e)
{
    long long kind, group, roles, path, path2, dirfd, dirfd2, out, flags, flagkind, result, fixed,
        fixed_flags, flags_set, existence, guard, line, col, part, without, replaced_by, replaces, up_to_date,
        drop_line, drop_col, walks, changes_by_fd;
    const double arg = 64, big = 1e15;
    if (!get_num(v, "kind", EFFECT_CHECK, EFFECT_CREATE, &kind) ||
        !get_num(v, "group", G_ACCESS, G_MOUNT, &group) ||
        !get_num(v, "roles", 0, CHECK | USE | OPEN | NEWNAME | NEWNAME2, &roles) ||
        !get_num(v, "path", -1, arg, &path) || !get_num(v, "path2", -1, arg, &path2) ||
        !get_num(v, "dirfd", -1, arg, &dirfd) || !get_num(v, "dirfd2", -1, arg, &dirfd2) ||
        !get_num(v, "out", -1, arg, &out) ||
        !get_num(v, "flags", -1, arg, &flags) || !get_num(v, "flagkind", F_NONE, F_AT, &flagkind) ||
        !get_num(v, "result", RES_STATUS, RES_SIZE, &result) ||
        !get_num(v, "has_fixed", 0, 1, &fixed) ||
        !get_num(v, "fixed_flags", -big, big, &fixed_flags) ||
        !get_num(v, "flags_set", -big, big, &flags_set) ||
        !get_num(v, "existence_only", 0, 1, &existence) ||
        !get_num(v, "guard", 0, 1, &guard) ||
        !get_num(v, "inner_line", 0, UINT_MAX, &line) ||
        !get_num(v, "inner_col", 0, UINT_MAX, &col) ||
        !get_num(v, "name_part", 0, arg + 1, &part) ||
        !get_num(v, "by_name_without", 0, arg + 1, &without) ||
        !get_num(v, "replaced_by", 0, arg + 1, &replaced_by) ||
        !get_num(v, "replaces", 0, 1, &replaces) ||
        !get_num(v, "up_to_date", 0, 1, &up_to_date) ||
        !get_num(v, "drop_line", 0, UINT_MAX, &drop_line) ||
        !get_num(v, "drop_col", 0, UINT_MAX, &drop_col) || !get_num(v, "walks", 0, 1, &walks) ||
        !get_num(v, "changes_by_fd", 0, 1, &changes_by_fd))
        return false;
    FileFunc f = {.name = name, .group = (Group)group, .roles = (int)roles, .path = (int)path,
                  .path2 = (int)path2, .dirfd = (int)dirfd, .dirfd2 = (int)dirfd2,
                  .flags = (int)flags, .flagkind = (FlagKind)flagkind, .out = (int)out,
                  .result = (ResultKind)result,
                  .fix = get_str(a, v, "fix"), .has_fixed_flags = fixed != 0,
                  .fixed_flags = fixed_flags, .flags_set = flags_set,
                  .fixed_mode = get_str(a, v, "fixed_mode"),
                  .inner_name = get_str(a, v, "inner_name"), .existence_only = existence != 0,
                  .guard = guard != 0,
                  .inner_file = get_str(a, v, "inner_file"), .inner_line = (unsigned)line,
                  .inner_col = (unsigned)col, .name_part = (int)part,
                  .by_name_without = (int)without, .replaced_by = (int)replaced_by,
                  .replaces = replaces != 0, .up_to_date = up_to_date != 0,
                  .dropped_by = get_str(a, v, "dropped_by"),
                  .drop_file = get_str(a, v, "drop_file"), .drop_line = (unsigned)drop_line,
                  .drop_col = (unsigned)drop_col, .walks = walks != 0,
                  .changes_by_fd = changes_by_fd != 0};
    const char *global = get_str(a, v, "global");
    f.global = global ? summary_global_operand(a, global) : NULL;
    if (!read_selector(v, &f))
        return false;
    *e = (Effect){(EffectKind)kind, f};
    return true;
}

static bool read_summary(JobResult *res, const JsonValue *v)
{
    Arena *a = &res->arena;
    const JsonValue *effects = json_get(v, "effects"), *exported = json_get(v, "exported");
    const JsonValue *drops = json_get(v, "drops_rights");
    const JsonValue *regains = json_get(v, "regains_rights");
    const JsonValue *pure = json_get(v, "pure_result");
    Summary s = {.name = get_str(a, v, "name")};
    if (!s.name || !effects || effects->kind != JSON_ARRAY || !exported ||
        exported->kind != JSON_BOOL || !drops || drops->kind != JSON_BOOL ||
        !regains || regains->kind != JSON_BOOL || !pure || pure->kind != JSON_BOOL)
        return false;
    s.exported = exported->boolean;
    s.drops_rights = drops->boolean;
    s.regains_rights = regains->boolean;
    s.pure_result = pure->boolean;
    long long ids_param, for_good;
    if (!get_num(v, "ids_param", 0, 64, &ids_param) ||
        !get_num(v, "ids_for_good", 0, 1, &for_good))
        return false;
    s.ids_param = (int)ids_param;
    s.ids_for_good = for_good != 0;
    long long fstat_fd, fstat_out;
    if (!get_num(v, "fstat_fd", 0, 64, &fstat_fd) || !get_num(v, "fstat_out", 0, 64, &fstat_out))
        return false;
    s.fstat_fd = (int)fstat_fd;
    s.fstat_out = (int)fstat_out;
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
    const double big = 1e15;
    if (!v || v->kind != JSON_ARRAY)
        return false;
    for (int i = 0; i < v->n; i++) {
        const JsonValue *d = v->items[i];
        if (d->kind != JSON_ARRAY || d->n != 5 || d->items[0]->kind != JSON_STRING)
            return false;
        Dep dep = {d->items[0]->string};   /* the parse's arena: the caller's scratch */
        if (!whole(d->items[1], -big, big, &dep.mtime_sec) ||
            !whole(d->items[2], 0, 999999999, &dep.mtime_nsec) ||
            !whole(d->items[3], 0, big, &dep.size) || !whole(d->items[4], 0, big, &dep.ino))
            return false;
        ARENA_PUSH(a, deps->items, deps->n, deps->cap, dep);
    }
    return true;
}

static bool read_absent(Arena *a, const JsonValue *v, Deps *deps)
{
    if (!v || v->kind != JSON_ARRAY)
        return false;
    for (int i = 0; i < v->n; i++) {
        if (v->items[i]->kind != JSON_STRING)
            return false;
        const char *path = v->items[i]->string;
        ARENA_PUSH(a, deps->absent, deps->nabsent, deps->cap_absent, path);
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

static bool reason_or_null_read(Arena *a, const JsonValue *v, RiskReason *r)
{
    return v && (v->kind == JSON_NULL || read_reason(a, v, r));
}

static bool read_evidence(JobResult *res, const JsonValue *v)
{
    Arena *a = &res->arena;
    const JsonValue *exported = json_get(v, "exported"), *calls = json_get(v, "calls");
    const JsonValue *userns = json_get(v, "userns"), *passes = json_get(v, "passes");
    const JsonValue *dropped = json_get(v, "dropped_calls");
    FnEvidence e = {.name = get_str(a, v, "name")};
    if (!e.name || !exported || exported->kind != JSON_BOOL || !calls ||
        calls->kind != JSON_ARRAY || !userns || userns->kind != JSON_BOOL || !passes ||
        passes->kind != JSON_ARRAY || !dropped || dropped->kind != JSON_ARRAY ||
        !reason_or_null_read(a, json_get(v, "privileged"), &e.privileged) ||
        !reason_or_null_read(a, json_get(v, "setid"), &e.setid) ||
        !reason_or_null_read(a, json_get(v, "drop"), &e.drop))
        return false;
    for (int i = 0; i < dropped->n; i++) {
        if (dropped->items[i]->kind != JSON_STRING)
            return false;
        const char *name = arena_strdup(a, dropped->items[i]->string);
        ARENA_PUSH(a, e.dropped_calls, e.ndropped, e.cap_dropped, name);
    }
    e.exported = exported->boolean;
    for (int i = 0; i < calls->n; i++) {
        if (calls->items[i]->kind != JSON_STRING)
            return false;
        const char *name = arena_strdup(a, calls->items[i]->string);
        ARENA_PUSH(a, e.calls, e.ncalls, e.cap_calls, name);
    }
    e.userns = userns->boolean;
    for (int i = 0; i < passes->n; i++) {
        const JsonValue *p = passes->items[i];
        if (p->kind != JSON_ARRAY || p->n != 2 || p->items[0]->kind != JSON_STRING ||
            p->items[1]->kind != JSON_STRING)
            return false;
        struct FnPass pass = {arena_strdup(a, p->items[0]->string),
                              arena_strdup(a, p->items[1]->string)};
        ARENA_PUSH(a, e.passes, e.npasses, e.cap_passes, pass);
    }
    ARENA_PUSH(a, res->evidence, res->nevidence, res->cap_evidence, e);
    return true;
}

static bool read_define(JobResult *res, const JsonValue *v)
{
    if (v->kind != JSON_STRING)
        return false;
    const char *name = arena_strdup(&res->arena, v->string);
    ARENA_PUSH(&res->arena, res->defines, res->ndefines, res->cap_defines, name);
    return true;
}

bool entry_read(const char *text, size_t len, const char *key, JobResult *res, Deps *deps,
                Arena *scratch)
{
    const char *err;
    JsonValue *root = json_parse(scratch, text, len, &err);
    long long version;
    const char *stored = root ? get_str(scratch, root, "key") : NULL;
    const JsonValue *failed = root ? json_get(root, "failed") : NULL;
    const JsonValue *analysed = root ? json_get(root, "analysed") : NULL;
    const char *messages = root ? get_str(scratch, root, "messages") : NULL;
    if (!root || !get_num(root, "fsrace_cache", 0, 1e6, &version) || version != ENTRY_VERSION ||
        !stored || strcmp(stored, key) || !failed || failed->kind != JSON_BOOL || !analysed ||
        analysed->kind != JSON_BOOL || !messages)
        return false;
    res->findings.arena = &res->arena;
    res->failed = failed->boolean;
    res->analysed = analysed->boolean;
    if (!read_deps(scratch, json_get(root, "deps"), deps) ||
        !read_absent(scratch, json_get(root, "absent"), deps) ||
        !read_array(res, json_get(root, "findings"), read_finding) ||
        !read_array(res, json_get(root, "exports"), read_summary) ||
        !read_array(res, json_get(root, "callees"), read_callee) ||
        !read_array(res, json_get(root, "evidence"), read_evidence) ||
        !read_array(res, json_get(root, "defines"), read_define))
        return false;
    sb_puts(&res->messages, messages);
    return true;
}
