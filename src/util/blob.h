/* blob.h - a compact binary form for data one process hands another
 * (fixed-size numbers in host order, strings stored once and then named
 * by their number). Written and read by the same binary on the same
 * machine, so no versioning; a reader stops at the first inconsistency
 * and says so (blob_ok), it never reads past the end. */
#ifndef FSRACE_BLOB_H
#define FSRACE_BLOB_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strbuf.h"
#include "strmap.h"

typedef struct BlobWriter {
    StrBuf *out;
    StrMap strings;         /* string -> its number */
    int nstrings;
} BlobWriter;

void blob_put_int(BlobWriter *w, long long v);
void blob_put_str(BlobWriter *w, const char *s);   /* s may be NULL */
void blob_writer_free(BlobWriter *w);

typedef struct BlobReader {
    Arena *a;               /* receives the strings and what the caller builds */
    const char *p, *end;
    const char **strings;   /* by number */
    int nstrings, cap_strings;
    bool failed;
} BlobReader;

long long blob_int(BlobReader *r);
/* A count of elements to follow: fails (returns 0) beyond max. */
int blob_count(BlobReader *r, int max);
const char *blob_str(BlobReader *r);
bool blob_ok(const BlobReader *r);   /* nothing failed */

#endif
