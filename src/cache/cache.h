/* cache.h - results of translation units, reused when nothing they depend
 * on changed: fsrace itself (the binary's hash), its configuration (the
 * declared functions; entries hold every rule's findings), the unit's compiler arguments, its main file's
 * content, every file it included (mtime, size, inode), and, when the unit
 * was analysed with other files' summaries, those summaries.
 *
 * Location: --cache-dir DIR, else $FSRACE_CACHE_DIR, else
 * $XDG_CACHE_HOME/fsrace, else ~/.cache/fsrace. One file per entry, named
 * by the key's hash; the full key is inside and checked. The directory and
 * what is read from it are guarded by cache_dir.h. */
#ifndef FSRACE_CACHE_H
#define FSRACE_CACHE_H
#include "entry.h"

typedef struct Cache {
    int dirfd;              /* -1: caching off */
    const char *dir;
    const char *cwd;        /* fsrace's working directory */
    char *salt;             /* fsrace's hash, configuration and system digests */
    char *system_dirs;      /* the compiler's include directories (search.h) */
    long long limit_bytes;
} Cache;

/* Open (creating it) the cache directory; on a problem, one warning line
 * and caching off. dir NULL: the default location. */
void cache_open(Cache *c, const char *dir, const char *config_digest, const char *cwd);
void cache_close(Cache *c);   /* also trims the cache to its size limit */

/* The key of a job: the working directories, its main file's absolute
 * name and bytes, the environment clang reads, its arguments, and the
 * digest of the summaries from other files it was given ("-" for none). */
char *cache_key(const Cache *c, const Job *job, const char *content, size_t len,
                const char *pool_digest);
/* What a parsed job depended on (deps.h), to store with its entry. */
Deps cache_dependencies(const Cache *c, CXTranslationUnit tu, const Job *job, Arena *a);
/* A valid entry for key, read into res; false on a miss. pool: the
 * summaries from other files the job is analysed with, or NULL. */
bool cache_load(const Cache *c, const char *key, const SummaryTable *pool, JobResult *res);
void cache_store(const Cache *c, const char *key, const Deps *deps, const JobResult *res);

/* FNV-1a, 64 bits, continued from h (start with CACHE_HASH_SEED). */
#define CACHE_HASH_SEED 14695981039346656037ull
unsigned long long cache_hash(unsigned long long h, const void *data, size_t len);

#endif
