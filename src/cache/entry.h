/* entry.h - a translation unit's results as a cache entry (JSON text):
 * findings, messages, the summaries it exports, the functions it calls,
 * and what it depends on (deps.h). */
#ifndef FSRACE_ENTRY_H
#define FSRACE_ENTRY_H
#include "../cli/job.h"
#include "../util/strbuf.h"
#include "deps.h"

void entry_write(StrBuf *out, const char *key, const Deps *deps, const JobResult *res);
/* A summary as the JSON members of an object (also for digests). */
void entry_write_summary(StrBuf *out, const Summary *s);
/* Fill res (its arena: only what the result keeps) from an entry written
 * by entry_write with the same key, and deps (in scratch, with the parsed
 * text) with the files to re-validate; false if the entry is corrupt,
 * from another key, or names an unknown rule. */
bool entry_read(const char *text, size_t len, const char *key, JobResult *res, Deps *deps,
                Arena *scratch);

#endif
