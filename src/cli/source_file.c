/* source_file.c - reads a main file through one descriptor, so what is
 * checked (a regular, readable text file) is what gets parsed: the bytes
 * are handed to libclang as an unsaved file instead of the name. */
#include "source_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_SOURCE_BYTES = 256 * 1024 * 1024 };

static const char *read_all(int fd, size_t size, SourceFile *out)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return "out of memory";
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
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
    buf[got] = '\0';
    out->data = buf;
    out->size = got;
    return NULL;
}

const char *source_file_read(const char *path, SourceFile *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return strerror(errno);
    struct stat st;
    const char *err = NULL;
    if (fstat(fd, &st) != 0)
        err = strerror(errno);
    else if (S_ISDIR(st.st_mode))
        err = "is a directory, not a source file";
    else if (!S_ISREG(st.st_mode))
        err = "not a regular file";
    else if (st.st_size > MAX_SOURCE_BYTES)
        err = "larger than 256 MiB; not analysed";
    else
        err = read_all(fd, (size_t)st.st_size, out);
    close(fd);
    if (!err && memchr(out->data, '\0', out->size)) {
        source_file_free(out);
        err = "binary file (contains NUL bytes), not C source";
    }
    return err;
}

void source_file_free(SourceFile *f)
{
    free(f->data);
    f->data = NULL;
    f->size = 0;
}
