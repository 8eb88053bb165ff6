/* sarif.c - SARIF 2.1.0 as GitHub code scanning takes it: every rule with
 * descriptions, help with the fix, tags (security, external/cwe/cwe-NNN)
 * and security-severity; every result with a full region, a fingerprint
 * that survives unrelated edits (partialFingerprints), the check as a
 * related location, the check-then-use path as a code flow, and a fix
 * when the finding has one. Paths inside the working directory are
 * relative to %SRCROOT%, which originalUriBaseIds maps to it.
 * Validated in CI by Microsoft's SARIF multitool (tests/report_tests.py). */
#include <ctype.h>
#include <string.h>

#include "../analysis/risk.h"
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

static void artifact_location(StrBuf *out, const char *file)
{
    sb_puts(out, "{\"uri\": \"");
    uri(out, file);
    sb_puts(out, "\"");
    if (file[0] != '/')
        sb_puts(out, ", \"uriBaseId\": \"%SRCROOT%\"");
    sb_puts(out, "}");
}

/* Columns are UTF-16 code units (the default columnKind); the region ends
 * after the call's name, the one token clang's location points at. */
static void region(StrBuf *out, SrcLoc loc)
{
    unsigned line = loc.line ? loc.line : 1, col = loc.col ? loc.col : 1;
    SrcLoc at = {loc.file, line, col};
    unsigned end = source_token_end(at);
    sb_printf(out, "{\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u",
              line, source_utf16_col(loc.file, line, col), line,
              source_utf16_col(loc.file, line, end));
    size_t len;
    const char *text = source_line(loc.file, line, &len);
    if (text && end - 1 <= len) {
        StrBuf snippet = {0};
        sb_putn(&snippet, text + col - 1, end - col);
        sb_puts(out, ", \"snippet\": {\"text\": ");
        sb_json_string(out, sb_str(&snippet));
        sb_puts(out, "}");
        sb_free(&snippet);
    }
    sb_puts(out, "}");
}

/* A few lines around loc with their text, so that a viewer without the
 * checkout (or after the file changed) still shows the code. */
static void context_region(StrBuf *out, SrcLoc loc)
{
    enum { CONTEXT = 2 };
    unsigned first = loc.line > CONTEXT ? loc.line - CONTEXT : 1, last = first;
    StrBuf text = {0};
    size_t len;
    for (unsigned n = first; n <= loc.line + CONTEXT; n++) {
        const char *line = source_line(loc.file, n, &len);
        if (!line)
            break;
        sb_putn(&text, line, len);
        sb_putc(&text, '\n');
        last = n;
    }
    sb_printf(out, ", \"contextRegion\": {\"startLine\": %u, \"endLine\": %u, "
                   "\"snippet\": {\"text\": ", first, last);
    sb_json_string(out, sb_str(&text));
    sb_puts(out, "}}");
    sb_free(&text);
}

/* The "physicalLocation" member of a location object. */
static void physical_location(StrBuf *out, SrcLoc loc)
{
    sb_puts(out, "\"physicalLocation\": {\"artifactLocation\": ");
    artifact_location(out, loc.file);
    sb_puts(out, ", \"region\": ");
    region(out, loc);
    size_t len;
    if (loc.line && source_line(loc.file, loc.line, &len))
        context_region(out, loc);
    sb_puts(out, "}");
}

static void message(StrBuf *out, const char *text)
{
    sb_puts(out, "\"message\": {\"text\": ");
    sb_json_string(out, text);
    sb_puts(out, "}");
}

/* "toctou_check_use" as "ToctouCheckUse": SARIF wants Pascal-case names. */
static void pascal_case(StrBuf *out, const char *s)
{
    sb_putc(out, '"');
    for (bool up = true; *s; s++) {
        if (*s == '_' || *s == '-') {
            up = true;
            continue;
        }
        sb_putc(out, (char)(up ? toupper((unsigned char)*s) : *s));
        up = false;
    }
    sb_putc(out, '"');
}

static void lowercase(StrBuf *out, const char *s)
{
    for (; *s; s++)
        sb_putc(out, (char)tolower((unsigned char)*s));
}

/* base + path + anchor as a JSON string, with one '/' between base and
 * path (base is the URL the user gave: --help-uri-base). */
