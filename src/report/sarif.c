/* sarif.c - SARIF 2.1.0 for GitHub code scanning: the rules with their
 * descriptions, help and tags (security, external/cwe/cwe-NNN), results
 * with one primary location and the check as a related location.
 * Paths inside the working directory are relative, against %SRCROOT%. */
#include <ctype.h>
#include <string.h>

#include "../rules/rules.h"
#include "../version.h"
#include "report.h"

/* Percent-encode a path into a URI reference. */
static void uri(StrBuf *out, const char *path)
{
    if (path[0] == '/')
        sb_puts(out, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (isalnum(*p) || strchr("/-._~", *p))
            sb_putc(out, (char)*p);
        else
            sb_printf(out, "%%%02X", *p);
    }
}

static void physical_location(StrBuf *out, SrcLoc loc)
{
    sb_puts(out, "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"");
    uri(out, loc.file);
    sb_puts(out, "\"");
    if (loc.file[0] != '/')
        sb_puts(out, ", \"uriBaseId\": \"%SRCROOT%\"");
    sb_printf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}", loc.line,
              loc.col ? loc.col : 1);
}

static void rule_descriptor(StrBuf *out, const Rule *r)
{
    sb_puts(out, "        {\"id\": ");
    sb_json_string(out, r->id);
    sb_puts(out, ", \"name\": ");
    sb_json_string(out, r->name);
    sb_puts(out, ",\n         \"shortDescription\": {\"text\": ");
    sb_json_string(out, r->summary);
    sb_puts(out, "},\n         \"fullDescription\": {\"text\": ");
    sb_json_string(out, r->help);
    sb_puts(out, "},\n         \"help\": {\"text\": ");
    sb_json_string(out, r->help);
    sb_printf(out, "},\n         \"defaultConfiguration\": {\"level\": \"%s\"},",
              severity_name(r->severity));
    sb_puts(out, "\n         \"properties\": {\"tags\": [\"security\", \"external/cwe/");
    for (const char *c = r->cwe; *c; c++)
        sb_putc(out, (char)tolower((unsigned char)*c));
    sb_printf(out, "\"], \"security-severity\": \"%s\", \"precision\": \"high\"}}",
              r->security_severity);
}

static int rule_index(const Rule *rule)
{
    int n;
    const Rule *all = rules_all(&n);
    return (int)(rule - all);
}

static void result(StrBuf *out, const Finding *f)
{
    sb_puts(out, "        {\"ruleId\": ");
    sb_json_string(out, f->rule->id);
    sb_printf(out, ", \"ruleIndex\": %d, \"level\": \"%s\",\n         \"message\": {\"text\": ",
              rule_index(f->rule), severity_name(f->rule->severity));
    sb_json_string(out, f->message);
    sb_puts(out, "},\n         \"locations\": [");
    physical_location(out, f->loc);
    sb_puts(out, "}]");
    if (f->nnotes) {
        sb_puts(out, ",\n         \"relatedLocations\": [");
        for (int k = 0; k < f->nnotes; k++) {
            sb_printf(out, "%s{\"id\": %d, \"message\": {\"text\": ", k ? ", " : "", k + 1);
            sb_json_string(out, f->notes[k].message);
            sb_puts(out, "}, ");
            /* physical_location opens an object we merge into this one */
            StrBuf loc = {0};
            physical_location(&loc, f->notes[k].loc);
            sb_puts(out, sb_str(&loc) + 1);   /* skip its leading '{' */
            sb_free(&loc);
        }
        sb_puts(out, "]");
    }
    sb_puts(out, "}");
}

void report_sarif(StrBuf *out, const Report *r)
{
    sb_puts(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                 "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
                 "    \"tool\": {\"driver\": {\"name\": \"fsrace\", \"version\": \"" FSRACE_VERSION
                 "\", \"semanticVersion\": \"" FSRACE_VERSION "\",\n      \"rules\": [\n");
    int n;
    const Rule *all = rules_all(&n);
    for (int i = 0; i < n; i++) {
        rule_descriptor(out, &all[i]);
        sb_puts(out, i + 1 < n ? ",\n" : "\n");
    }
    sb_puts(out, "      ]}},\n    \"columnKind\": \"utf16CodeUnits\",\n    \"results\": [\n");
    for (int i = 0; i < r->n; i++) {
        result(out, r->items[i]);
        sb_puts(out, i + 1 < r->n ? ",\n" : "\n");
    }
    sb_puts(out, "    ]\n  }]\n}\n");
}
