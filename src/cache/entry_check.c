/* entry_check.c - checking what a cache entry says; see entry_check.h. */
#include "entry_check.h"

#include <stdlib.h>
#include <string.h>

#include "../cli/source_file.h"
#include "../util/byte_table.h"
#include "../util/path.h"
#include "../util/strmap.h"

enum { MAX_FINDINGS = 100000, MAX_NOTES = 1000, MAX_NAME = 4096 };

/* The bytes clean() looks at twice: C0 controls, DEL, and 0xc2 (the lead
 * byte of a C1 control in UTF-8). A table: a warm run checks every path
 * of every cache entry. */
static const unsigned char SUSPECT[256] = {BYTE_TABLE_C0, [0x7f] = 1, [0xc2] = 1};

/* No control character (C0, DEL, or C1 as UTF-8) but those allowed. */
static bool clean(const char *s, const char *allowed)
{
    if (!s)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (!SUSPECT[*p])
            continue;
        if ((*p < 0x20 && !strchr(allowed, *p)) || *p == 0x7f ||
            (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
            return false;
    }
    return true;
}

static bool identifier(const char *s)
{
    if (!s || !*s || strlen(s) > MAX_NAME)
        return false;
    for (; *s; s++)
        if (!(*s == '_' || *s == '$' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

/* Messages: whole lines, each an "fsrace: " message. */
static bool messages_ok(const StrBuf *m)
{
    const char *s = m->data ? m->data : "";
    if (!clean(s, "\t\n"))
        return false;
    for (const char *line = s; *line; line = strchr(line, '\n') + 1)
        if (strncmp(line, "fsrace: ", 8) || !strchr(line, '\n'))
            return false;
    return true;
}

/* A file a location may name: its absolute name, and its line lengths
 * once read (read at most once). */
typedef struct Known {
    const char *abs;
    unsigned *len;          /* len[i]: bytes of line i + 1 */
    unsigned nlines;
    bool read, readable;
} Known;

typedef struct Check {
    Arena *a;
    const char *cwd;
    StrMap index;           /* absolute name -> position in known */
    Known *known;
    int n, cap;
    const Deps *deps;       /* the files allowed, indexed at the first location */
    const SummaryTable *pool;
    bool indexed;
} Check;

static void allow(Check *c, const char *abs)
{
    if (strmap_get(&c->index, abs, NULL))
        return;
    strmap_put(&c->index, abs, c->n);
    Known k = {abs};
    ARENA_PUSH(c->a, c->known, c->n, c->cap, k);
}

static void read_lines(Check *c, Known *k)
{
    SourceFile f = {0};
    k->read = true;
    if (source_file_read(k->abs, &f))
        return;
    k->readable = true;
    unsigned n = f.size && f.data[f.size - 1] != '\n';   /* a last line without one */
    for (size_t i = 0; i < f.size; i++)
        n += f.data[i] == '\n';
    k->len = ARENA_ARRAY(c->a, unsigned, n + 1);
    size_t start = 0;
    for (size_t i = 0; i <= f.size && k->nlines < n; i++)
        if (i == f.size || f.data[i] == '\n') {
            k->len[k->nlines++] = (unsigned)(i - start);
            start = i + 1;
        }
    source_file_free(&f);
}

/* file:line:col exists among the allowed files (col may be one past the
 * line's end, where clang puts the end of a range). */
static void index_files(Check *c);

static bool place_ok(Check *c, const char *file, unsigned line, unsigned col)
{
    if (!clean(file, "") || !*file || strlen(file) > MAX_NAME)
        return false;
    if (!c->indexed)
        index_files(c);
    int i;
    if (!strmap_get(&c->index, path_absolute(c->a, c->cwd, file), &i))
        return false;
    Known *k = &c->known[i];
    if (!k->read)
        read_lines(c, k);
    return k->readable && line >= 1 && line <= k->nlines && col >= 1 &&
           col <= k->len[line - 1] + 1;
}

static bool loc_ok(Check *c, SrcLoc l)
{
    return place_ok(c, l.file, l.line, l.col);
}

/* A finding made outside a function's definition (lock-order's, from the
 * whole unit) has no function location, nor has every risk reason. */
static bool loc_or_none_ok(Check *c, SrcLoc l)
{
    return (!l.file && !l.line && !l.col) || loc_ok(c, l);
}

static bool reason_ok(Check *c, const RiskReason *r)
{
    return clean(r->text, "") && loc_or_none_ok(c, r->loc);
}

static bool finding_ok(Check *c, const Finding *f)
{
    if (!clean(f->message, "") || !identifier(f->function) || !loc_ok(c, f->loc) ||
        !loc_or_none_ok(c, f->function_loc) || f->nreasons > MAX_NOTES || f->nnotes < 0 || f->nnotes > MAX_NOTES)
        return false;
    for (int k = 0; k < f->nnotes; k++)
        if (!clean(f->notes[k].message, "") || !loc_ok(c, f->notes[k].loc))
            return false;
    for (int k = 0; k < f->nreasons; k++)
        if (!reason_ok(c, &f->reasons[k]))
            return false;
    if (!loc_or_none_ok(c, f->pending.access) || !loc_or_none_ok(c, f->pending.argv))
        return false;
    const SrcRegion *g = &f->fix_region;
    return !f->fix_replacement ||
           (clean(f->fix_replacement, "\t\n") && loc_ok(c, g->start) &&
            place_ok(c, g->start.file, g->end_line, g->end_col) &&
            (g->end_line > g->start.line ||
             (g->end_line == g->start.line && g->end_col >= g->start.col)));
}

static bool evidence_ok(Check *c, const FnEvidence *e)
{
    if (!identifier(e->name) || (e->privileged.text && !reason_ok(c, &e->privileged)) ||
        (e->setid.text && !reason_ok(c, &e->setid)) || (e->drop.text && !reason_ok(c, &e->drop)))
        return false;
    for (int i = 0; i < e->ndropped; i++)
        if (!identifier(e->dropped_calls[i]))
            return false;
    for (int i = 0; i < e->ncalls; i++)
        if (!identifier(e->calls[i]))
            return false;
    for (int i = 0; i < e->npasses; i++)
        if (!identifier(e->passes[i].callee) || !identifier(e->passes[i].fn))
            return false;
    return true;
}

static bool summary_ok(const Summary *s)
{
    if (!identifier(s->name))
        return false;
    for (int i = 0; i < s->n; i++) {
        const FileFunc *f = &s->effects[i].as;
        if ((f->fix && !clean(f->fix, "")) || (f->fixed_mode && !clean(f->fixed_mode, "")) ||
            (f->inner_name && !identifier(f->inner_name)) ||
            (f->inner_file && !clean(f->inner_file, "")))
            return false;
    }
    return true;
}

/* The files of the summaries the unit was analysed with: notes may point
 * into them. */
static void allow_pool(Check *c, const SummaryTable *pool)
{
    for (const SummaryTable *t = pool; t; t = t->next)
        for (int i = 0; i < t->n; i++)
            for (int k = 0; k < t->items[i]->n; k++)
                if (t->items[i]->effects[k].as.inner_file)
                    allow(c, path_absolute(c->a, c->cwd, t->items[i]->effects[k].as.inner_file));
}

/* The files a location may name: the unit's and its pool's. Built at the
 * first location checked: most entries have none, and a warm run checks
 * every entry. */
static void index_files(Check *c)
{
    c->indexed = true;
    allow_pool(c, c->pool);
    for (int i = 0; i < c->deps->n; i++)
        allow(c, path_normalize(c->a, c->deps->items[i].path));
}

static bool deps_ok(const Deps *deps)
{
    for (int i = 0; i < deps->n; i++)
        if (deps->items[i].path[0] != '/' || !clean(deps->items[i].path, ""))
            return false;
    for (int i = 0; i < deps->nabsent; i++)   /* only ever stat()ed, never shown */
        if (deps->absent[i][0] != '/')
            return false;
    return true;
}

static bool result_ok(Check *c, const JobResult *res)
{
    if (!messages_ok(&res->messages) || res->findings.n > MAX_FINDINGS)
        return false;
    for (int i = 0; i < res->nevidence; i++)
        if (!evidence_ok(c, &res->evidence[i]))
            return false;
    for (int i = 0; i < res->findings.n; i++)
        if (!finding_ok(c, &res->findings.items[i]))
            return false;
    for (int i = 0; i < res->exports.n; i++)
        if (!summary_ok(res->exports.items[i]))
            return false;
    for (int i = 0; i < res->ncallees; i++)
        if (!identifier(res->callees[i]))
            return false;
    for (int i = 0; i < res->ndefines; i++)
        if (!identifier(res->defines[i]))
            return false;
    return true;
}

bool entry_check(const JobResult *res, const Deps *deps, const char *cwd,
                 const SummaryTable *pool)
{
    Arena a = {0};
    Check c = {.a = &a, .cwd = cwd, .deps = deps, .pool = pool};
    bool ok = deps_ok(deps) && result_ok(&c, res);
    strmap_free(&c.index);
    arena_free(&a);
    return ok;
}
