/* handle_index.h - what handles.c asks of a whole function, computed once
 * per function instead of once per open:
 *
 *  - for each key, the copies and wrappers reading it (q = fd, fdopen(fd),
 *    fileno(f)) in program order: the handle's keys then grow by following
 *    those, not by sweeping the function to a fixed point per open;
 *  - the keys some call works through (write(fd), fprintf(f), a helper);
 *  - per block, the nearest dominator (itself included) entered only
 *    through the failure edge of a test of some key;
 *  - per key, the blocks a read of it can be reached from, and the
 *    walk from the last open asked about (handles.c).
 *
 * The index of the function last asked for is kept per thread (keyed by
 * the function's serial number); handle_index_release() frees it. */
#ifndef FSRACE_HANDLE_INDEX_H
#define FSRACE_HANDLE_INDEX_H
#include "dom.h"
#include "../util/intset.h"
#include "../util/strmap.h"

typedef struct HandleIndex HandleIndex;

HandleIndex *handle_index(const Function *fn);
void handle_index_release(void);

/* The copies and wrappers reading `key`, as instruction numbers in program
 * order (block by block); *n their count. */
const int *handle_index_readers(const HandleIndex *x, const char *key, int *n);
/* The instruction numbered id. */
const Ins *handle_index_ins(const HandleIndex *x, int id);
/* Does a call other than close(), fstat(), fileno()... read key? */
bool handle_index_worked(const HandleIndex *x, const char *key);
/* Blocks entered only through the failure edge of a test of a handle
 * (fd < 0, !f), from b up the dominator tree: the first at or above b,
 * then the next one above c (-1: none). */
int handle_index_failure_up(HandleIndex *x, const DomTree *dom, int b);
int handle_index_failure_next(HandleIndex *x, const DomTree *dom, int c);
/* A stack the size of the function, for one search at a time. */
int *handle_index_work(HandleIndex *x);

/* Per key, once asked: per block, whether an instruction reading the key
 * can be reached from it (NULL until handles.c fills it, in the index's
 * arena). */
unsigned char **handle_index_ahead_slot(HandleIndex *x, const char *key);
/* The blocks entered from an open before a close of its handle (handles.c),
 * kept for the open last asked about: its uses are asked one after another.
 * The arena is emptied when another open is walked. */
typedef struct OpenWalk {
    Arena arena;
    const Ins *open;            /* NULL: none yet */
    const char **keys;          /* the handle's keys the walk was made for */
    int nkeys;
    IntSet entered;
    int *work, next, nwork, cap;   /* a queue: work[next..nwork) */
} OpenWalk;
OpenWalk *handle_index_open_walk(HandleIndex *x);
Arena *handle_index_arena(HandleIndex *x);

/* Which edge of a test of a handle is taken when the open failed: 0 the
 * true edge, 1 the false edge, -1 unknown. */
int handle_failure_edge(const Compare *c);

#endif
