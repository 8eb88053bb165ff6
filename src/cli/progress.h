/* progress.h - "fsrace: [done/total] 12.3s" on standard error, rewritten
 * in place, while a long run goes on; only when stderr is a terminal, so
 * that logs, pipes and tests stay clean. */
#ifndef FSRACE_PROGRESS_H
#define FSRACE_PROGRESS_H
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

typedef struct Progress {
    atomic_int done;        /* jobs finished, from any worker */
    int total;
    bool enabled;           /* stderr is a terminal */
    bool drawn;             /* a line is on screen and must be erased */
    int width;              /* of the last line drawn */
    struct timespec start;
    pthread_mutex_t lock;   /* with `wake`: workers wake the main thread */
    pthread_cond_t wake;
} Progress;

void progress_init(Progress *p, int total);
/* A worker finished a job (any thread). */
void progress_step(Progress *p);
/* Main thread: until every job is done, redraw the line every 100 ms once
 * a second has passed; then erase it. Returns at once when disabled. */
void progress_wait(Progress *p);
void progress_destroy(Progress *p);

#endif
