/* intset.h - a set of non-negative ints (open addressing) in an arena:
 * for searches that visit a few blocks of a large function, where an
 * array the size of the function per search would make the work
 * quadratic. */
#ifndef FSRACE_INTSET_H
#define FSRACE_INTSET_H
#include <stdbool.h>

#include "arena.h"

typedef struct IntSet {
    int *slots;                 /* value + 1; 0: empty */
    int cap, n;
} IntSet;

bool intset_add(Arena *a, IntSet *s, int v);   /* true if it grew */
bool intset_has(const IntSet *s, int v);

#endif
