/* strmap.h - string -> int hash map (open addressing). Keys are copied. */
#ifndef FSRACE_STRMAP_H
#define FSRACE_STRMAP_H
#include <stdbool.h>

typedef struct StrMapSlot {
    char *key;      /* NULL: empty */
    int value;
} StrMapSlot;

typedef struct StrMap {
    StrMapSlot *slots;
    int cap, n;
} StrMap;

/* The hash the map uses (FNV-1a), for indexes kept elsewhere. */
unsigned strmap_hash(const char *s);

bool strmap_get(const StrMap *m, const char *key, int *value);
void strmap_put(StrMap *m, const char *key, int value);
void strmap_free(StrMap *m);

#endif
