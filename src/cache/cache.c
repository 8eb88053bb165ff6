/* cache.c - the result cache; see cache.h. */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../version.h"

enum { DEFAULT_LIMIT_MIB = 256 };

unsigned long long cache_hash(unsigned long long h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* The running binary's hash: any rebuild makes a new cache generation. */
static unsigned long long exe_hash(void)
{
    unsigned long long h = CACHE_HASH_SEED;
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cache_hash(h, FSRACE_VERSION, strlen(FSRACE_VERSION));
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        h = cache_hash(h, buf, (size_t)n);
    close(fd);
    return h;
}

static char *default_dir(void)
{
    const char *env = getenv("FSRACE_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char *dir = NULL;
    if (env && *env)
        return strdup(env);
    if (xdg && *xdg)
        return asprintf(&dir, "%s/fsrace", xdg) < 0 ? NULL : dir;
    if (home && *home)
        return asprintf(&dir, "%s/.cache/fsrace", home) < 0 ? NULL : dir;
    return NULL;
}

/* mkdir -p, mode 0700 for what it creates. */
static void make_dirs(const char *dir)
{
    char *copy = strdup(dir);
    for (char *p = copy + 1; p && *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(copy, 0700);
            *p = '/';
        }
    mkdir(copy, 0700);
    free(copy);
}

/* The directory's descriptor if it is safe to trust, else -1 with why. */
static int open_trusted(const char *dir, const char **why)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        *why = strerror(errno);
        int link = open(dir, O_PATH | O_NOFOLLOW | O_CLOEXEC);   /* the name itself */
        if (link >= 0 && fstat(link, &st) == 0 && S_ISLNK(st.st_mode))
            *why = "is a symbolic link";
        if (link >= 0)
            close(link);
        return -1;
    }
    if (fstat(fd, &st) != 0 || st.st_uid != geteuid() || (st.st_mode & 022)) {
        *why = "belongs to another user or is writable by others";
        close(fd);
        return -1;
    }
    return fd;
}

void cache_open(Cache *c, const char *dir, const char *config_digest)
{
    memset(c, 0, sizeof *c);
    c->dirfd = -1;
    char *path = dir ? strdup(dir) : default_dir();
    if (!path) {
        fputs("fsrace: warning: no cache directory (set FSRACE_CACHE_DIR); caching off\n",
              stderr);
        return;
    }
    make_dirs(path);
    const char *why = NULL;
    c->dirfd = open_trusted(path, &why);
    if (c->dirfd < 0)
        fprintf(stderr, "fsrace: warning: cache directory %s %s; caching off\n", path, why);
    c->dir = path;
    const char *limit = getenv("FSRACE_CACHE_LIMIT_MIB");
    c->limit_bytes = (limit && atoll(limit) > 0 ? atoll(limit) : DEFAULT_LIMIT_MIB) << 20;
    if (asprintf(&c->salt, "%016llx|%s", exe_hash(), config_digest) < 0)
        c->salt = NULL;
}

char *cache_key(const Cache *c, const Job *job, const char *content, size_t len,
                const char *pool_digest)
{
    StrBuf b = {0};
    sb_printf(&b, "v1|%s|file=%s|dir=%s|pool=%s|main=%016llx|args", c->salt, job->file,
              job->workdir ? job->workdir : "", pool_digest ? pool_digest : "-",
              cache_hash(CACHE_HASH_SEED, content, len));
    for (int i = 0; i < job->nargs; i++) {
        sb_putc(&b, '\x1f');
        sb_puts(&b, job->args[i]);
    }
    return b.data;
}

static void entry_name(const char *key, char name[32])
{
    snprintf(name, 32, "%016llx.json", cache_hash(CACHE_HASH_SEED, key, strlen(key)));
}

static bool deps_unchanged(const Deps *deps)
{
    for (int i = 0; i < deps->n; i++) {
        const Dep *d = &deps->items[i];
        struct stat st;
        if (stat(d->path, &st) != 0 || st.st_mtim.tv_sec != d->mtime_sec ||
            st.st_mtim.tv_nsec != d->mtime_nsec || st.st_size != d->size ||
            (long long)st.st_ino != d->ino)
            return false;
    }
    return true;
}

static char *read_fd(int fd, size_t *len)
{
    StrBuf b = {0};
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        sb_putn(&b, buf, (size_t)n);
    *len = b.len;
    return b.data;
}

bool cache_load(const Cache *c, const char *key, JobResult *res)
{
    if (c->dirfd < 0)
        return false;
    char name[32];
    entry_name(key, name);
    int fd = openat(c->dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    size_t len;
    char *text = read_fd(fd, &len);
    Deps deps = {0};
    JobResult got = {0};
    bool ok = text && entry_read(text, len, key, &got, &deps) && deps_unchanged(&deps);
    if (ok) {
        futimens(fd, NULL);   /* recently used: trimmed last */
        *res = got;           /* the arena moves: re-point what points into it */
        res->findings.arena = &res->arena;
        res->exports.arena = &res->arena;
    } else {
        arena_free(&got.arena);
        sb_free(&got.messages);
    }
    close(fd);
    free(text);
    return ok;
}

static atomic_uint temp_counter;

void cache_store(const Cache *c, const char *key, const Deps *deps, const JobResult *res)
{
    if (c->dirfd < 0)
        return;
    char name[32], tmp[64];
    entry_name(key, name);
    snprintf(tmp, sizeof tmp, ".tmp-%ld-%u", (long)getpid(), atomic_fetch_add(&temp_counter, 1));
    int fd = openat(c->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    StrBuf b = {0};
    entry_write(&b, key, deps, res);
    bool ok = write(fd, b.data, b.len) == (ssize_t)b.len;
    ok &= close(fd) == 0;
    if (!ok || renameat(c->dirfd, tmp, c->dirfd, name) != 0)
        unlinkat(c->dirfd, tmp, 0);
    sb_free(&b);
}

typedef struct Aged {
    char name[64];
    long long mtime, size;
} Aged;

static int oldest_first(const void *a, const void *b)
{
    const Aged *x = a, *y = b;
    return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

/* Remove the least recently used entries until the cache is within 80 %
 * of its limit. */
static void trim(const Cache *c)
{
    int fd = dup(c->dirfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    Aged *items = NULL;
    size_t n = 0, cap = 0;
    long long total = 0;
    for (struct dirent *e; (e = readdir(d));) {
        struct stat st;
        if (e->d_name[0] == '.' || strlen(e->d_name) >= sizeof items->name ||
            fstatat(c->dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap)
            items = realloc(items, (cap = cap ? cap * 2 : 256) * sizeof *items);
        snprintf(items[n].name, sizeof items[n].name, "%s", e->d_name);
        items[n].mtime = st.st_mtim.tv_sec;
        items[n].size = st.st_size;
        total += st.st_size;
        n++;
    }
    closedir(d);
    if (total > c->limit_bytes) {
        qsort(items, n, sizeof *items, oldest_first);
        for (size_t i = 0; i < n && total > c->limit_bytes * 8 / 10; i++)
            if (unlinkat(c->dirfd, items[i].name, 0) == 0)
                total -= items[i].size;
    }
    free(items);
}

void cache_close(Cache *c)
{
    if (c->dirfd >= 0) {
        trim(c);
        close(c->dirfd);
    }
    free((char *)c->dir);
    free(c->salt);
    c->dirfd = -1;
}
