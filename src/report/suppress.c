/* suppress.c - suppression comments, read from the source when reporting
 * (the analysis never sees comments):
 *
 *   open(p, 0);  // fsrace-ignore[toctou-check-use]: p is our own temp dir
 *   // fsrace-ignore[toctou-check-use, name-after-open]: reason  (the next line)
 *   // fsrace-ignore-function[*]: reason          (above a definition)
 *   open(p, 0);  // NOLINT(fsrace-toctou-check-use)  (clang-tidy's form)
 *   // NOLINTNEXTLINE(fsrace-toctou-check-use)
 *
 * A marker counts only inside a comment: on the finding's own line after
 * the code, or on a comment-only line just above it. The reason is the
 * comment's text after "]:" and is shown by --show-suppressed. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../rules/rules.h"
#include "report.h"

enum { MAX_REASON = 300, MAX_DECL_LINES = 12 };

typedef struct Line {
    const char *text;
    size_t len;
} Line;

static Line line_at(const char *file, unsigned n)
{
    Line l = {NULL, 0};
    if (n > 0)
        l.text = source_line(file, n, &l.len);
    return l;
}

/* Index where the line's first comment starts (outside literals), or len. */
static size_t comment_start(Line l)
{
    for (size_t i = 0; i < l.len; i++) {
        char c = l.text[i];
        if (c == '"' || c == '\'') {
            for (i++; i < l.len && l.text[i] != c; i++)
                i += l.text[i] == '\\';
        } else if (c == '/' && i + 1 < l.len && strchr("/*", l.text[i + 1])) {
            return i;
        }
    }
    return l.len;
}

static size_t skip_space(Line l, size_t i)
{
    while (i < l.len && isspace((unsigned char)l.text[i]))
        i++;
    return i;
}

/* A line holding only a comment (or the middle or end of a block one). */
static bool comment_only(Line l)
{
    size_t i = skip_space(l, 0);
    return i < l.len && (l.text[i] == '*' || (l.text[i] == '/' && comment_start(l) == i));
}

/* The next entry of a list "a, b,c" between [*from, to): its text and
 * length, spaces trimmed; false at the end. */
static bool next_entry(Line l, size_t *from, size_t to, const char **entry, size_t *n)
{
    if (*from >= to)
        return false;
    size_t start = skip_space(l, *from), end = start;
    while (end < to && l.text[end] != ',')
        end++;
    size_t last = end;
    while (last > start && isspace((unsigned char)l.text[last - 1]))
        last--;
    *entry = l.text + start;
    *n = last - start;
    *from = end + 1;
    return true;
}

/* Does the list (ids between [from, to)) name the rule? Entries may need a
 * prefix ("fsrace-" in NOLINT lists); "*" names every rule. */
static bool list_names(Line l, size_t from, size_t to, const char *prefix, const char *id)
{
    const char *e;
    size_t n, np = strlen(prefix);
    while (next_entry(l, &from, to, &e, &n)) {
        if (n == 1 && *e == '*')
            return true;
        if (n < np || strncmp(e, prefix, np))
            continue;
        e += np;
        n -= np;
        if ((n == 1 && *e == '*') || (n == strlen(id) && !strncmp(e, id, n)))
            return true;
    }
    return false;
}

/* The comment text after "]" or ")": an optional ':' and the reason. */
static const char *reason_after(Arena *a, Line l, size_t i)
{
    i = skip_space(l, i);
    if (i < l.len && l.text[i] == ':')
        i = skip_space(l, i + 1);
    size_t end = i;
    while (end < l.len && !(l.text[end] == '*' && end + 1 < l.len && l.text[end + 1] == '/'))
        end++;
    while (end > i && isspace((unsigned char)l.text[end - 1]))
        end--;
    return arena_strndup(a, l.text + i, end - i > MAX_REASON ? MAX_REASON : end - i);
}

/* The next `marker` at or after *at whose list is closed by `close`: the
 * list is [*open, *end); *at moves past the marker. */
static bool next_marker(Line l, size_t *at, const char *marker, char close, size_t *open,
                        size_t *end)
{
    size_t mlen = strlen(marker);
    for (size_t i = *at; i + mlen <= l.len; i++) {
        if (strncmp(l.text + i, marker, mlen) != 0)
            continue;
        if (i > 0 && (isalnum((unsigned char)l.text[i - 1]) || l.text[i - 1] == '-'))
            continue;   /* part of a longer word */
        *at = i + mlen;
        *open = *end = i + mlen;
        while (*end < l.len && l.text[*end] != close)
            ++*end;
        if (*end < l.len)
            return true;
    }
    *at = l.len;
    return false;
}

/* Find `marker` followed by a list naming the rule in l's comment part. */
static const char *match_marker(Arena *a, Line l, size_t from, const char *marker, char close,
                                const char *prefix, const char *id)
{
    size_t open, end;
    while (next_marker(l, &from, marker, close, &open, &end))
        if (list_names(l, open, end, prefix, id))
            return reason_after(a, l, end + 1);
    return NULL;
}

