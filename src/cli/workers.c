/* workers.c - the thread pool; see workers.h. */
#include "workers.h"

#include "cost.h"
#include "progress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Reserved, not committed: pages are only touched as deep as code nests. */
enum { WORKER_STACK_BYTES = 512 * 1024 * 1024 };

typedef struct Pool {
    const Job *jobs;
    int n;
    const AnalyzeOptions *opt;
    JobResult *results;
    atomic_int next;
    Progress *progress;
    const int *order;       /* the order jobs are taken in */
} Pool;

static void *worker(void *data)
{
    Pool *p = data;
    CXIndex index = clang_createIndex(0, 0);
    for (;;) {
        int k = atomic_fetch_add(&p->next, 1);
        if (k >= p->n)
            break;
        int i = p->order[k];
        analyze_job(index, &p->jobs[i], p->opt, &p->results[i]);
        progress_step(p->progress);
    }
    clang_disposeIndex(index);
    return NULL;
}

typedef struct Sized {
    int index;
    long long bytes;
} Sized;

static int larger_first(const void *a, const void *b)
{
    const Sized *x = a, *y = b;
    if (x->bytes != y->bytes)
        return x->bytes < y->bytes ? 1 : -1;
    return x->index - y->index;
}

/* Costliest units first (by the bytes they include, cost.c): a big unit
 * started last would leave the other workers idle at the end
 * (longest-processing-time-first scheduling). Results still land in each
 * job's slot, so the output order is the jobs' order. One worker needs
 * no order, and is spared the guessing. */
static int *schedule(const Job *jobs, int n, int nthreads)
{
    Sized *s = calloc((size_t)n + 1, sizeof(Sized));
    int *order = calloc((size_t)n + 1, sizeof(int));
    long long *cost = nthreads > 1 ? unit_costs(jobs, n) : NULL;
    for (int i = 0; i < n; i++) {
        s[i].index = i;
        s[i].bytes = cost ? cost[i] : 0;
    }
    free(cost);
    qsort(s, (size_t)n, sizeof(Sized), larger_first);
    for (int i = 0; i < n; i++)
        order[i] = s[i].index;
    free(s);
    return order;
}

void workers_run(const Job *jobs, int n, const AnalyzeOptions *opt, int nthreads,
                 JobResult *results)
{
    if (nthreads > n)
        nthreads = n;
    if (nthreads < 1)
        return;
    Progress progress;
    int *order = schedule(jobs, n, nthreads);
    Pool pool = {jobs, n, opt, results, 0, &progress, order};
    progress_init(&progress, n);
    pthread_t *threads = calloc((size_t)nthreads, sizeof(pthread_t));
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, WORKER_STACK_BYTES);
    int started = 0;
    for (int i = 0; i < nthreads; i++)
        if (pthread_create(&threads[started], &attr, worker, &pool) == 0)
            started++;
    pthread_attr_destroy(&attr);
    if (!started)
        worker(&pool);   /* no thread could be made: do the work here */
    progress_wait(&progress);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    progress_destroy(&progress);
    free(threads);
    free(order);
}
