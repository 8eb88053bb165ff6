/* entry_check.h - every value read from a cache entry, checked before it
 * is shown: an entry that parses is not therefore true (a bit flip, a
 * hand edit, a bug in an older fsrace). Strings hold no control
 * characters, counts are sane, every location names one of the unit's
 * files (what it included, or the file of a summary it was analysed with)
 * and a line and column that exist in that file as it is now (its status
 * was checked unchanged). A failed check makes the entry a miss. */
#ifndef FSRACE_ENTRY_CHECK_H
#define FSRACE_ENTRY_CHECK_H
#include "deps.h"

/* cwd: what relative names in findings are relative to; pool: the
 * summaries from other files the unit was analysed with, or NULL. */
bool entry_check(const JobResult *res, const Deps *deps, const char *cwd,
                 const SummaryTable *pool);

#endif
