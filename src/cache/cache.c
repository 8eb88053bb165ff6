/* cache.c - the result cache; see cache.h. */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../version.h"
#include "../util/path.h"
#include "cache_dir.h"
#include "entry_check.h"

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

void cache_open(Cache *c, const char *dir, const char *config_digest, const char *cwd)
{
    memset(c, 0, sizeof *c);
    c->dirfd = -1;
    char *path = dir ? strdup(dir) : default_dir();
    if (!path) {
        fputs("fsrace: warning: no cache directory (set FSRACE_CACHE_DIR); caching off\n",
              stderr);
        return;
    }
    const char *why = NULL;
    c->dirfd = cache_dir_open(path, &why);
    if (c->dirfd < 0)
        fprintf(stderr, "fsrace: warning: cache directory %s: %s; caching off\n", path, why);
    c->dir = path;
    c->cwd = cwd;
    c->limit_bytes = cache_dir_limit();
    if (c->dirfd < 0)
        return;
    c->system_dirs = search_system_dirs();
    /* The compiler's directories are part of every parse: a new GCC or
     * libclang starts a new generation of entries. */
    unsigned long long system = cache_hash(CACHE_HASH_SEED, c->system_dirs,
                                           strlen(c->system_dirs));
    if (asprintf(&c->salt, "%016llx|%s|%016llx", exe_hash(), config_digest, system) < 0)
        c->salt = NULL;
}

/* The environment variables clang's driver and preprocessor read (its
 * documented ones, and the Darwin and clang-cl ones the driver honours):
 * each can change the parse, so each is part of the key. */
static const char *const clang_env[] = {
    "CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH",
    "OBJCPLUS_INCLUDE_PATH", "SOURCE_DATE_EPOCH", "CCC_OVERRIDE_OPTIONS", "COMPILER_PATH",
    "SDKROOT", "MACOSX_DEPLOYMENT_TARGET", "IPHONEOS_DEPLOYMENT_TARGET",
    "TVOS_DEPLOYMENT_TARGET", "WATCHOS_DEPLOYMENT_TARGET", "XROS_DEPLOYMENT_TARGET",
    "DRIVERKIT_DEPLOYMENT_TARGET", "INCLUDE", "EXTERNAL_INCLUDE", "CL", "_CL_",
};

char *cache_key(const Cache *c, const Job *job, const char *content, size_t len,
                const char *pool_digest)
{
    StrBuf b = {0};
    Arena a = {0};
    const char *dir = job->workdir ? job->workdir : c->cwd;
    sb_printf(&b, "v2|%s|cwd=%s|dir=%s|file=%s|pool=%s|main=%016llx|env", c->salt, c->cwd, dir,
              path_absolute(&a, dir, job->file), pool_digest ? pool_digest : "-",
              cache_hash(CACHE_HASH_SEED, content, len));
    arena_free(&a);
    for (size_t i = 0; i < sizeof clang_env / sizeof clang_env[0]; i++) {
        const char *value = getenv(clang_env[i]);
        if (value)
            sb_printf(&b, "\x1f%s=%s", clang_env[i], value);
    }
    sb_puts(&b, "|args");
    for (int i = 0; i < job->nargs; i++) {
        sb_putc(&b, '\x1f');
        sb_puts(&b, job->args[i]);
    }
    return b.data;
}

Deps cache_dependencies(const Cache *c, CXTranslationUnit tu, const Job *job, Arena *a)
{
    const char *base = job->workdir ? job->workdir : c->cwd;
    SearchDirs dirs = {0};
    search_dirs_of(job, base, c->system_dirs, a, &dirs);
    Deps deps = {0};
    deps_collect(tu, &dirs, base, a, &deps);
    return deps;
}

static void entry_name(const char *key, char name[32])
{
    cache_entry_name(cache_hash(CACHE_HASH_SEED, key, strlen(key)), name);
}

bool cache_load(const Cache *c, const char *key, const SummaryTable *pool, JobResult *res)
{
    if (c->dirfd < 0)
        return false;
    char name[32];
    entry_name(key, name);
    size_t len;
    int fd;
    char *text = cache_entry_read(c->dirfd, name, &len, &fd);
    if (!text)
        return false;
    Deps deps = {0};
    JobResult got = {0};
    Arena scratch = {0};
    bool ok = entry_read(text, len, key, &got, &deps, &scratch) && deps_unchanged(&deps) &&
              entry_check(&got, &deps, c->cwd, pool);
    arena_free(&scratch);
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

void cache_close(Cache *c)
{
    if (c->dirfd >= 0) {
        cache_dir_trim(c->dirfd, c->limit_bytes);
        close(c->dirfd);
    }
    free((char *)c->dir);
    free(c->salt);
    free(c->system_dirs);
    c->dirfd = -1;
}
