/* source_file.h - a main file's bytes, read once through a descriptor. */
#ifndef FSRACE_SOURCE_FILE_H
#define FSRACE_SOURCE_FILE_H
#include <stddef.h>

typedef struct SourceFile {
    char *data;     /* NUL-terminated */
    size_t size;
} SourceFile;

/* NULL on success, else why the file cannot be analysed. */
const char *source_file_read(const char *path, SourceFile *out);
void source_file_free(SourceFile *f);

#endif