/* The comment part of l: all of it for a comment-only line, else what
 * follows the code (an end-of-line marker must follow code, not precede). */
static size_t comment_from(Line l)
{
    return comment_only(l) ? 0 : comment_start(l);
}

static const char *on_line(Arena *a, Line l, const char *id)
{
    if (!l.text)
        return NULL;
    size_t from = comment_from(l);
    const char *r = match_marker(a, l, from, "fsrace-ignore[", ']', "", id);
    return r ? r : match_marker(a, l, from, "NOLINT(", ')', "fsrace-", id);
}

static const char *on_line_before(Arena *a, Line l, const char *id)
{
    if (!l.text || !comment_only(l))
        return NULL;
    const char *r = match_marker(a, l, 0, "fsrace-ignore[", ']', "", id);
    return r ? r : match_marker(a, l, 0, "NOLINTNEXTLINE(", ')', "fsrace-", id);
}

/* Is l part of a declaration's head ("static int", attributes) that may
 * stand above the line with the function's name? */
static bool declaration_head(Line l)
{
    size_t i = skip_space(l, 0), end = l.len;
    while (end > i && isspace((unsigned char)l.text[end - 1]))
        end--;
    return i < end && l.text[i] != '#' && !strchr(";{}", l.text[end - 1]);
}

/* fsrace-ignore-function on the name's line, or in the comment lines just
 * above the definition (over a return type or attributes on lines above). */
static const char *at_function(Arena *a, const Finding *f)
{
    SrcLoc fl = f->function_loc;
    if (!fl.file || !fl.line)
        return NULL;
    const char *id = f->rule->id;
    Line l = line_at(fl.file, fl.line);
    if (!l.text)
        return NULL;
    const char *r = match_marker(a, l, comment_from(l), "fsrace-ignore-function[", ']', "", id);
    for (unsigned n = fl.line - 1; !r && n > 0 && fl.line - n <= MAX_DECL_LINES; n--) {
        l = line_at(fl.file, n);
        if (!l.text || (!comment_only(l) && !declaration_head(l)))
            break;
        r = match_marker(a, l, comment_from(l), "fsrace-ignore-function[", ']', "", id);
    }
    return r;
}

/* ---- comments that name no rule ------------------------------------ */

static const struct { const char *marker; char close; const char *prefix; } markers[] = {
    {"fsrace-ignore[", ']', ""},   {"fsrace-ignore-function[", ']', ""},
    {"NOLINT(", ')', "fsrace-"},   {"NOLINTNEXTLINE(", ')', "fsrace-"},
};

/* One warning per entry of the list [open, end) that names no rule (in a
 * NOLINT list, only entries with fsrace's prefix are fsrace's). */
static int warn_unknown(StrBuf *out, const char *shown, unsigned line_no, Line l, size_t open,
                        size_t end, const char *marker, const char *prefix)
{
    const char *e;
    size_t n, np = strlen(prefix);
    int warned = 0;
    while (next_entry(l, &open, end, &e, &n)) {
        if ((n == 1 && *e == '*') || n <= np || strncmp(e, prefix, np))
            continue;
        char id[128];
        snprintf(id, sizeof id, "%.*s", (int)(n - np), e + np);
        if (!strcmp(id, "*") || rules_find(id))
            continue;
        sb_printf(out, "fsrace: warning: %s:%u: unknown rule '%.*s' in %.*s (it silences "
                       "nothing); did you mean '%s%s'?\n",
                  shown, line_no, (int)n, e, (int)strlen(marker) - 1, marker, prefix,
                  rules_nearest(id));
        warned++;
    }
    return warned;
}

const char *suppression_reason(Arena *a, const Finding *f)
{
    const char *id = f->rule->id;
    const char *r = on_line(a, line_at(f->loc.file, f->loc.line), id);
    if (!r)
        r = on_line_before(a, line_at(f->loc.file, f->loc.line - 1), id);
    if (!r)
        r = at_function(a, f);
    return r;
}

int report_active(const Report *r)
{
    int n = 0;
    for (int i = 0; i < r->n; i++)
        n += !r->items[i].suppressed;
    return n;
}

/* Could the file hold a marker at all? Every marker contains one of
 * these, and most files hold none: then no line needs looking at. */
static bool may_hold_marker(const char *file)
{
    size_t size;
    const char *text = source_text(file, &size);
    return text && (memmem(text, size, "fsrace-ignore", 13) || memmem(text, size, "NOLINT", 6));
}

int suppressions_check_names(StrBuf *out, const char *file, const char *shown)
{
    int warned = 0;
    size_t len;
    if (!may_hold_marker(file))
        return 0;
    for (unsigned n = 1; source_line(file, n, &len); n++) {
        Line l = line_at(file, n);
        size_t from = comment_from(l);
        for (size_t k = 0; k < sizeof markers / sizeof markers[0]; k++) {
            size_t at = from, open, end;
            while (next_marker(l, &at, markers[k].marker, markers[k].close, &open, &end))
                warned += warn_unknown(out, shown, n, l, open, end, markers[k].marker,
                                       markers[k].prefix);
        }
    }
    return warned;
}
