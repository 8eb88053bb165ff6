/* html.c - one self-contained HTML page (inline CSS and JS, no network:
 * its Content-Security-Policy forbids any fetch) listing the findings by
 * file, then rule; each shows the path from the check(s) to the use as
 * numbered steps over the source around them and the reasons of its risk;
 * files with the riskiest findings come first, and checkboxes filter by
 * rule, severity and risk. Every piece of source text and message is
 * escaped. */
#include <stdlib.h>
#include <string.h>

#include "../analysis/risk.h"
#include "../rules/rules.h"
#include "../version.h"
#include "html_assets.h"
#include "report.h"

enum { CONTEXT = 2, JOIN_GAP = 8 };

/* Escape for text and attribute values; control bytes become U+FFFD. */
static void esc_n(StrBuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default:
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                sb_puts(out, "\xEF\xBF\xBD");
            else
                sb_putc(out, (char)c);
        }
    }
}

static void esc(StrBuf *out, const char *s)
{
    esc_n(out, s, strlen(s));
}

/* A step of a finding's path: a check (note) or the use. */
typedef struct Step {
    SrcLoc loc;
    const char *message;
    bool use;
} Step;

static int steps_of(const Finding *f, Step *steps, int max)
{
    int n = 0;
    for (int k = 0; k < f->nnotes && n < max - 1; k++)
        steps[n++] = (Step){f->notes[k].loc, f->notes[k].message, false};
    steps[n++] = (Step){f->loc, f->message, true};
    return n;
}

/* The step number on `line` of `file` among steps[from..to), or 0. */
static int step_on(const Step *steps, int from, int to, const char *file, unsigned line)
{
    for (int i = from; i < to; i++)
        if (steps[i].loc.line == line && !strcmp(steps[i].loc.file, file))
            return i + 1;
    return 0;
}

static void code_line(StrBuf *out, const char *file, unsigned n, const Step *step, int number)
{
    size_t len, next_len;
    const char *text = source_line(file, n, &len);
    if (!text || (!len && !source_line(file, n + 1, &next_len)))
        return;   /* past the end, or the empty "line" after the last newline */
    /* Lines are blocks: no newline between them, or <pre> doubles it. */
    if (!step) {
        sb_printf(out, "<span class=\"line\"><span class=\"ln\">%u</span> ", n);
        esc_n(out, text, len);
        sb_puts(out, "</span>");
        return;
    }
    sb_printf(out, "<span class=\"line %s\"><span class=\"ln\">%u</span> ",
              step->use ? "use" : "check", n);
    size_t col = step->loc.col ? step->loc.col - 1 : 0, end = source_token_end(step->loc) - 1;
    col = col > len ? len : col;
    end = end > len ? len : end < col ? col : end;
    esc_n(out, text, col);
    sb_puts(out, "<b class=\"tok\">");
    esc_n(out, text + col, end - col);
    sb_puts(out, "</b>");
    esc_n(out, text + end, len - end);
    sb_printf(out, " <span class=\"badge\">%d</span></span>", number);
}

/* Steps [from, to) are in one file and close together: one excerpt. */
static void excerpt(StrBuf *out, const Step *steps, int from, int to)
{
    const char *file = steps[from].loc.file;
    unsigned lo = steps[from].loc.line, hi = lo;
    for (int i = from; i < to; i++) {
        lo = steps[i].loc.line < lo ? steps[i].loc.line : lo;
        hi = steps[i].loc.line > hi ? steps[i].loc.line : hi;
    }
    lo = lo > CONTEXT ? lo - CONTEXT : 1;
    hi += CONTEXT;
    sb_puts(out, "<div class=\"excerpt\"><div class=\"where\">");
    esc(out, file);
    sb_puts(out, "</div><pre><code>");
    for (unsigned n = lo; n <= hi; n++) {
        int k = step_on(steps, from, to, file, n);
        code_line(out, file, n, k ? &steps[k - 1] : NULL, k);
    }
    sb_puts(out, "</code></pre></div>\n");
}

static bool joins(const Step *a, const Step *b)
{
    unsigned d = a->loc.line > b->loc.line ? a->loc.line - b->loc.line
                                           : b->loc.line - a->loc.line;
    return !strcmp(a->loc.file, b->loc.file) && d <= JOIN_GAP;
}

