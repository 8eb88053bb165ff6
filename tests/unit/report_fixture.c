/* report_fixture.c - prints a report of one made-up finding that carries a
 * machine-applicable fix, so the tests can validate the SARIF "fixes" and
 * JSON "fix" output, and --fix refusing overlapping edits.
 *
 *   report_fixture json|sarif|text|html FILE
 *   report_fixture overlap FILE   (--fix with two overlapping edits: the
 *                                 log on stderr, exit 2 when refused)
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
    Finding *g = finding_add(&fs, rule, &fn, (SrcLoc){file, 5, 12}, "an overlapping fix");
    g->fix_replacement = "O_WRONLY";
    g->fix_region = (SrcRegion){{file, 5, 20}, 5, 28};
    f = &fs.items[0];
    Reported items[2] = {{.f = f}, {.f = g}};
    bool overlap = !strcmp(argv[1], "overlap");
    fingerprints_compute(items, overlap ? 2 : 1);
    char cwd[4096];
    Report r = {.items = items, .n = overlap ? 2 : 1, .files_analysed = 1,
                .cwd = getcwd(cwd, sizeof cwd) ? cwd : NULL};
    StrBuf out = {0};
    bool ok = true;
    if (overlap)
        ok = fixes_apply(&r, &out);
    else
        format(argv[1], &out, &r);
    fputs(sb_str(&out), overlap ? stderr : stdout);
    sb_free(&out);
    source_lines_free();
    arena_free(&arena);
    return ok ? 0 : 2;
}
