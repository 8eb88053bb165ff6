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
#include "html_text.h"
#include "report.h"

enum { CONTEXT = 2, JOIN_GAP = 8 };

/* A step of a finding's path: a check (note) or the use. */
typedef struct Step {
    SrcLoc loc;
    const char *message;    /* NULL for the finding's own step: its message heads it */
    StepRole role;          /* its label: check, open, create, lock, use... */
    bool use;               /* the finding's own step (the last) */
} Step;

static int steps_of(const Finding *f, Step *steps, int max)
{
    int n = 0;
    for (int k = 0; k < f->nnotes && n < max - 1; k++)
        steps[n++] = (Step){f->notes[k].loc, f->notes[k].message, f->notes[k].role, false};
    steps[n++] = (Step){f->loc, NULL, f->role, true};
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
        html_escape_n(out, text, len);
        sb_puts(out, "</span>");
        return;
    }
    sb_printf(out, "<span class=\"line %s\"><span class=\"ln\">%u</span> ",
              step->use ? "use" : "check", n);   /* the finding's line, or an earlier step's */
    size_t col = step->loc.col ? step->loc.col - 1 : 0, end = source_token_end(step->loc) - 1;
    col = col > len ? len : col;
    end = end > len ? len : end < col ? col : end;
    html_escape_n(out, text, col);
    sb_puts(out, "<b class=\"tok\">");
    html_escape_n(out, text + col, end - col);
    sb_puts(out, "</b>");
    html_escape_n(out, text + end, len - end);
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
    html_escape(out, file);
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

/* The numbered steps, each labelled by its role; the finding's own step
 * has no text of its own (its message is the heading above). */
static void path_list(StrBuf *out, const Step *steps, int n)
{
    sb_puts(out, "<ol class=\"path\">\n");
    for (int i = 0; i < n; i++) {
        sb_printf(out, "<li class=\"%s\" data-role=\"%s\"><span class=\"kind\">%s</span> "
                       "<span class=\"loc\">",
                  steps[i].use ? "use" : "check", step_role_name(steps[i].role),
                  step_role_name(steps[i].role));
        html_escape(out, steps[i].loc.file);
        sb_printf(out, ":%u:%u</span>", steps[i].loc.line, steps[i].loc.col);
        if (steps[i].message) {
            sb_putc(out, ' ');
            html_escape(out, steps[i].message);
        }
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
        html_escape(out, r->text);
        sb_puts(out, " <span class=\"where\">");
        html_escape(out, r->loc.file ? r->loc.file : "");
        sb_printf(out, ":%u</span></li>", r->loc.line);
    }
    sb_puts(out, "</ul>\n");
}

/* The line(s) of fix_region as they are, then as the fix makes them. */
static void fix_lines(StrBuf *out, const char *file, const SrcRegion *g, const char *text)
{
    size_t len;
    StrBuf after = {0};
    for (unsigned n = g->start.line; n <= g->end_line; n++) {
        const char *line = source_line(file, n, &len);
        if (!line)
            break;
        sb_printf(out, "<span class=\"line del\"><span class=\"ln\">%u</span>-", n);
        html_escape_n(out, line, len);
        sb_puts(out, "</span>");
        if (n == g->start.line)
            sb_putn(&after, line, g->start.col - 1 < len ? g->start.col - 1 : len);
        if (n == g->start.line)
            sb_puts(&after, text);
        if (n == g->end_line && g->end_col - 1 <= len)
            sb_putn(&after, line + g->end_col - 1, len - (g->end_col - 1));
    }
    for (const char *rest = sb_str(&after);;) {
        size_t k = strcspn(rest, "\n");
        sb_puts(out, "<span class=\"line add\"><span class=\"ln\"></span>+");
        html_escape_n(out, rest, k);
        sb_puts(out, "</span>");
        if (!rest[k])
            break;
        rest += k + 1;
    }
    sb_free(&after);
}

