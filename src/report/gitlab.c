/* gitlab.c - a GitLab Code Quality report (the CodeClimate-style JSON
 * array GitLab shows in merge requests): per finding its description,
 * check_name (the rule), a fingerprint, a severity among info, minor,
 * major, critical and blocker, and location.path / location.lines.begin.
 * tests/report_tests.py checks it against a JSON schema of the fields
 * GitLab documents. Suppressed findings are left out: GitLab has no
 * notion of them. */
#include <stdlib.h>
#include <string.h>

#include "../rules/rules.h"
#include "report.h"

/* GitHub's security-severity bands (low, medium, high, critical) in
 * GitLab's words: a rule at 7.0 is "critical", at 5.0 "major". */
static const char *gitlab_severity(const Rule *rule)
{
    double s = strtod(rule->security_severity, NULL);
    return s >= 9.0 ? "blocker" : s >= 7.0 ? "critical" : s >= 4.0 ? "major"
         : s > 0.0  ? "minor"   : "info";
}

/* A path relative to the working directory (the repository root, where
 * GitLab's jobs run), when it lies inside it. */
static const char *relative_path(const char *file, const char *cwd)
{
    size_t n = cwd ? strlen(cwd) : 0;
    if (n && !strncmp(file, cwd, n) && file[n] == '/')
        return file + n + 1;
    return file;
}

static void issue(StrBuf *out, const Reported *it, const char *cwd)
{
    const Finding *f = it->f;
    const char *path = relative_path(f->loc.file, cwd);
    sb_puts(out, "  {\"type\": \"issue\", \"engine_name\": \"fsrace\", \"check_name\": ");
    sb_json_string(out, f->rule->id);
    sb_puts(out, ",\n   \"description\": ");
    sb_json_string(out, f->message);
    /* The finding's fingerprint is unique within its file (docs/output.md). */
    StrBuf fp = {0};
    sb_printf(&fp, "%s:%s", path, it->fingerprint);
    sb_puts(out, ",\n   \"fingerprint\": ");
    sb_json_string(out, sb_str(&fp));
    sb_free(&fp);
    sb_printf(out, ", \"severity\": \"%s\", \"categories\": [\"Security\"],\n"
                   "   \"location\": {\"path\": ", gitlab_severity(f->rule));
    sb_json_string(out, path);
    sb_printf(out, ", \"lines\": {\"begin\": %u}}}", f->loc.line ? f->loc.line : 1);
}

void report_gitlab(StrBuf *out, const Report *r)
{
    sb_puts(out, "[");
    int shown = 0;
    for (int i = 0; i < r->n; i++) {
        if (r->items[i].suppressed)
            continue;
        sb_puts(out, shown++ ? ",\n" : "\n");
        issue(out, &r->items[i], r->cwd);
    }
    sb_puts(out, shown ? "\n]\n" : "]\n");
}
