/* source_lines.c - source lines for the text report's excerpts, from a
 * small cache of whole files (reports touch few files, many times). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/regular_file.h"
#include "../util/strmap.h"
#include "report.h"

/* As for the main files analysed (src/cli/source_file.c). */
enum { MAX_SOURCE_MIB = 256 };

typedef struct CachedFile {
    char *name;
    char *data;         /* NULL if unreadable */
    size_t size;
    size_t *starts;     /* offset of each line */
    size_t nlines;
} CachedFile;

static CachedFile *cache;
static size_t ncache;
static StrMap by_name;      /* name -> index in cache: a report asks per line */

static void index_lines(CachedFile *f)
{
    size_t cap = 64;
    f->starts = malloc(cap * sizeof(size_t));
    f->starts[f->nlines++] = 0;
    for (size_t i = 0; i < f->size; i++) {
        if (f->data[i] != '\n')
            continue;
        if (f->nlines == cap)
            f->starts = realloc(f->starts, (cap *= 2) * sizeof(size_t));
        f->starts[f->nlines++] = i + 1;
    }
}

static CachedFile *load(const char *name)
{
    int at;
    if (strmap_get(&by_name, name, &at))
        return &cache[at];
    strmap_put(&by_name, name, (int)ncache);
    cache = realloc(cache, (ncache + 1) * sizeof(CachedFile));
    CachedFile *f = &cache[ncache++];
    memset(f, 0, sizeof *f);
    f->name = strdup(name);
    FileBytes b = {0};
    if (regular_file_read(name, MAX_SOURCE_MIB, &b))
        return f;   /* no excerpt: the analysis has said what was wrong */
    f->data = b.data;
    f->size = b.size;
    index_lines(f);
    return f;
}

const char *source_line(const char *file, unsigned line, size_t *len)
{
    CachedFile *f = load(file);
    if (!f->data || line == 0 || line > f->nlines)
        return NULL;
    size_t start = f->starts[line - 1];
    size_t end = line < f->nlines ? f->starts[line] - 1 : f->size;
    if (end > start && f->data[end - 1] == '\r')
        end--;
    *len = end - start;
    return f->data + start;
}

const char *source_text(const char *file, size_t *size)
{
    CachedFile *f = load(file);
    *size = f->size;
    return f->data;
}

bool source_offset(const char *file, unsigned line, unsigned col, size_t *offset)
{
    size_t len;
    const char *text = source_line(file, line, &len);
    if (!text || col == 0 || col - 1 > len)
        return false;
    *offset = load(file)->starts[line - 1] + col - 1;
    return true;
}

void source_lines_free(void)
{
    for (size_t i = 0; i < ncache; i++) {
        free(cache[i].name);
        free(cache[i].data);
        free(cache[i].starts);
    }
    free(cache);
    cache = NULL;
    ncache = 0;
    strmap_free(&by_name);
}
