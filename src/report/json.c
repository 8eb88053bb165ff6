/* json.c - findings as JSON, schema version 1 (docs/output.md, and the
 * JSON Schema docs/fsrace-output.schema.json):
 * {"version": 1, "tool": {...}, "findings": [{"rule", "severity",
 *  "message", "file", "line", "column", "end_column", "function",
 *  "fingerprint", "notes": [...], "risk": {"level", "reasons": [...]},
 *  "fix"?, "suppressed"?}], counts}
 * New fields may be added within a version; none may change meaning. */
#include "../analysis/risk.h"
#include "../rules/rules.h"
#include "../version.h"
#include "report.h"

static void location_fields(StrBuf *out, SrcLoc loc)
{
    sb_puts(out, "\"file\": ");
    sb_json_string(out, loc.file);
    sb_printf(out, ", \"line\": %u, \"column\": %u", loc.line, loc.col);
}

static void notes(StrBuf *out, const Finding *f)
{
    sb_puts(out, ",\n     \"notes\": [");
    for (int k = 0; k < f->nnotes; k++) {
        sb_puts(out, k ? ", {\"message\": " : "{\"message\": ");
        sb_json_string(out, f->notes[k].message);
        sb_puts(out, ", ");
        location_fields(out, f->notes[k].loc);
        sb_puts(out, "}");
    }
    sb_puts(out, "]");
}

static const char *effect_name(int weight)
{
    return weight > 0 ? "raises" : weight < 0 ? "lowers" : "neutral";
}

static void risk(StrBuf *out, const Finding *f)
{
    sb_printf(out, ",\n     \"risk\": {\"level\": \"%s\", \"reasons\": [", risk_name(f->risk));
    for (int k = 0; k < f->nreasons; k++) {
        const RiskReason *r = &f->reasons[k];
        sb_puts(out, k ? ", {\"reason\": " : "{\"reason\": ");
        sb_json_string(out, r->text);
        sb_printf(out, ", \"effect\": \"%s\", ", effect_name(r->weight));
        location_fields(out, r->loc);
        sb_puts(out, "}");
    }
    sb_puts(out, "]}");
}

static void fix(StrBuf *out, const Finding *f)
{
    const SrcRegion *g = &f->fix_region;
    sb_puts(out, ",\n     \"fix\": {\"replacement\": ");
    sb_json_string(out, f->fix_replacement);
    sb_puts(out, ", ");
    SrcLoc start = g->start;
    if (!start.file)
        start.file = f->loc.file;
    location_fields(out, start);
    sb_printf(out, ", \"end_line\": %u, \"end_column\": %u}", g->end_line, g->end_col);
}

static void finding(StrBuf *out, const Reported *it)
{
    const Finding *f = it->f;
    sb_puts(out, "    {\"rule\": ");
    sb_json_string(out, f->rule->id);
    sb_puts(out, ", \"severity\": ");
    sb_json_string(out, severity_name(f->rule->severity));
    sb_puts(out, ", \"message\": ");
    sb_json_string(out, f->message);
    sb_puts(out, ",\n     ");
    location_fields(out, f->loc);
    sb_printf(out, ", \"end_column\": %u, \"function\": ", source_token_end(f->loc));
    sb_json_string(out, f->function ? f->function : "");
    sb_puts(out, ", \"fingerprint\": ");
    sb_json_string(out, it->fingerprint);
    notes(out, f);
    risk(out, f);
    if (f->fix_replacement)
        fix(out, f);
    if (it->suppressed) {
        sb_puts(out, ",\n     \"suppressed\": {\"reason\": ");
        sb_json_string(out, it->suppressed);
        sb_puts(out, "}");
    }
    sb_puts(out, "}");
}

void report_json(StrBuf *out, const Report *r)
{
    sb_puts(out, "{\"version\": 1, \"tool\": {\"name\": \"fsrace\", \"version\": \"" FSRACE_VERSION
                 "\"},\n \"findings\": [\n");
    for (int i = 0; i < r->n; i++) {
        finding(out, &r->items[i]);
        sb_puts(out, i + 1 < r->n ? ",\n" : "\n");
    }
    sb_printf(out, " ],\n \"files_analysed\": %d, \"files_failed\": %d,"
                   " \"suppressed\": %d, \"baselined\": %d,\n \"min_risk\": \"%s\","
                   " \"below_min_risk\": %d}\n",
              r->files_analysed, r->files_failed, r->suppressed, r->baselined,
              risk_name(r->min_risk), r->below_min_risk);
}
