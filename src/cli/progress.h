/* progress.h - "fsrace: [done/total] 12.3s" on standard error, rewritten
 * in place, while a long run goes on; only when stderr is a terminal, so
 * that logs, pipes and tests stay clean. Driven by the one thread that
 * supervises the worker processes. */
#ifndef FSRACE_PROGRESS_H
#define FSRACE_PROGRESS_H
#include <stdbool.h>
#include <time.h>

typedef struct Progress {
    int done;               /* jobs finished */
    int total;
    bool enabled;           /* stderr is a terminal */
    bool drawn;             /* a line is on screen and must be erased */
    int width;              /* of the last line drawn */
    struct timespec start;
} Progress;

/* How long the supervisor may wait between two calls of progress_tick. */
enum { PROGRESS_REDRAW_MS = 100 };

void progress_init(Progress *p, int total);
/* A job finished. */
void progress_step(Progress *p);
/* Redraw the line, once a second has passed since the start. */
void progress_tick(Progress *p);
/* Erase the line, if one was drawn. */
void progress_end(Progress *p);

#endif