static void path_list(StrBuf *out, const Step *steps, int n)
{
    sb_puts(out, "<ol class=\"path\">\n");
    for (int i = 0; i < n; i++) {
        sb_printf(out, "<li class=\"%s\"><span class=\"kind\">%s</span> <span class=\"loc\">",
                  steps[i].use ? "use" : "check", steps[i].use ? "use" : "check");
        esc(out, steps[i].loc.file);
        sb_printf(out, ":%u:%u</span> ", steps[i].loc.line, steps[i].loc.col);
        esc(out, steps[i].message);
        sb_puts(out, "</li>\n");
    }
    sb_puts(out, "</ol>\n");
}

/* The risk and each reason, with the place that shows it. */
static void risk_reasons(StrBuf *out, const Finding *f)
{
    sb_printf(out, "<ul class=\"reasons\">");
    for (int k = 0; k < f->nreasons; k++) {
        const RiskReason *r = &f->reasons[k];
        sb_printf(out, "<li class=\"%s\">", r->weight > 0 ? "raises" : r->weight < 0 ? "lowers" : "");
        esc(out, r->text);
        sb_puts(out, " <span class=\"where\">");
        esc(out, r->loc.file ? r->loc.file : "");
        sb_printf(out, ":%u</span></li>", r->loc.line);
    }
    sb_puts(out, "</ul>\n");
}

static void finding(StrBuf *out, const Reported *it, int index)
{
    const Finding *f = it->f;
    const char *sev = severity_name(f->rule->severity), *risk = risk_name(f->risk);
    sb_printf(out, "<article class=\"finding\" id=\"finding-%d\" data-rule=\"", index + 1);
    esc(out, f->rule->id);
    sb_printf(out, "\" data-severity=\"%s\" data-risk=\"%s\" data-status=\"%s\">\n"
                   "<h4><span class=\"sev %s\">%s</span> <span class=\"risk %s\">%s risk</span> ",
              sev, risk, it->suppressed ? "suppressed" : "active", sev, sev, risk, risk);
    esc(out, f->message);
    sb_puts(out, "</h4>\n<p class=\"meta\">in <code>");
    esc(out, f->function ? f->function : "?");
    sb_printf(out, "()</code>, line %u &middot; fingerprint <code>%s</code>", f->loc.line,
              it->fingerprint);
    if (it->suppressed) {
        sb_puts(out, " &middot; <span class=\"suppressed\">suppressed: ");
        esc(out, *it->suppressed ? it->suppressed : "(no reason given)");
        sb_puts(out, "</span>");
    }
    sb_puts(out, "</p>\n");
    risk_reasons(out, f);
    Step steps[64];
    int n = steps_of(f, steps, 64);
    path_list(out, steps, n);
    for (int from = 0, to; from < n; from = to) {
        for (to = from + 1; to < n && joins(&steps[to - 1], &steps[to]); to++)
            ;
        excerpt(out, steps, from, to);
    }
    sb_puts(out, "</article>\n");
}

static bool seen_before(const Report *r, int i, bool same_rule)
{
    for (int j = 0; j < i; j++)
        if (!strcmp(r->items[j].f->loc.file, r->items[i].f->loc.file) &&
            (!same_rule || r->items[j].f->rule == r->items[i].f->rule))
            return true;
    return false;
}

/* The findings of one file and rule, in report order. */
static void rule_group(StrBuf *out, const Report *r, int first)
{
    const Finding *f0 = r->items[first].f;
    sb_puts(out, "<section class=\"group\" data-rule=\"");
    esc(out, f0->rule->id);
    sb_puts(out, "\"><h3>");
    esc(out, f0->rule->id);
    sb_printf(out, " <small>%s &middot; CERT %s &middot; ", f0->rule->cwe, f0->rule->cert);
    esc(out, f0->rule->summary);
    sb_puts(out, "</small></h3>\n");
    for (int i = first; i < r->n; i++)
        if (r->items[i].f->rule == f0->rule && !strcmp(r->items[i].f->loc.file, f0->loc.file))
            finding(out, &r->items[i], i);
    sb_puts(out, "</section>\n");
}

static void file_section(StrBuf *out, const Report *r, int first)
{
    sb_puts(out, "<section class=\"file\"><h2>");
    esc(out, r->items[first].f->loc.file);
    sb_puts(out, "</h2>\n");
    for (int i = first; i < r->n; i++)
        if (!strcmp(r->items[i].f->loc.file, r->items[first].f->loc.file) &&
            !seen_before(r, i, true))
            rule_group(out, r, i);
    sb_puts(out, "</section>\n");
}

static int count(const Report *r, const char *what, const char *value)
{
    int n = 0;
    for (int i = 0; i < r->n; i++) {
        const Finding *f = r->items[i].f;
        const char *v = !strcmp(what, "rule")       ? f->rule->id
                        : !strcmp(what, "severity") ? severity_name(f->rule->severity)
                        : !strcmp(what, "risk")     ? risk_name(f->risk)
                        : r->items[i].suppressed    ? "suppressed" : "active";
        n += !strcmp(v, value);
    }
    return n;
}

