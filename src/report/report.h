/* report.h - formatting the findings of a run: text, JSON, SARIF. */
#ifndef FSRACE_REPORT_H
#define FSRACE_REPORT_H
#include "../util/strbuf.h"
#include "finding.h"

typedef struct Report {
    const Finding **items;  /* every finding, in output order */
    int n;
    int files_analysed;     /* translation units analysed */
    int files_failed;       /* could not be (completely) analysed */
} Report;

void report_text(StrBuf *out, const Report *r);
void report_json(StrBuf *out, const Report *r);
void report_sarif(StrBuf *out, const Report *r);

/* Write buf to path (or stdout when path is NULL) without following a
 * symbolic link at path and without leaving a half-written file: write a
 * temporary file beside it, then rename. NULL on success, else why not. */
const char *report_write(const char *path, const StrBuf *buf);

/* source_lines.c: line `line` of `file` (without newline), or NULL. */
const char *source_line(const char *file, unsigned line, size_t *len);
void source_lines_free(void);

#endif
