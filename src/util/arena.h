/* arena.h - bump allocator for everything that lives as long as one
 * translation unit's analysis (IR, keys, findings). Freed in one call. */
#ifndef FSRACE_ARENA_H
#define FSRACE_ARENA_H
#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;   /* newest chunk; older ones follow via next */
} Arena;

void *arena_alloc(Arena *a, size_t size);          /* zeroed memory */
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Grow an arena array: returns a copy of old[0..n) with room for cap*2. */
void *arena_grow(Arena *a, void *old, size_t elem, int n, int *cap);
void arena_free(Arena *a);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))
/* Append v to arena-backed vector (ptr, n, cap). */
#define ARENA_PUSH(a, ptr, n, cap, v)                                        \
    do {                                                                     \
        if ((n) == (cap))                                                    \
            (ptr) = arena_grow((a), (ptr), sizeof(*(ptr)), (n), &(cap));     \
        (ptr)[(n)++] = (v);                                                  \
    } while (0)

#endif