static void checkbox(StrBuf *out, const Report *r, const char *what, const char *value)
{
    int n = count(r, what, value);
    if (!n)
        return;
    sb_printf(out, "<label><input type=\"checkbox\" data-filter=\"%s\" value=\"", what);
    esc(out, value);
    sb_puts(out, "\" checked> ");
    esc(out, value);
    sb_printf(out, " <span class=\"count\">%d</span></label>\n", n);
}

static void filters(StrBuf *out, const Report *r)
{
    int nrules;
    const Rule *all = rules_all(&nrules);
    sb_puts(out, "<form id=\"filters\"><fieldset><legend>Rule</legend>\n");
    for (int i = 0; i < nrules; i++)
        checkbox(out, r, "rule", all[i].id);
    sb_puts(out, "</fieldset><fieldset><legend>Severity</legend>\n");
    checkbox(out, r, "severity", "error");
    checkbox(out, r, "severity", "warning");
    checkbox(out, r, "severity", "note");
    sb_puts(out, "</fieldset><fieldset><legend>Risk</legend>\n");
    checkbox(out, r, "risk", "high");
    checkbox(out, r, "risk", "medium");
    checkbox(out, r, "risk", "low");
    sb_puts(out, "</fieldset>\n");
    if (r->suppressed && count(r, "status", "suppressed")) {
        sb_puts(out, "<fieldset><legend>Status</legend>\n");
        checkbox(out, r, "status", "active");
        checkbox(out, r, "status", "suppressed");
        sb_puts(out, "</fieldset>\n");
    }
    sb_printf(out, "<p id=\"shown\" data-total=\"%d\">%d of %d findings shown</p></form>\n", r->n,
              r->n, r->n);
}

static void summary(StrBuf *out, const Report *r)
{
    int active = report_active(r);
    sb_printf(out, "<p class=\"summary\">%d finding%s in %d file%s analysed", active,
              active == 1 ? "" : "s", r->files_analysed, r->files_analysed == 1 ? "" : "s");
    if (r->suppressed)
        sb_printf(out, "; %d suppressed", r->suppressed);
    if (r->baselined)
        sb_printf(out, "; %d in the baseline", r->baselined);
    if (r->below_min_risk)
        sb_printf(out, "; %d of lower risk not shown (--min-risk low shows them)",
                  r->below_min_risk);
    if (r->files_failed)
        sb_printf(out, "; %d not completely analysed (see the run's messages)", r->files_failed);
    sb_puts(out, ".</p>\n");
}

/* Highest risk first; report order (the items' addresses) among equals. */
static int by_risk_ptr(const void *pa, const void *pb)
{
    const Reported *a = *(const Reported *const *)pa, *b = *(const Reported *const *)pb;
    if (a->f->risk != b->f->risk)
        return a->f->risk > b->f->risk ? -1 : 1;
    return (a > b) - (a < b);
}

void report_html(StrBuf *out, const Report *given)
{
    /* qsort is not stable: sort pointers to the items, which keep order */
    Report sorted = *given, *r = &sorted;
    const Reported **order = calloc((size_t)given->n + 1, sizeof *order);
    Reported *items = calloc((size_t)given->n + 1, sizeof *items);
    if (!order || !items)
        abort();
    for (int i = 0; i < given->n; i++)
        order[i] = &given->items[i];
    qsort(order, (size_t)given->n, sizeof *order, by_risk_ptr);
    for (int i = 0; i < given->n; i++)
        items[i] = *order[i];
    sorted.items = items;
    sb_puts(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<link rel=\"icon\" href=\"data:,\">\n<title>fsrace report</title>\n<style>");
    sb_puts(out, html_css);
    sb_puts(out, "</style></head>\n<body>\n<header><h1>fsrace report</h1>\n");
    summary(out, r);
    if (r->n)
        filters(out, r);
    sb_puts(out, "</header>\n<main>\n");
    if (!r->n)
        sb_puts(out, "<p class=\"none\">No findings.</p>\n");
    for (int i = 0; i < r->n; i++)
        if (!seen_before(r, i, false))
            file_section(out, r, i);
    sb_puts(out, "</main>\n<footer>fsrace " FSRACE_VERSION "</footer>\n<script>");
    sb_puts(out, html_js);
    sb_puts(out, "</script>\n</body></html>\n");
    free(items);
    free(order);
}
