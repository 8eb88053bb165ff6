/* report.h - formatting the findings of a run: text, JSON, SARIF, HTML;
 * their fingerprints, suppression comments and baselines. */
#ifndef FSRACE_REPORT_H
#define FSRACE_REPORT_H
#include <stdbool.h>
#include <sys/stat.h>

#include "../util/strbuf.h"
#include "finding.h"

/* "0123456789abcdef:12": 16 hex digits of the hash, then the occurrence. */
enum { FINGERPRINT_SIZE = 32 };

typedef struct Reported {
    const Finding *f;
    char fingerprint[FINGERPRINT_SIZE];
    const char *suppressed;     /* the comment's reason when suppressed, else NULL */
} Reported;

/* A problem of the run with one input, for SARIF's
 * toolExecutionNotifications: "fsrace: LEVEL: FILE: MESSAGE" on stderr. */
typedef struct RunNote {
    const char *file;       /* the input, as the user named it */
    const char *level;      /* "error" or "warning" */
    const char *message;    /* the stderr line without "fsrace: LEVEL: " */
} RunNote;

typedef struct Report {
    Reported *items;        /* in output order; suppressed ones only if shown */
    int n;
    int files_analysed;     /* translation units analysed */
    int files_failed;       /* could not be (completely) analysed */
    int suppressed;         /* hidden by fsrace-ignore comments */
    int baselined;          /* hidden because the baseline has them */
    RiskLevel min_risk;     /* findings of lower risk are not shown */
    int below_min_risk;     /* hidden for that (not suppressed) */
    bool color;             /* text: ANSI colours */
    const char *cwd;        /* SARIF's %SRCROOT%: relative paths start here */
    bool trouble;           /* the run had trouble (exit status 2) */
    RunNote *run_notes;     /* problems with inputs, in job order */
    int nrun_notes;
    const char *help_uri_base; /* where the docs are published, or NULL */
    Arena arena;            /* suppression reasons */
} Report;

/* Findings that count for the exit status: not suppressed. */
int report_active(const Report *r);

void report_text(StrBuf *out, const Report *r);
void report_json(StrBuf *out, const Report *r);
void report_sarif(StrBuf *out, const Report *r);
void report_html(StrBuf *out, const Report *r);
void report_gitlab(StrBuf *out, const Report *r);

/* fingerprint.c: fill every item's fingerprint, a hash of the rule, the
 * function and the text (not the numbers) of the use and check lines,
 * then ":N" for the Nth finding of that hash in the same file. */
void fingerprints_compute(Reported *items, int n);

/* suppress.c: the reason (maybe "") when an fsrace-ignore comment on the
 * finding's line, the line before, or at its function silences it. */
const char *suppression_reason(Arena *a, const Finding *f);
/* suppress.c: a "fsrace: warning: SHOWN:LINE: unknown rule ..." line in
 * out for each rule id in a suppression comment of file that names no
 * rule, with the nearest id; returns how many. */
int suppressions_check_names(StrBuf *out, const char *file, const char *shown);

/* Write buf to path (or stdout when path is NULL) without following a
 * symbolic link at path and without leaving a half-written file: write a
 * temporary file beside it, then rename. NULL on success, else why not. */
const char *report_write(const char *path, const StrBuf *buf);
/* Replace the existing regular file path (never through a symbolic link
 * there) with buf, in the same way, keeping the permission bits (and, for
 * root, the owner) of `was`, the file's fstat(). */
const char *report_rewrite(const char *path, const StrBuf *buf, const struct stat *was);

/* fix_apply.c: apply the machine-applicable fixes of the reported findings
 * that are not suppressed, file by file; each change, and each file left
 * unchanged and why, is a line in log. False if a file could not be fixed. */
bool fixes_apply(const Report *r, StrBuf *log);
/* fix_export.c: the reported findings (not the suppressed) and their fixes as
 * clang-apply-replacements YAML, laid out as clang-tidy --export-fixes
 * writes it; paths made absolute from r->cwd. */
void fixes_export_yaml(StrBuf *out, const Report *r, const char *main_file);

/* source_lines.c: line `line` of `file` (without newline), or NULL. */
const char *source_line(const char *file, unsigned line, size_t *len);
void source_lines_free(void);
/* The whole of `file` (its size in *size), or NULL if unreadable. */
const char *source_text(const char *file, size_t *size);
/* The byte offset in file of line:col (col may be just past the line's
 * end); false when the file or the line cannot be read. */
bool source_offset(const char *file, unsigned line, unsigned col, size_t *offset);

/* The column just after the identifier (or token) starting at loc, for a
 * region's end; loc.col + 1 when the line cannot be read. */
unsigned source_token_end(SrcLoc loc);
/* A byte column of loc's line as UTF-16 code units (SARIF's default). */
unsigned source_utf16_col(const char *file, unsigned line, unsigned col);

#endif
