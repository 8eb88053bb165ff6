/* write.c - writing a report file safely: never through a symbolic link
 * planted at the destination, never half-written. The report goes to a
 * mkstemp() file in the same directory, which then replaces the
 * destination with rename(). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"

/* Refuse a destination that is a symbolic link or not a regular file;
 * *mode is the permissions of the file it replaces, or -1 for none. */
static const char *check_destination(const char *path, int *mode)
{
    *mode = -1;
    int fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? NULL : strerror(errno);
    struct stat st;
    const char *why = NULL;
    if (fstat(fd, &st) != 0)
        why = strerror(errno);
    else if (S_ISLNK(st.st_mode))
        why = "is a symbolic link; refusing to write through it";
    else if (!S_ISREG(st.st_mode))
        why = "exists and is not a regular file";
    else
        *mode = (int)(st.st_mode & 0777);
    close(fd);
    return why;
}

static const char *write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return strerror(errno);
        data += n;
        len -= (size_t)n;
    }
    return NULL;
}

/* A replaced report keeps its permissions (a 0600 report stays private);
 * a new one gets 0666 less the umask, as open() would give it. With `was`
 * (a file rewritten by --fix) root also gives it the original's owner. */
static const char *write_replacing(const char *path, const StrBuf *buf, int mode,
                                   const struct stat *was)
{
    char *copy = strdup(path);
    char *tmp = malloc(strlen(path) + 32);
    if (!copy || !tmp) {
        free(copy);
        free(tmp);
        return "out of memory";
    }
    sprintf(tmp, "%s/.fsrace-XXXXXX", dirname(copy));
    free(copy);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return strerror(errno);
    }
    mode_t mask = umask(0);
    umask(mask);
    const char *why = NULL;
    if (fchmod(fd, mode >= 0 ? (mode_t)mode : 0666 & ~mask) != 0)
        why = strerror(errno);
    if (!why && was && geteuid() == 0 && fchown(fd, was->st_uid, was->st_gid) != 0)
        why = strerror(errno);
    if (!why)
        why = write_all(fd, buf->data ? buf->data : "", buf->len);
    if (close(fd) != 0 && !why)
        why = strerror(errno);
    if (!why && rename(tmp, path) != 0)
        why = strerror(errno);
    if (why)
        unlink(tmp);
    free(tmp);
    return why;
}

const char *report_write(const char *path, const StrBuf *buf)
{
    if (!path) {
        fwrite(buf->data ? buf->data : "", 1, buf->len, stdout);
        return fflush(stdout) == 0 ? NULL : strerror(errno);
    }
    int mode;
    const char *why = check_destination(path, &mode);
    return why ? why : write_replacing(path, buf, mode, NULL);
}

const char *report_rewrite(const char *path, const StrBuf *buf, const struct stat *was)
{
    return write_replacing(path, buf, (int)(was->st_mode & 07777), was);
}
