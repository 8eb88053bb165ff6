/* source_file.c - reads a main file through one descriptor, so what is
 * checked (a regular, readable text file) is what gets parsed: the bytes
 * are handed to libclang as an unsaved file instead of the name. */
#include "source_file.h"

#include <stdlib.h>
#include <string.h>

#include "../util/regular_file.h"

enum { MAX_SOURCE_MIB = 256 };

const char *source_file_read(const char *path, SourceFile *out)
{
    FileBytes f = {0};
    const char *err = regular_file_read(path, MAX_SOURCE_MIB, &f);
    if (!err && memchr(f.data, '\0', f.size)) {
        file_bytes_free(&f);
        err = "binary file (contains NUL bytes), not C source";
    }
    out->data = f.data;
    out->size = f.size;
    return err;
}

void source_file_free(SourceFile *f)
{
    free(f->data);
    f->data = NULL;
    f->size = 0;
}
