/* baseline.h - a baseline records the findings of a run by fingerprint
 * (docs/output.md), so that later runs report only new ones. */
#ifndef FSRACE_BASELINE_H
#define FSRACE_BASELINE_H
#include "../util/strmap.h"
#include "report.h"

typedef struct Baseline {
    StrMap keys;        /* "file\nfingerprint" of every recorded finding */
} Baseline;

/* Read a baseline file; NULL on success, else why not. */
const char *baseline_load(const char *path, Baseline *b);
bool baseline_has(const Baseline *b, const Reported *r);
void baseline_free(Baseline *b);
/* The baseline file for the (unsuppressed) findings of r. */
void baseline_format(StrBuf *out, const Report *r);

#endif