static void doc_uri(StrBuf *out, const char *base, const char *path, const char *anchor)
{
    StrBuf u = {0};
    sb_puts(&u, base);
    if (!*base || base[strlen(base) - 1] != '/')
        sb_putc(&u, '/');
    sb_puts(&u, path);
    if (anchor)
        sb_printf(&u, "#%s", anchor);
    sb_json_string(out, sb_str(&u));
    sb_free(&u);
}

static void rule_descriptor(StrBuf *out, const Rule *r, const char *help_uri_base)
{
    sb_puts(out, "        {\"id\": ");
    sb_json_string(out, r->id);
    sb_puts(out, ", \"name\": ");
    pascal_case(out, r->name);
    sb_puts(out, ",\n         \"shortDescription\": {\"text\": ");
    sb_json_string(out, r->summary);
    sb_puts(out, "},\n         \"fullDescription\": {\"text\": ");
    sb_json_string(out, r->help);
    sb_puts(out, "},\n         \"help\": {\"text\": ");
    sb_json_string(out, r->help);
    /* The same text as --explain and docs/rules.md: src/rules/help/ID.md. */
    const char *markdown = rules_help_markdown(r->id);
    sb_puts(out, ", \"markdown\": ");
    sb_json_string(out, markdown ? markdown : r->help);
    sb_puts(out, "},");
    if (help_uri_base) {
        sb_puts(out, "\n         \"helpUri\": ");
        doc_uri(out, help_uri_base, "docs/rules.md", r->id);
        sb_puts(out, ",");
    }
    sb_printf(out, "\n         \"defaultConfiguration\": {\"level\": \"%s\", \"enabled\": %s},",
              severity_name(r->severity), r->on_by_default ? "true" : "false");
    sb_puts(out, "\n         \"properties\": {\"tags\": [\"security\", \"external/cwe/");
    lowercase(out, r->cwe);
    sb_printf(out, "\"], \"security-severity\": \"%s\", \"precision\": \"high\", "
                   "\"problem.severity\": \"%s\"}}",
              r->security_severity, severity_name(r->severity));
}

static int rule_index(const Rule *rule)
{
    int n;
    const Rule *all = rules_all(&n);
    return (int)(rule - all);
}

static void related_locations(StrBuf *out, const Finding *f)
{
    sb_puts(out, ",\n         \"relatedLocations\": [");
    for (int k = 0; k < f->nnotes; k++) {
        sb_printf(out, "%s{\"id\": %d, ", k ? ", " : "", k + 1);
        physical_location(out, f->notes[k].loc);
        sb_puts(out, ", ");
        message(out, f->notes[k].message);
        sb_puts(out, "}");
    }
    sb_puts(out, "]");
}

static void flow_step(StrBuf *out, SrcLoc loc, const char *text, bool last)
{
    sb_puts(out, "{\"location\": {");
    physical_location(out, loc);
    sb_puts(out, ", ");
    message(out, text);
    sb_printf(out, "}, \"importance\": \"%s\"}", last ? "essential" : "important");
}

/* One thread flow: each check (the notes, in order), then the use. */
static void code_flows(StrBuf *out, const Finding *f)
{
    sb_puts(out, ",\n         \"codeFlows\": [{\"threadFlows\": [{\"locations\": [");
    for (int k = 0; k < f->nnotes; k++) {
        flow_step(out, f->notes[k].loc, f->notes[k].message, false);
        sb_puts(out, ", ");
    }
    flow_step(out, f->loc, f->message, true);
    sb_puts(out, "]}]}]");
}

static void fixes(StrBuf *out, const Finding *f)
{
    const SrcRegion *g = &f->fix_region;
    const char *file = g->start.file ? g->start.file : f->loc.file;
    sb_puts(out, ",\n         \"fixes\": [{\"description\": {\"text\": \"Apply fsrace's fix\"}, "
                 "\"artifactChanges\": [{\"artifactLocation\": ");
    artifact_location(out, file);
    sb_printf(out, ", \"replacements\": [{\"deletedRegion\": {\"startLine\": %u, "
                   "\"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u}, "
                   "\"insertedContent\": {\"text\": ",
              g->start.line, source_utf16_col(file, g->start.line, g->start.col), g->end_line,
              source_utf16_col(file, g->end_line, g->end_col));
    sb_json_string(out, f->fix_replacement);
    sb_puts(out, "}}]}]}]");
}

