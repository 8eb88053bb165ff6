/* catalog.c - the table built from functions.def, with a binary-search
 * lookup (the table is sorted once, on first use). */
#include "catalog.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static FileFunc table[] = {
#define FN(name, group, roles, path, path2, dirfd, dirfd2, flags, flagkind, out, result, fix) \
    {#name, group, roles, path, path2, dirfd, dirfd2, flags, flagkind, out, result, fix, \
     false, 0, NULL, NULL, false, NULL, 0, 0},
#include "functions.def"
#undef FN
};

enum { TABLE_LEN = sizeof(table) / sizeof(table[0]) };

static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int by_name(const void *a, const void *b)
{
    return strcmp(((const FileFunc *)a)->name, ((const FileFunc *)b)->name);
}

static void sort_table(void) { qsort(table, TABLE_LEN, sizeof(table[0]), by_name); }

const FileFunc *catalog_find(const char *name)
{
    pthread_once(&sorted_once, sort_table);
    FileFunc key = {.name = name};
    return bsearch(&key, table, TABLE_LEN, sizeof(table[0]), by_name);
}

const FileFunc *catalog_all(int *n)
{
    pthread_once(&sorted_once, sort_table);
    *n = TABLE_LEN;
    return table;
}
