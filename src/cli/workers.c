/* workers.c - the supervisor of the worker processes; see workers.h. It
 * is single-threaded: it forks one child per unit (at most N at a time),
 * waits for SIGCHLD with a short timeout (to redraw the progress line),
 * and reads each child's result from an anonymous memory file once the
 * child has ended. A child's standard error goes to a memory file too:
 * libclang's crash dumps are dropped, and a sanitizer report from a child
 * that ended badly after writing its result is passed on. */
#include "workers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cost.h"
#include "progress.h"
#include "worker_child.h"
#include "program.h"
#include "worker_result.h"

typedef struct Child {
    pid_t pid;              /* 0: slot free */
    int job;
    int out_fd, err_fd;     /* memory files: result, standard error */
    int keep_fd;            /* memory file for the parsed unit, or -1 */
} Child;

typedef struct Supervisor {
    const Job *jobs;
    const AnalyzeOptions *opt;
    JobResult *results;
    KeptFiles *keep;
    Child *children;
    int nslots, active;
    Progress progress;
} Supervisor;

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
static int *schedule(const Job *jobs, int n, int nprocs)
{
    Sized *s = calloc((size_t)n + 1, sizeof(Sized));
    int *order = calloc((size_t)n + 1, sizeof(int));
    long long *cost = nprocs > 1 ? unit_costs(jobs, n) : NULL;
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

static void fail_job(Supervisor *s, int job, const char *why)
{
    JobResult *r = &s->results[job];
    job_result_free(r);
    r->findings.arena = &r->arena;
    r->failed = true;
    job_message(r, "error", "%s: %s", s->jobs[job].shown, why);
}

/* Is there room to keep one more parsed unit? */
static bool may_keep(const Supervisor *s)
{
    return s->keep && s->keep->n < s->keep->max_files && s->keep->bytes < s->keep->max_bytes;
}

/* Keep the unit the child wrote, if it did and it fits; else drop it. */
static void take_kept(Supervisor *s, Child *c, bool complete)
{
    if (c->keep_fd < 0)
        return;
    off_t size = complete && s->results[c->job].kept ? lseek(c->keep_fd, 0, SEEK_END) : 0;
    int unit = s->keep->unit_of ? s->keep->unit_of[c->job] : c->job;
    if (size > 0 && may_keep(s) && s->keep->bytes + size <= s->keep->max_bytes) {
        s->keep->fds[unit] = c->keep_fd;
        s->keep->n++;
        s->keep->bytes += size;
    } else {
        close(c->keep_fd);
    }
    s->results[c->job].kept = false;   /* only keep->fds tells */
}

static void start(Supervisor *s, int job)
{
    if (s->jobs[job].preloaded) {   /* program.c read it from the cache */
        progress_step(&s->progress);
        return;
    }
    if (s->jobs[job].idle) {    /* not parsed: no libclang, no process */
        analyze_job(NULL, &s->jobs[job], s->opt, &s->results[job]);
        progress_step(&s->progress);
        return;
    }
    if (!s->jobs[job].cache_tried &&   /* nor a hit */
        analyze_from_cache(&s->jobs[job], s->opt, &s->results[job])) {
        progress_step(&s->progress);
        return;
    }
    job_result_free(&s->results[job]);   /* what a miss may have left */
    int out = memfd_create("fsrace-result", MFD_CLOEXEC);
    int err = memfd_create("fsrace-stderr", MFD_CLOEXEC);
    int keep = may_keep(s) && s->jobs[job].kept_fd <= 0 ? memfd_create("fsrace-unit", MFD_CLOEXEC)
                                                          : -1;
    pid_t pid = out >= 0 && err >= 0 ? fork() : -1;
    if (pid == 0) {
        Job mine = s->jobs[job];
        mine.keep_fd = keep > 0 ? keep : 0;
        dup2(err, STDERR_FILENO);
        worker_child_run(&mine, s->opt, out);
    }
    if (pid < 0) {
        char why[160];
        snprintf(why, sizeof why, "could not start a worker process (%s); not analysed",
                 strerror(errno));
        fail_job(s, job, why);
        progress_step(&s->progress);
        if (out >= 0)
            close(out);
        if (err >= 0)
            close(err);
        if (keep >= 0)
            close(keep);
        return;
    }
    for (int k = 0; k < s->nslots; k++)
        if (!s->children[k].pid) {
            s->children[k] = (Child){pid, job, out, err, keep};
            break;
        }
    s->active++;
}

static void read_all(int fd, StrBuf *b)
{
    char chunk[65536];
    off_t at = 0;
    ssize_t got;
    while ((got = pread(fd, chunk, sizeof chunk, at)) > 0) {
        sb_putn(b, chunk, (size_t)got);
        at += got;
    }
}

/* Why a child that left no complete result ended, for its file's error. */
static void describe_end(const AnalyzeOptions *opt, int status, char *why, size_t size)
{
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        snprintf(why, size, "not analysed: took longer than %d s (--timeout)", opt->timeout_s);
    else if (WIFSIGNALED(status))
        /* The child parses and analyses: the crash may be libclang's or
         * fsrace's own, so the message blames neither. */
        snprintf(why, size, "not analysed: its worker crashed on it (signal %d, %s): a stack "
                 "overflow, a bug in libclang or in fsrace (please report it), or more "
                 "than --max-memory %d MiB",
                 WTERMSIG(status), strsignal(WTERMSIG(status)), opt->max_memory_mib);
    else
        snprintf(why, size, "not analysed: its worker process ended with status %d before "
                 "giving results (out of memory? --max-memory is %d MiB)",
                 WEXITSTATUS(status), opt->max_memory_mib);
}

static void finish(Supervisor *s, Child *c, int status)
{
    JobResult *r = &s->results[c->job];
    StrBuf out = {0}, err = {0};
    read_all(c->out_fd, &out);
    read_all(c->err_fd, &err);
    bool complete = worker_result_read(sb_str(&out), out.len, r);
    bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    /* A child that ended badly after its results is a sanitizer report
     * (at exit); set FSRACE_WORKER_STDERR to see what any child printed. */
    if ((complete && !clean) || getenv("FSRACE_WORKER_STDERR"))
        fputs(sb_str(&err), stderr);
    char why[300];
    if (!complete) {
        describe_end(s->opt, status, why, sizeof why);
        fail_job(s, c->job, why);
    } else if (!clean) {
        snprintf(why, sizeof why, "its worker process ended with status %d after its results",
                 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
        job_message(r, "error", "%s: %s", s->jobs[c->job].shown, why);
        r->failed = true;
    }
    take_kept(s, c, complete && clean);
    sb_free(&out);
    sb_free(&err);
    close(c->out_fd);
    close(c->err_fd);
    *c = (Child){0};
    s->active--;
    progress_step(&s->progress);
}

/* Collect every child that has ended; false if none had. */
static bool reap(Supervisor *s)
{
    bool any = false;
    int status;
    pid_t pid;
    while (s->active && (pid = waitpid(-1, &status, WNOHANG)) > 0)
        for (int k = 0; k < s->nslots; k++)
            if (s->children[k].pid == pid) {
                finish(s, &s->children[k], status);
                any = true;
                break;
            }
    return any;
}

void workers_run(const Job *jobs, int n, const AnalyzeOptions *opt, int nprocs,
                 JobResult *results, KeptFiles *keep)
{
    if (nprocs > n)
        nprocs = n;
    if (nprocs < 1)
        return;
    Supervisor s = {jobs, opt, results, keep, calloc((size_t)nprocs, sizeof(Child)), nprocs, 0,
                    {0}};
    int *order = schedule(jobs, n, nprocs);
    progress_init(&s.progress, n);
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);   /* pending until sigtimedwait takes it */
    fflush(NULL);                           /* no buffered output copied into children */
    const struct timespec tick = {0, PROGRESS_REDRAW_MS * 1000000L};
    for (int next = 0; next < n || s.active;) {
        while (s.active < nprocs && next < n)
            start(&s, order[next++]);
        if (!reap(&s) && s.active) {
            sigtimedwait(&chld, NULL, &tick);
            progress_tick(&s.progress);
        }
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    progress_end(&s.progress);
    free(s.children);
    free(order);
}
