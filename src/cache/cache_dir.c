/* cache_dir.c - the cache directory and its clean-up; see cache_dir.h. */
#include "cache_dir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/strbuf.h"

enum {
    DEFAULT_LIMIT_MIB = 256,
    MAX_LIMIT_MIB = 1 << 20,            /* 1 TiB */
    MAX_ENTRY_BYTES = 64 * 1024 * 1024, /* far above any real entry */
};

/* mkdir -p, mode 0700 for what it creates. */
static void make_dirs(const char *dir)
{
    char *copy = strdup(dir);
    for (char *p = copy ? copy + 1 : NULL; p && *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(copy, 0700);
            *p = '/';
        }
    if (copy)
        mkdir(copy, 0700);
    free(copy);
}

/* Why the descriptor's directory cannot hold our entries, or NULL. */
static const char *untrusted(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return strerror(errno);
    if (st.st_uid != geteuid())
        return "belongs to another user";
    if (st.st_mode & 077)
        return "is accessible to group or others (it must have mode 0700)";
    /* A probe file: the only honest test that we may write here. */
    char probe[64];
    snprintf(probe, sizeof probe, ".probe-%ld", (long)getpid());
    int p = openat(fd, probe, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (p < 0)
        return errno == EROFS || errno == EACCES || errno == EPERM ? "is not writable"
                                                                   : strerror(errno);
    close(p);
    unlinkat(fd, probe, 0);
    return NULL;
}

int cache_dir_open(const char *path, const char **why)
{
    /* "link/" would follow the link even with O_NOFOLLOW: open the name
     * without its trailing slashes. */
    char *name = strdup(path);
    if (!name) {
        *why = "out of memory";
        return -1;
    }
    for (size_t n = strlen(name); n > 1 && name[n - 1] == '/'; n--)
        name[n - 1] = '\0';
    make_dirs(name);
    int fd = open(name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        struct stat st;
        int link = open(name, O_PATH | O_NOFOLLOW | O_CLOEXEC);   /* the name itself */
        if (link >= 0 && fstat(link, &st) == 0 && S_ISLNK(st.st_mode))
            *why = "is a symbolic link";
        if (link >= 0)
            close(link);
    } else if ((*why = untrusted(fd))) {
        close(fd);
        fd = -1;
    }
    free(name);
    return fd;
}

long long cache_dir_limit(void)
{
    const char *text = getenv("FSRACE_CACHE_LIMIT_MIB");
    if (!text)
        return (long long)DEFAULT_LIMIT_MIB << 20;
    long long mib = 0;
    const char *p = text;
    for (; *p >= '0' && *p <= '9' && mib <= MAX_LIMIT_MIB; p++)
        mib = mib * 10 + (*p - '0');
    if (p == text || *p || mib < 1 || mib > MAX_LIMIT_MIB) {
        fprintf(stderr, "fsrace: warning: FSRACE_CACHE_LIMIT_MIB='%.40s' is not a number of "
                        "MiB from 1 to %d; using %d\n", text, MAX_LIMIT_MIB, DEFAULT_LIMIT_MIB);
        mib = DEFAULT_LIMIT_MIB;
    }
    return mib << 20;
}

void cache_entry_name(unsigned long long hash, char name[32])
{
    snprintf(name, 32, "%016llx.json", hash);
}

/* A name cache_entry_name() makes. */
static bool is_entry_name(const char *name)
{
    for (int i = 0; i < 16; i++)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
            return false;
    return !strcmp(name + 16, ".json");
}

/* The entry's regular-file descriptor and its status, or -1. */
static int open_entry(int dirfd, const char *name, struct stat *st)
{
    if (!is_entry_name(name))
        return -1;
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || st->st_size > MAX_ENTRY_BYTES) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Up to max bytes of fd (a regular file): the whole entry, or its head. */
static char *read_upto(int fd, size_t max, size_t *len)
{
    StrBuf b = {0};
    char buf[65536];
    while (b.len < max) {
        size_t want = max - b.len < sizeof buf ? max - b.len : sizeof buf;
        ssize_t n = read(fd, buf, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        sb_putn(&b, buf, (size_t)n);
    }
    *len = b.len;
    return b.data;
}

static bool has_magic(const char *text, size_t len)
{
    size_t m = strlen(CACHE_ENTRY_MAGIC);
    return text && len >= m && !memcmp(text, CACHE_ENTRY_MAGIC, m);
}

char *cache_entry_read(int dirfd, const char *name, size_t *len, int *fd)
{
    struct stat st;
    *fd = open_entry(dirfd, name, &st);
    if (*fd < 0)
        return NULL;
    char *text = read_upto(*fd, (size_t)st.st_size, len);
    if (!has_magic(text, *len)) {
        free(text);
        close(*fd);
        *fd = -1;
        return NULL;
    }
    return text;
}

/* Is name an entry of ours (name and first bytes)? Its status if so. */
static bool is_entry(int dirfd, const char *name, struct stat *st)
{
    int fd = open_entry(dirfd, name, st);
    if (fd < 0)
        return false;
    size_t len;
    char *head = read_upto(fd, strlen(CACHE_ENTRY_MAGIC), &len);
    bool ok = has_magic(head, len);
    free(head);
    close(fd);
    return ok;
}

typedef struct Aged {
    char name[32];
    long long mtime, size;
} Aged;

static int oldest_first(const void *a, const void *b)
{
    const Aged *x = a, *y = b;
    return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

void cache_dir_trim(int dirfd, long long limit)
{
    int fd = dup(dirfd);
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
        if (strlen(e->d_name) >= sizeof items->name || !is_entry(dirfd, e->d_name, &st))
            continue;
        if (n == cap) {
            Aged *more = realloc(items, (cap = cap ? cap * 2 : 256) * sizeof *items);
            if (!more)
                break;
            items = more;
        }
        snprintf(items[n].name, sizeof items[n].name, "%s", e->d_name);
        items[n].mtime = st.st_mtim.tv_sec;
        items[n].size = st.st_size;
        total += st.st_size;
        n++;
    }
    closedir(d);
    if (total > limit) {
        qsort(items, n, sizeof *items, oldest_first);
        for (size_t i = 0; i < n && total > limit / 10 * 8; i++)
            if (unlinkat(dirfd, items[i].name, 0) == 0)
                total -= items[i].size;
    }
    free(items);
}
