/* fix_apply.c - --fix: the findings' machine-applicable edits applied to
 * the files in place, as clang-tidy --fix does, and as carefully as fsrace
 * asks of others: each file is opened with O_NOFOLLOW (a symbolic link is
 * refused, not followed), read through that descriptor, and replaced
 * atomically by a temporary file beside it renamed over it, with the
 * original's permission bits. Edits are byte ranges computed from the
 * bytes read; a file whose edits overlap is left alone entirely. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../rules/rules.h"
#include "report.h"

typedef struct Edit {
    const Finding *f;
    size_t from, to;        /* byte range replaced, in the file as read */
} Edit;

typedef struct Contents {
    char *data;
    size_t size;
    struct stat st;
} Contents;

static const char *read_file(const char *path, Contents *c)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return errno == ELOOP ? "is a symbolic link; refusing to fix through it" : strerror(errno);
    const char *why = NULL;
    StrBuf b = {0};
    if (fstat(fd, &c->st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(c->st.st_mode))
        why = "is not a regular file";
    char chunk[65536];
    ssize_t n = 0;
    while (!why && (n = read(fd, chunk, sizeof chunk)) != 0) {
        if (n < 0 && errno != EINTR)
            why = strerror(errno);
        else if (n > 0)
            sb_putn(&b, chunk, (size_t)n);
    }
    close(fd);
    c->data = b.data ? b.data : strdup("");
    c->size = b.len;
    return why;
}

/* Byte offset of line:col in c (col may be just past the line's end). */
static bool offset_of(const Contents *c, unsigned line, unsigned col, size_t *out)
{
    size_t at = 0;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(c->data + at, '\n', c->size - at);
        if (!nl)
            return false;
        at = (size_t)(nl - c->data) + 1;
    }
    const char *nl = memchr(c->data + at, '\n', c->size - at);
    size_t len = (nl ? (size_t)(nl - c->data) : c->size) - at;
    if (col == 0 || col - 1 > len)
        return false;
    *out = at + col - 1;
    return true;
}

static int by_range(const void *pa, const void *pb)
{
    const Edit *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    return a->to < b->to ? -1 : a->to > b->to;
}

static bool same_edit(const Edit *a, const Edit *b)
{
    return a->from == b->from && a->to == b->to &&
           !strcmp(a->f->fix_replacement, b->f->fix_replacement);
}

/* Two edits touch the same bytes, or insert different text at one place. */
static bool overlap(const Edit *a, const Edit *b)
{
    return b->from < a->to || (a->from == b->from && (a->from == a->to || b->from == b->to));
}

static void describe(StrBuf *log, const char *file, const Contents *c, const Edit *e)
{
    const SrcLoc at = e->f->fix_region.start;
    sb_printf(log, "fsrace: fixed %s:%u:%u: ", file, at.line, at.col);
    if (e->from == e->to) {
        sb_printf(log, "inserted '%s'", e->f->fix_replacement);
    } else {
        sb_puts(log, "replaced '");
        sb_putn(log, c->data + e->from, e->to - e->from);
        sb_printf(log, "' with '%s'", e->f->fix_replacement);
    }
    sb_printf(log, " [%s]\n", e->f->rule->id);
}

/* Apply n edits (sorted, duplicates dropped) to one file. */
static bool fix_file(const char *file, Edit *edits, int n, StrBuf *log)
{
    Contents c = {0};
    const char *why = read_file(file, &c);
    for (int i = 0; i < n && !why; i++) {
        const SrcRegion *g = &edits[i].f->fix_region;
        if (!offset_of(&c, g->start.line, g->start.col, &edits[i].from) ||
            !offset_of(&c, g->end_line, g->end_col, &edits[i].to) || edits[i].to < edits[i].from)
            why = "a fix lies outside the file as it is now (was it edited?)";
    }
    int kept = 0;
    if (!why)
        qsort(edits, (size_t)n, sizeof *edits, by_range);
    for (int i = 0; i < n && !why; i++) {
        if (kept && same_edit(&edits[kept - 1], &edits[i]))
            continue;
        if (kept && overlap(&edits[kept - 1], &edits[i]))
            why = "two fixes overlap";
        edits[kept++] = edits[i];
    }
    StrBuf out = {0};
    size_t at = 0;
    for (int i = 0; i < kept && !why; i++) {
        sb_putn(&out, c.data + at, edits[i].from - at);
        sb_puts(&out, edits[i].f->fix_replacement);
        at = edits[i].to;
    }
    if (!why) {
        sb_putn(&out, c.data + at, c.size - at);
        why = report_rewrite(file, &out, &c.st);
    }
    if (why)
        sb_printf(log, "fsrace: error: %s: %s; left unchanged\n", file, why);
    for (int i = 0; i < kept && !why; i++)
        describe(log, file, &c, &edits[i]);
    sb_free(&out);
    free(c.data);
    return why == NULL;
}

static int by_file(const void *pa, const void *pb)
{
    const Edit *a = pa, *b = pb;
    return strcmp(a->f->fix_region.start.file, b->f->fix_region.start.file);
}

bool fixes_apply(const Report *r, StrBuf *log)
{
    Edit *edits = calloc((size_t)r->n + 1, sizeof *edits);
    int n = 0, files = 0, applied = 0;
    bool ok = true;
    for (int i = 0; i < r->n; i++)
        if (!r->items[i].suppressed && r->items[i].f->fix_replacement)
            edits[n++].f = r->items[i].f;
    qsort(edits, (size_t)n, sizeof *edits, by_file);
    for (int i = 0, j; i < n; i = j) {
        const char *file = edits[i].f->fix_region.start.file;
        for (j = i; j < n && !strcmp(edits[j].f->fix_region.start.file, file); j++)
            ;
        size_t before = log->len;
        bool fixed = fix_file(file, edits + i, j - i, log);
        ok &= fixed;
        files += fixed;
        for (size_t k = before; fixed && k < log->len; k++)
            applied += log->data[k] == '\n';
    }
    sb_printf(log, "fsrace: applied %d fix%s in %d file%s\n", applied, applied == 1 ? "" : "es",
              files, files == 1 ? "" : "s");
    free(edits);
    return ok;
}
