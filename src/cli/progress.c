/* progress.c - the progress line; see progress.h. The main thread waits
 * on a condition variable with a 100 ms timeout: it redraws on each
 * timeout and returns as soon as the last worker signals, so a short run
 * is not slowed down and prints nothing. */
#include "progress.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

enum { QUIET_MS = 1000, REDRAW_MS = 100 };

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

void progress_init(Progress *p, int total)
{
    atomic_init(&p->done, 0);
    p->total = total;
    p->enabled = isatty(STDERR_FILENO);
    p->drawn = false;
    p->width = 0;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    pthread_mutex_init(&p->lock, NULL);
    /* Timeouts on the monotonic clock: a clock change cannot stall it. */
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&p->wake, &attr);
    pthread_condattr_destroy(&attr);
}

void progress_step(Progress *p)
{
    int done = atomic_fetch_add(&p->done, 1) + 1;
    if (!p->enabled || done < p->total)
        return;
    pthread_mutex_lock(&p->lock);
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
}

/* Padding over the previous line instead of an erase sequence works on
 * any terminal, TERM=dumb included. */
static void draw(Progress *p, double elapsed)
{
    int width = fprintf(stderr, "\rfsrace: [%d/%d] %.1fs", atomic_load(&p->done), p->total,
                        elapsed);
    for (int i = width; i < p->width; i++)
        fputc(' ', stderr);
    p->width = width > p->width ? width : p->width;
    p->drawn = true;
    fflush(stderr);
}

static void erase(Progress *p)
{
    if (!p->drawn)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
}

void progress_wait(Progress *p)
{
    if (!p->enabled)
        return;
    pthread_mutex_lock(&p->lock);
    while (atomic_load(&p->done) < p->total) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += REDRAW_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        int rc = pthread_cond_timedwait(&p->wake, &p->lock, &until);
        double elapsed = seconds_since(&p->start);
        if (rc == ETIMEDOUT && elapsed * 1000 >= QUIET_MS)
            draw(p, elapsed);
    }
    pthread_mutex_unlock(&p->lock);
    erase(p);
}

void progress_destroy(Progress *p)
{
    pthread_cond_destroy(&p->wake);
    pthread_mutex_destroy(&p->lock);
}
