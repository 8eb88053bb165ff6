/* regular_file.c - see regular_file.h. The size is checked twice: on the
 * descriptor before reading, and while reading, since a file can grow
 * between the two (a log being written to). */
#include "regular_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *too_large(unsigned max_mib)
{
    static _Thread_local char why[48];
    snprintf(why, sizeof why, "larger than %u MiB; not read", max_mib);
    return why;
}

/* Up to max + 1 bytes: one more than allowed tells a file that grew. */
static const char *read_capped(int fd, size_t expect, unsigned max_mib, FileBytes *out)
{
    size_t max = (size_t)max_mib << 20, cap = expect + 1, got = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return "out of memory";
    for (;;) {
        if (got == cap) {
            if (got > max)
                break;
            char *bigger = realloc(buf, (cap *= 2) + 1);
            if (!bigger) {
                free(buf);
                return "out of memory";
            }
            buf = bigger;
        }
        ssize_t n = read(fd, buf + got, cap - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            free(buf);
            return strerror(errno);
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (got > max) {
        free(buf);
        return too_large(max_mib);
    }
    buf[got] = '\0';
    out->data = buf;
    out->size = got;
    return NULL;
}

const char *regular_file_read(const char *path, unsigned max_mib, FileBytes *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return strerror(errno);
    struct stat st;
    const char *err;
    if (fstat(fd, &st) != 0)
        err = strerror(errno);
    else if (S_ISDIR(st.st_mode))
        err = "is a directory, not a file";
    else if (!S_ISREG(st.st_mode))
        err = S_ISFIFO(st.st_mode) ? "a FIFO (named pipe), not a regular file"
                                   : "not a regular file (a device or socket)";
    else if ((unsigned long long)st.st_size > (unsigned long long)max_mib << 20)
        err = too_large(max_mib);
    else
        err = read_capped(fd, (size_t)st.st_size, max_mib, out);
    close(fd);
    return err;
}

void file_bytes_free(FileBytes *f)
{
    free(f->data);
    f->data = NULL;
    f->size = 0;
}
