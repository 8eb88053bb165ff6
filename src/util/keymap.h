/* keymap.h - numbers for IR keys (strings owned elsewhere, living as long
 * as the arena): each distinct key, or prefix of one (a root), gets a dense
 * id 0, 1, 2... in the order first seen, found again by hashing. Per-function
 * indexes use it to answer "which instructions touch this key" without
 * scanning the function. */
#ifndef FSRACE_KEYMAP_H
#define FSRACE_KEYMAP_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef struct KeyMap {
    const char **keys;   /* by id: the first n bytes are the key */
    size_t *lens;
    int n, cap;          /* ids in use; room in keys/lens */
    int *slots;          /* open addressing: id + 1, 0 empty */
    unsigned *hashes;    /* by id */
    int nslots;          /* a power of two, or 0 */
} KeyMap;

/* The id of key[0..len), or -1. */
int keymap_find_n(const KeyMap *m, const char *key, size_t len);
int keymap_find(const KeyMap *m, const char *key);
/* The id of key[0..len), numbering it if it is new (the bytes are not
 * copied: they must outlive the map). */
int keymap_intern_n(Arena *a, KeyMap *m, const char *key, size_t len);
int keymap_intern(Arena *a, KeyMap *m, const char *key);

#endif