static void suppressions(StrBuf *out, const char *reason)
{
    sb_puts(out, ",\n         \"suppressions\": [{\"kind\": \"inSource\"");
    if (*reason) {
        sb_puts(out, ", \"justification\": ");
        sb_json_string(out, reason);
    }
    sb_puts(out, "}]");
}

/* SARIF's rank (0-100, higher first) and the reasons as a property. */
static void risk(StrBuf *out, const Finding *f)
{
    static const double rank[] = {[RISK_LOW] = 10.0, [RISK_MEDIUM] = 50.0, [RISK_HIGH] = 90.0};
    sb_printf(out, ",\n         \"rank\": %.1f, \"properties\": {\"risk\": \"%s\", "
                   "\"riskReasons\": [", rank[f->risk], risk_name(f->risk));
    for (int k = 0; k < f->nreasons; k++) {
        sb_puts(out, k ? ", " : "");
        sb_json_string(out, f->reasons[k].text);
    }
    sb_puts(out, "]}");
}

static void result(StrBuf *out, const Reported *it)
{
    const Finding *f = it->f;
    sb_puts(out, "        {\"ruleId\": ");
    sb_json_string(out, f->rule->id);
    sb_printf(out, ", \"ruleIndex\": %d, \"level\": \"%s\",\n         ", rule_index(f->rule),
              severity_name(f->rule->severity));
    message(out, f->message);
    sb_puts(out, ",\n         \"locations\": [{");
    physical_location(out, f->loc);
    sb_puts(out, "}],\n         \"partialFingerprints\": {\"primaryLocationLineHash\": ");
    sb_json_string(out, it->fingerprint);
    sb_puts(out, "}");
    if (f->nnotes)
        related_locations(out, f);
    code_flows(out, f);
    if (f->fix_replacement)
        fixes(out, f);
    if (it->suppressed)
        suppressions(out, it->suppressed);
    risk(out, f);
    sb_puts(out, "}");
}

/* Whether the run succeeded, and a notification for each problem with an
 * input (a file that could not be analysed completely, an incomplete
 * function): code scanning shows them as the tool's warnings. */
static void invocations(StrBuf *out, const Report *r)
{
    sb_printf(out, "    \"invocations\": [{\"executionSuccessful\": %s,\n"
                   "      \"toolExecutionNotifications\": [",
              r->trouble ? "false" : "true");
    for (int i = 0; i < r->nrun_notes; i++) {
        const RunNote *n = &r->run_notes[i];
        sb_printf(out, "%s\n        {\"level\": \"%s\", ", i ? "," : "", n->level);
        message(out, n->message);
        sb_puts(out, ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": ");
        artifact_location(out, n->file);
        sb_puts(out, "}}]}");
    }
    sb_puts(out, "]}],\n");
}

/* %SRCROOT% as an absolute file URI ending in '/'. */
static void srcroot(StrBuf *out, const char *cwd)
{
    sb_puts(out, "    \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": \"");
    uri(out, cwd);
    sb_puts(out, cwd[strlen(cwd) - 1] == '/' ? "\"}},\n" : "/\"}},\n");
}

void report_sarif(StrBuf *out, const Report *r)
{
    sb_puts(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                 "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
                 "    \"tool\": {\"driver\": {\"name\": \"fsrace\", \"version\": \"" FSRACE_VERSION
                 "\", \"semanticVersion\": \"" FSRACE_VERSION "\",\n");
    if (r->help_uri_base) {
        sb_puts(out, "      \"informationUri\": ");
        doc_uri(out, r->help_uri_base, "README.md", NULL);
        sb_puts(out, ",\n");
    }
    sb_puts(out, "      \"rules\": [\n");
    int n;
    const Rule *all = rules_all(&n);
    for (int i = 0; i < n; i++) {
        rule_descriptor(out, &all[i], r->help_uri_base);
        sb_puts(out, i + 1 < n ? ",\n" : "\n");
    }
    sb_puts(out, "      ]}},\n");
    invocations(out, r);
    if (r->cwd && r->cwd[0] == '/')
        srcroot(out, r->cwd);
    sb_puts(out, "    \"columnKind\": \"utf16CodeUnits\",\n    \"results\": [\n");
    for (int i = 0; i < r->n; i++) {
        result(out, &r->items[i]);
        sb_puts(out, i + 1 < r->n ? ",\n" : "\n");
    }
    sb_puts(out, "    ]\n  }]\n}\n");
}
