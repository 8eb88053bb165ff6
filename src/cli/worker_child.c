/* worker_child.c - see worker_child.h. */
#include "worker_child.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "program.h"
#include "worker_result.h"

/* Reserved, not committed: pages are only touched as deep as code nests.
 * clang's recursive parser and constant evaluator need it for deeply
 * nested generated code; the supervisor's thread stack is only 8 MiB. */
enum { ANALYSIS_STACK_BYTES = 512 * 1024 * 1024 };

typedef struct ChildWork {
    const Job *job;
    const AnalyzeOptions *opt;
    int out_fd;
    bool written;
} ChildWork;

/* The address space the process maps now (libclang's code, the stack just
 * made; under AddressSanitizer its shadow), in bytes. */
static unsigned long long mapped_now(void)
{
    unsigned long long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%llu", &pages) != 1)
            pages = 0;
        fclose(f);
    }
    return pages * (unsigned long long)sysconf(_SC_PAGESIZE);
}

/* --max-memory: what the analysis may map beyond what is mapped already,
 * so the limit means the same with and without sanitizers. Allocation
 * beyond it fails, which libclang turns into a crash of this process. */
static void limit_memory(int mib)
{
    if (mib <= 0)
        return;
    unsigned long long base = mapped_now();
    if (!base)
        return;
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) != 0)
        return;
    rlim_t want = (rlim_t)(base + ((unsigned long long)mib << 20));
    if (rl.rlim_max == RLIM_INFINITY || want < rl.rlim_max)
        rl.rlim_cur = want;
    setrlimit(RLIMIT_AS, &rl);
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static void *analyse(void *data)
{
    ChildWork *w = data;
    limit_memory(w->opt->max_memory_mib);
    CXIndex index = clang_createIndex(0, 0);
    JobResult res = {0};
    analyze_job(index, w->job, w->opt, &res);
    clang_disposeIndex(index);
    StrBuf out = {0};
    worker_result_write(&out, &res);
    w->written = write_all(w->out_fd, sb_str(&out), out.len);
    sb_free(&out);
    job_result_free(&res);
    return NULL;
}

_Noreturn void worker_child_run(const Job *job, const AnalyzeOptions *opt, int out_fd)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);   /* the supervisor blocks SIGCHLD */
    signal(SIGALRM, SIG_DFL);
    /* Never the user's terminal or pipe: an #include "/dev/stdin" reads
     * nothing instead of waiting. */
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0 && null != STDIN_FILENO) {
        dup2(null, STDIN_FILENO);
        close(null);
    }
    if (opt->timeout_s > 0)
        alarm((unsigned)opt->timeout_s);
    ChildWork w = {job, opt, out_fd, false};
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, ANALYSIS_STACK_BYTES);
    if (pthread_create(&thread, &attr, analyse, &w) == 0)
        pthread_join(thread, NULL);
    else
        analyse(&w);    /* no room for a large stack: try on this one */
    pthread_attr_destroy(&attr);
    /* exit(), not _exit(): LeakSanitizer checks the child in sanitizer builds. */
    exit(w.written ? 0 : 3);
}
