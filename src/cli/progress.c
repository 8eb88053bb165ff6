/* progress.c - the progress line; see progress.h. Nothing is drawn in the
 * first second, so a short run prints nothing. */
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

enum { QUIET_MS = 1000 };

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

void progress_init(Progress *p, int total)
{
    *p = (Progress){.total = total, .enabled = isatty(STDERR_FILENO)};
    clock_gettime(CLOCK_MONOTONIC, &p->start);
}

void progress_step(Progress *p)
{
    p->done++;
}

/* Padding over the previous line instead of an erase sequence works on
 * any terminal, TERM=dumb included. */
void progress_tick(Progress *p)
{
    double elapsed = seconds_since(&p->start);
    if (!p->enabled || elapsed * 1000 < QUIET_MS)
        return;
    int width = fprintf(stderr, "\rfsrace: [%d/%d] %.1fs", p->done, p->total, elapsed);
    for (int i = width; i < p->width; i++)
        fputc(' ', stderr);
    p->width = width > p->width ? width : p->width;
    p->drawn = true;
    fflush(stderr);
}

void progress_end(Progress *p)
{
    if (!p->drawn)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
    p->drawn = false;
}
