/* workers.c - the thread pool; see workers.h. */
#include "workers.h"

#include "progress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

/* Reserved, not committed: pages are only touched as deep as code nests. */
enum { WORKER_STACK_BYTES = 512 * 1024 * 1024 };

typedef struct Pool {
    const Job *jobs;
    int n;
    const AnalyzeOptions *opt;
    JobResult *results;
    atomic_int next;
    Progress *progress;
} Pool;

static void *worker(void *data)
{
    Pool *p = data;
    CXIndex index = clang_createIndex(0, 0);
    for (;;) {
        int i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n)
            break;
        analyze_job(index, &p->jobs[i], p->opt, &p->results[i]);
        progress_step(p->progress);
    }
    clang_disposeIndex(index);
    return NULL;
}

void workers_run(const Job *jobs, int n, const AnalyzeOptions *opt, int nthreads,
                 JobResult *results)
{
    Progress progress;
    Pool pool = {jobs, n, opt, results, 0, &progress};
    if (nthreads > n)
        nthreads = n;
    if (nthreads < 1)
        return;
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
}
