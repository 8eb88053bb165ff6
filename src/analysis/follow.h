/* follow.h - where a handle goes after the call that returned it: the
 * later calls that receive it (directly, through copies, or as
 * fileno()/dup() of it), and whether it leaves the function (returned,
 * stored outside the function's locals, passed to one of the program's
 * own functions or through a pointer). */
#ifndef FSRACE_FOLLOW_H
#define FSRACE_FOLLOW_H
#include <stdbool.h>

#include "../ir/ir.h"

typedef struct Handoff {
    int block, index;       /* the receiving call */
    const Ins *ins;
    int arg;                /* which of its arguments holds the handle */
} Handoff;

typedef struct Follow {
    Handoff *calls;
    int n;
    bool escapes;
} Follow;

/* Follow the result of the call at (block, index); at most max calls. */
Follow follow_handle(Arena *a, const Function *fn, int block, int index, int max);

#endif
