/* worker_result.h - a JobResult as the bytes a worker process hands back
 * to the supervisor: a header line, the --dump-cfg text, then the unit's
 * results as a cache entry (src/cache/entry.h), so every field that
 * survives the cache survives the process boundary, and one format is
 * kept, tested and fuzzed. */
#ifndef FSRACE_WORKER_RESULT_H
#define FSRACE_WORKER_RESULT_H
#include "job.h"

void worker_result_write(StrBuf *out, const JobResult *res);
/* Fill an empty res; false if the bytes are not one complete result
 * (the worker died while writing, or never wrote). */
bool worker_result_read(const char *text, size_t len, JobResult *res);

#endif
