/* worker_result.c - see worker_result.h. */
#include "worker_result.h"

#include <stdio.h>
#include <string.h>

#include "../cache/entry.h"

#define WORKER_KEY "fsrace-worker"

void worker_result_write(StrBuf *out, const JobResult *res)
{
    sb_printf(out, WORKER_KEY " %d %d %d %zu\n", res->cached, res->kept, res->from_kept,
              res->dump.len);
    sb_putn(out, res->dump.data ? res->dump.data : "", res->dump.len);
    Deps none = {0};
    entry_write(out, WORKER_KEY, &none, res);
}

bool worker_result_read(const char *text, size_t len, JobResult *res)
{
    const char *eol = memchr(text, '\n', len);
    int cached, kept, from_kept, used = 0;
    size_t dump;
    char head[128];   /* the header line, terminated: text need not be */
    if (!eol || (size_t)(eol - text) >= sizeof head)
        return false;
    memcpy(head, text, (size_t)(eol - text));
    head[eol - text] = '\0';
    if (sscanf(head, WORKER_KEY " %d %d %d %zu%n", &cached, &kept, &from_kept, &dump, &used) != 4 ||
        used != eol - text || (cached != 0 && cached != 1) || (kept != 0 && kept != 1) ||
        (from_kept != 0 && from_kept != 1))
        return false;
    size_t rest = len - (size_t)(eol + 1 - text);
    if (dump > rest)
        return false;
    Deps deps = {0};
    Arena scratch = {0};
    bool ok = entry_read(eol + 1 + dump, rest - dump, WORKER_KEY, res, &deps, &scratch);
    arena_free(&scratch);
    if (!ok)
        return false;
    sb_putn(&res->dump, eol + 1, dump);
    res->cached = cached;
    res->kept = kept;
    res->from_kept = from_kept;
    return true;
}
