/* regular_file.h - reading a file fsrace opens itself (a source file, the
 * compile database, the configuration, a baseline): through one descriptor
 * opened without blocking, checked on that descriptor to be a regular
 * file, and read up to a size cap, so that a FIFO, a device such as
 * /dev/zero or an endless file is a one-line error and never a hang. */
#ifndef FSRACE_REGULAR_FILE_H
#define FSRACE_REGULAR_FILE_H
#include <stddef.h>

typedef struct FileBytes {
    char *data;     /* malloc'd, NUL-terminated (the NUL is not counted) */
    size_t size;
} FileBytes;

/* NULL on success, else why the file cannot be read (strerror's text, "is
 * a directory", "a FIFO ...", "larger than N MiB", valid until the thread's
 * next call). max_mib is the largest size accepted, in MiB. */
const char *regular_file_read(const char *path, unsigned max_mib, FileBytes *out);
void file_bytes_free(FileBytes *f);

#endif
