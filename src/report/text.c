/* text.c - GCC/clang-style diagnostics:
 *
 *   race.c:5:12: warning: open() of 'p' after access() checked it ... [toctou-check-use]
 *       5 |     return open(p, O_RDONLY);
 *         |            ^
 *   race.c:4:7: note: 'p' checked here by access()
 */
#include <string.h>

#include "../rules/rules.h"
#include "report.h"

static void excerpt(StrBuf *out, SrcLoc loc)
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
    sb_puts(out, "^\n");
}

static void diagnostic(StrBuf *out, SrcLoc loc, const char *level, const char *msg,
                       const char *rule_id)
{
    sb_printf(out, "%s:%u:%u: %s: %s", loc.file, loc.line, loc.col, level, msg);
    if (rule_id)
        sb_printf(out, " [%s]", rule_id);
    sb_putc(out, '\n');
    excerpt(out, loc);
}

void report_text(StrBuf *out, const Report *r)
{
    for (int i = 0; i < r->n; i++) {
        const Finding *f = r->items[i];
        diagnostic(out, f->loc, severity_name(f->rule->severity), f->message, f->rule->id);
        for (int k = 0; k < f->nnotes; k++)
            diagnostic(out, f->notes[k].loc, "note", f->notes[k].message, NULL);
    }
    sb_printf(out, "fsrace: %d finding%s in %d file%s analysed", r->n, r->n == 1 ? "" : "s",
              r->files_analysed, r->files_analysed == 1 ? "" : "s");
    if (r->files_failed)
        sb_printf(out, "; %d file%s not completely analysed", r->files_failed,
                  r->files_failed == 1 ? "" : "s");
    sb_puts(out, "\n");
}
