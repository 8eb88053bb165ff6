/* kept_unit.c - see kept_unit.h. */
#include "kept_unit.h"

#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "../ir/ir_io.h"

enum { MAX_DEPS = INT_MAX / 64 };

void kept_unit_encode(StrBuf *out, const KeptUnit *k)
{
    BlobWriter w = {.out = out};
    blob_put_int(&w, k->failed);
    blob_put_str(&w, k->messages);
    blob_put_int(&w, k->deps.n);
    for (int i = 0; i < k->deps.n; i++) {
        const Dep *d = &k->deps.items[i];
        blob_put_str(&w, d->path);
        blob_put_int(&w, d->mtime_sec);
        blob_put_int(&w, d->mtime_nsec);
        blob_put_int(&w, d->size);
        blob_put_int(&w, d->ino);
    }
    blob_put_int(&w, k->deps.nabsent);
    for (int i = 0; i < k->deps.nabsent; i++)
        blob_put_str(&w, k->deps.absent[i]);
    blob_put_int(&w, k->n);
    blob_writer_free(&w);
    sb_putn(out, k->records->data ? k->records->data : "", k->records->len);
}

static void read_deps(BlobReader *r, Deps *deps)
{
    deps->n = deps->cap = blob_count(r, MAX_DEPS);
    deps->items = ARENA_ARRAY(r->a, Dep, deps->n + 1);
    for (int i = 0; i < deps->n && blob_ok(r); i++) {
        Dep *d = &deps->items[i];
        d->path = blob_str(r);
        d->mtime_sec = blob_int(r);
        d->mtime_nsec = blob_int(r);
        d->size = blob_int(r);
        d->ino = blob_int(r);
        if (!d->path)
            r->failed = true;
    }
    deps->nabsent = deps->cap_absent = blob_count(r, MAX_DEPS);
    deps->absent = ARENA_ARRAY(r->a, const char *, deps->nabsent + 1);
    for (int i = 0; i < deps->nabsent && blob_ok(r); i++)
        if (!(deps->absent[i] = blob_str(r)))
            r->failed = true;
}

static char *read_fd(int fd, size_t *len)
{
    off_t size = lseek(fd, 0, SEEK_END);
    char *data = size > 0 ? malloc((size_t)size) : NULL;
    if (!data || pread(fd, data, (size_t)size, 0) != size) {
        free(data);
        return NULL;
    }
    *len = (size_t)size;
    return data;
}

bool kept_unit_load(int fd, Arena *a, KeptUnit *k)
{
    size_t len;
    char *data = read_fd(fd, &len);
    if (!data)
        return false;
    BlobReader r = {.a = a, .p = data, .end = data + len};
    k->failed = blob_int(&r) != 0;
    k->messages = blob_str(&r);
    read_deps(&r, &k->deps);
    k->n = blob_count(&r, MAX_DEPS);
    k->fns = ARENA_ARRAY(a, Function *, k->n + 1);
    for (int i = 0; i < k->n && blob_ok(&r); i++)
        if (!(k->fns[i] = ir_next_function(a, &r.p, r.end)))
            r.failed = true;
    bool ok = blob_ok(&r) && r.p == r.end && k->messages;
    free(data);
    return ok;
}
