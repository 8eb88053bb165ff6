/* arena.c - bump allocator; see arena.h. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

enum { CHUNK_SIZE = 64 * 1024 };

static ArenaChunk *chunk_new(size_t min)
{
    size_t size = min > CHUNK_SIZE ? min : CHUNK_SIZE;
    ArenaChunk *c = malloc(sizeof(*c) + size);
    if (!c) {
        fputs("fsrace: error: out of memory\n", stderr);
        exit(2);
    }
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void *arena_alloc(Arena *a, size_t size)
{
#ifdef ARENA_SEPARATE_ALLOCATIONS
    /* Sanitizer builds: one exact-size chunk per object, so that
     * AddressSanitizer sees each object's bounds (a bump allocator hides
     * overflows from it). */
    ArenaChunk *own = malloc(sizeof(*own) + size + 1);
    if (!own)
        abort();
    own->used = own->size = size;
    memset(own->data, 0, size);
    own->next = a->head;
    a->head = own;
    return own->data;
#endif
    size = (size + 15) & ~(size_t)15;
    if (!a->head || a->head->size - a->head->used < size) {
        ArenaChunk *c = chunk_new(size);
        c->next = a->head;
        a->head = c;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *d = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void *arena_grow(Arena *a, void *old, size_t elem, int n, int *cap)
{
    int newcap = *cap ? *cap * 2 : 8;
    void *p = arena_alloc(a, elem * (size_t)newcap);
    if (n)
        memcpy(p, old, elem * (size_t)n);
    *cap = newcap;
    return p;
}

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
