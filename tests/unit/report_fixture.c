/* report_fixture.c - prints a report of one made-up finding that carries a
 * machine-applicable fix, so the tests can validate the SARIF "fixes" and
 * JSON "fix" output that no rule produces yet.
 *
 *   report_fixture json|sarif|text|html FILE
 *
 * FILE must hold tests/bad_input.py's RACE_C: the use is open() at 5:12,
 * the check access() at 4:7, in f() at 3:5. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../src/report/report.h"
#include "../../src/rules/rules.h"

static void format(const char *name, StrBuf *out, const Report *r)
{
    if (!strcmp(name, "json"))
        report_json(out, r);
    else if (!strcmp(name, "sarif"))
        report_sarif(out, r);
    else if (!strcmp(name, "html"))
        report_html(out, r);
    else
        report_text(out, r);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: report_fixture json|sarif|text|html FILE\n", stderr);
        return 2;
    }
    const char *file = argv[2];
    int n;
    const Rule *rule = rules_find("toctou-check-use");
    if (!rule)
        rule = rules_all(&n);
    Arena arena = {0};
    Findings fs = {.arena = &arena};
    Function fn = {.name = "f", .loc = {file, 3, 5}};
    Finding *f = finding_add(&fs, rule, &fn, (SrcLoc){file, 5, 12},
                             "open() of 'p' after access() checked it");
    finding_note(&fs, f, (SrcLoc){file, 4, 7}, "'p' checked here by access()");
    f->fix_replacement = "open(p, O_RDONLY | O_NOFOLLOW)";
    f->fix_region = (SrcRegion){{file, 5, 12}, 5, 29};
    Reported item = {.f = f};
    fingerprints_compute(&item, 1);
    char cwd[4096];
    Report r = {.items = &item, .n = 1, .files_analysed = 1,
                .cwd = getcwd(cwd, sizeof cwd) ? cwd : NULL};
    StrBuf out = {0};
    format(argv[1], &out, &r);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
    source_lines_free();
    arena_free(&arena);
    return 0;
}
