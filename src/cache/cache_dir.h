/* cache_dir.h - the cache's directory: opened once, by a name that is not a
 * symbolic link, checked on its descriptor (ours, mode 0700, writable), and
 * then only used relative to that descriptor. Only files that are provably
 * entries (an entry's name and an entry's first bytes, checked on the open
 * descriptor) are ever read, counted or removed: a cache directory pointed
 * at $HOME must not cost the user a file. */
#ifndef FSRACE_CACHE_DIR_H
#define FSRACE_CACHE_DIR_H
#include <stdbool.h>
#include <stddef.h>

/* Every entry begins with these bytes (the start of its JSON object). */
#define CACHE_ENTRY_MAGIC "{\"fsrace_cache\": "

/* The directory's descriptor (creating it, mode 0700), or -1 and why not
 * (a static or strerror string). */
int cache_dir_open(const char *path, const char **why);

/* The size limit from $FSRACE_CACHE_LIMIT_MIB (default 256 MiB); a value
 * that is not a whole number in range gives one warning line and the
 * default. */
long long cache_dir_limit(void);

/* An entry's file name for a key hash: 16 hex digits and ".json". */
void cache_entry_name(unsigned long long hash, char name[32]);

/* The entry called name, read through a descriptor opened without
 * following links or blocking, only if it is a regular file of sane size
 * that starts with CACHE_ENTRY_MAGIC; NULL otherwise. *fd stays open (for
 * futimens) when the text is returned. */
char *cache_entry_read(int dirfd, const char *name, size_t *len, int *fd);

/* Remove the least recently used entries until they take at most 80 % of
 * limit bytes; files that are not entries are neither counted nor touched. */
void cache_dir_trim(int dirfd, long long limit);

#endif
