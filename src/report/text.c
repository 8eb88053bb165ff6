/* text.c - GCC/clang-style diagnostics:
 *
 *   race.c:5:12: warning: open() of 'p' after access() checked it ... [toctou-check-use]
 *       5 |     return open(p, O_RDONLY);
 *         |            ^
 *   race.c:4:7: note: 'p' checked here by access()
 *
 * With colours (a terminal, or --color=always) as clang draws them: the
 * location and message bold, "warning:" magenta, "note:" cyan, the caret
 * green, so that the eye finds the level and the column at once. */
#include <string.h>

#include "../analysis/risk.h"
#include "../rules/rules.h"
#include "report.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *level_color(const char *level)
{
    if (!strcmp(level, "error"))
        return "\033[1;31m";
    if (!strcmp(level, "warning"))
        return "\033[1;35m";
    return "\033[1;36m";   /* note */
}

static void excerpt(StrBuf *out, SrcLoc loc, bool color)
{
    size_t len;
    const char *line = source_line(loc.file, loc.line, &len);
    if (!line)
        return;
    sb_printf(out, "%5u | ", loc.line);
    sb_putn(out, line, len);
    sb_puts(out, "\n      | ");
    /* Keep tabs so the caret lines up under the same column. */
    for (unsigned i = 1; i < loc.col && i - 1 < len; i++)
        sb_putc(out, line[i - 1] == '\t' ? '\t' : ' ');
    sb_puts(out, color ? "\033[1;32m^" RESET "\n" : "^\n");
}

/* " [risk: high: reason; reason]" */
static const char *risk_tag(StrBuf *b, const Finding *f)
{
    sb_printf(b, " [risk: %s", risk_name(f->risk));
    for (int k = 0; k < f->nreasons; k++)
        sb_printf(b, "%s%s", k ? "; " : ": ", f->reasons[k].text);
    sb_puts(b, "]");
    return sb_str(b);
}

static void diagnostic(StrBuf *out, SrcLoc loc, const char *level, const char *msg,
                       const char *rule_id, const char *risk, bool color)
{
    if (color)
        sb_printf(out, BOLD "%s:%u:%u: " RESET "%s%s:" RESET " " BOLD "%s", loc.file, loc.line,
                  loc.col, level_color(level), level, msg);
    else
        sb_printf(out, "%s:%u:%u: %s: %s", loc.file, loc.line, loc.col, level, msg);
    if (rule_id)
        sb_printf(out, " [%s]", rule_id);
    if (risk)
        sb_puts(out, risk);
    sb_puts(out, color ? RESET "\n" : "\n");
}

/* A machine-applicable fix, as a note quoting what it replaces. */
static void fix_note(StrBuf *out, const Finding *f, bool color)
{
    const SrcRegion *g = &f->fix_region;
    size_t len;
    const char *line = f->fix_replacement ? source_line(g->start.file, g->start.line, &len)
                                          : NULL;
    if (!line || g->end_line != g->start.line || g->end_col < g->start.col ||
        g->end_col - 1 > len)
        return;
    const char *msg = NULL;
    StrBuf b = {0};
    if (g->end_col == g->start.col) {
        sb_printf(&b, "fix: insert '%s'", f->fix_replacement);
    } else {
        sb_puts(&b, "fix: replace '");
        sb_putn(&b, line + g->start.col - 1, g->end_col - g->start.col);
        sb_printf(&b, "' with '%s'", f->fix_replacement);
    }
    msg = sb_str(&b);
    diagnostic(out, g->start, "note", msg, NULL, NULL, color);
    sb_free(&b);
}

static void finding(StrBuf *out, const Reported *it, bool color)
{
    const Finding *f = it->f;
    StrBuf tag = {0};
    diagnostic(out, f->loc, severity_name(f->rule->severity), f->message, f->rule->id,
               risk_tag(&tag, f), color);
    sb_free(&tag);
    if (it->suppressed)
        sb_printf(out, "      = suppressed: %s\n", *it->suppressed ? it->suppressed
                                                                 : "(no reason given)");
    excerpt(out, f->loc, color);
    fix_note(out, f, color);
    for (int k = 0; k < f->nnotes; k++) {
        diagnostic(out, f->notes[k].loc, "note", f->notes[k].message, NULL, NULL, color);
        excerpt(out, f->notes[k].loc, color);
    }
    /* Each reason points at the code that shows it. */
    for (int k = 0; k < f->nreasons; k++) {
        const RiskReason *r = &f->reasons[k];
        StrBuf b = {0};
        sb_printf(&b, "risk %s: %s", r->weight > 0 ? "raised" : r->weight < 0 ? "lowered" : "set",
                  r->text);
        diagnostic(out, r->loc, "note", sb_str(&b), NULL, NULL, color);
        sb_free(&b);
    }
}

static void plural(StrBuf *out, int n, const char *what)
{
    sb_printf(out, "%d %s%s", n, what, n == 1 ? "" : "s");
}

void report_text(StrBuf *out, const Report *r)
{
    for (int i = 0; i < r->n; i++)
        finding(out, &r->items[i], r->color);
    sb_puts(out, "fsrace: ");
    plural(out, report_active(r), "finding");
    sb_puts(out, " in ");
    plural(out, r->files_analysed, "file");
    sb_puts(out, " analysed");
    if (r->suppressed)
        sb_printf(out, "; %d suppressed", r->suppressed);
    if (r->baselined)
        sb_printf(out, "; %d in the baseline", r->baselined);
    if (r->below_min_risk)
        sb_printf(out, "; %d %s-risk finding%s not shown (--min-risk low shows them)",
                  r->below_min_risk, r->min_risk == RISK_HIGH ? "lower" : "low",
                  r->below_min_risk == 1 ? "" : "s");
    if (r->files_failed) {
        sb_puts(out, "; ");
        plural(out, r->files_failed, "file");
        sb_puts(out, " not completely analysed");
    }
    sb_puts(out, "\n");
}