/* The finding's machine-applicable fix (what --fix would apply), as a diff. */
static void fix_block(StrBuf *out, const Finding *f)
{
    const SrcRegion *g = &f->fix_region;
    const char *file = g->start.file ? g->start.file : f->loc.file;
    size_t len;
    if (!g->start.line || !source_line(file, g->start.line, &len))
        return;
    sb_puts(out, "<div class=\"excerpt fix\"><div class=\"where\">fix: ");
    html_escape(out, file);
    sb_puts(out, " (fsrace --fix applies it)</div><pre><code>");
    fix_lines(out, file, g, f->fix_replacement);
    sb_puts(out, "</code></pre></div>\n");
}

static void finding(StrBuf *out, const Reported *it, int index)
{
    const Finding *f = it->f;
    const char *sev = severity_name(f->rule->severity), *risk = risk_name(f->risk);
    sb_printf(out, "<article class=\"finding\" id=\"finding-%d\" data-rule=\"", index + 1);
    html_escape(out, f->rule->id);
    sb_printf(out, "\" data-severity=\"%s\" data-risk=\"%s\" data-status=\"%s\">\n"
                   "<h4><span class=\"sev %s\">%s</span> <span class=\"risk %s\">%s risk</span> ",
              sev, risk, it->suppressed ? "suppressed" : "active", sev, sev, risk, risk);
    html_escape(out, f->message);
    sb_puts(out, "</h4>\n<p class=\"meta\">in <code>");
    html_escape(out, f->function ? f->function : "?");
    sb_printf(out, "()</code>, line %u &middot; fingerprint <code>%s</code>", f->loc.line,
              it->fingerprint);
    if (it->suppressed) {
        sb_puts(out, " &middot; <span class=\"suppressed\">suppressed: ");
        html_escape(out, *it->suppressed ? it->suppressed : "(no reason given)");
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
    if (f->fix_replacement)
        fix_block(out, f);
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
    html_escape(out, f0->rule->id);
    sb_puts(out, "\"><h3><a class=\"rule-help\" href=\"#help-");
    html_escape(out, f0->rule->id);
    sb_puts(out, "\">");
    html_escape(out, f0->rule->id);
    sb_printf(out, "</a> <small>%s &middot; CERT %s &middot; ", f0->rule->cwe, f0->rule->cert);
    html_escape(out, f0->rule->summary);
    sb_puts(out, "</small></h3>\n");
    for (int i = first; i < r->n; i++)
        if (r->items[i].f->rule == f0->rule && !strcmp(r->items[i].f->loc.file, f0->loc.file))
            finding(out, &r->items[i], i);
    sb_puts(out, "</section>\n");
}

static void file_section(StrBuf *out, const Report *r, int first)
{
    sb_puts(out, "<section class=\"file\"><h2>");
    html_escape(out, r->items[first].f->loc.file);
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
    html_escape(out, value);
    sb_puts(out, "\" checked> ");
    html_escape(out, value);
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

/* Each reported rule's help (its --explain text), where its groups link. */
static void rule_help(StrBuf *out, const Report *r)
{
    int n;
    const Rule *all = rules_all(&n);
    sb_puts(out, "<section class=\"helps\"><h2>The rules</h2>\n");
    for (int i = 0; i < n; i++) {
        const char *md = rules_help_markdown(all[i].id);
        if (!count(r, "rule", all[i].id) || !md)
            continue;
        sb_puts(out, "<section class=\"help\" id=\"help-");
        html_escape(out, all[i].id);
        sb_puts(out, "\">\n");
        html_markdown(out, md);
        sb_puts(out, "</section>\n");
    }
    sb_puts(out, "</section>\n");
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
    if (r->n)
        rule_help(out, r);
    sb_puts(out, "</main>\n<footer>fsrace " FSRACE_VERSION "</footer>\n<script>");
    sb_puts(out, html_js);
    sb_puts(out, "</script>\n</body></html>\n");
    free(items);
    free(order);
}
