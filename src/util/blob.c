/* blob.c - see blob.h. */
#include "blob.h"

#include <string.h>

enum { NULL_STRING = -1 };

void blob_put_int(BlobWriter *w, long long v)
{
    sb_putn(w->out, (const char *)&v, sizeof v);
}

/* A string seen before is its number; a new one is the next number, its
 * length and its bytes. */
void blob_put_str(BlobWriter *w, const char *s)
{
    int known;
    if (!s) {
        blob_put_int(w, NULL_STRING);
        return;
    }
    if (strmap_get(&w->strings, s, &known)) {
        blob_put_int(w, known);
        return;
    }
    strmap_put(&w->strings, s, w->nstrings);
    blob_put_int(w, w->nstrings++);
    size_t len = strlen(s);
    blob_put_int(w, (long long)len);
    sb_putn(w->out, s, len);
}

void blob_writer_free(BlobWriter *w)
{
    strmap_free(&w->strings);
    w->nstrings = 0;
}

long long blob_int(BlobReader *r)
{
    long long v = 0;
    if (r->failed || (size_t)(r->end - r->p) < sizeof v) {
        r->failed = true;
        return 0;
    }
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

int blob_count(BlobReader *r, int max)
{
    long long n = blob_int(r);
    if (n < 0 || n > max) {
        r->failed = true;
        return 0;
    }
    return (int)n;
}

const char *blob_str(BlobReader *r)
{
    long long id = blob_int(r);
    if (r->failed || id == NULL_STRING)
        return NULL;
    if (id >= 0 && id < r->nstrings)
        return r->strings[id];
    long long len = blob_int(r);
    if (r->failed || id != r->nstrings || len < 0 || len > r->end - r->p) {
        r->failed = true;
        return NULL;
    }
    const char *s = arena_strndup(r->a, r->p, (size_t)len);
    r->p += len;
    ARENA_PUSH(r->a, r->strings, r->nstrings, r->cap_strings, s);
    return s;
}

bool blob_ok(const BlobReader *r)
{
    return !r->failed;
}
