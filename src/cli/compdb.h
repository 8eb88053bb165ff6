/* compdb.h - reading a JSON compilation database (compile_commands.json,
 * https://clang.llvm.org/docs/JSONCompilationDatabase.html) ourselves:
 * strict JSON, through one non-blocking descriptor, with every problem
 * named by line and column. libclang's reader accepts a truncated file
 * and reads a FIFO forever. */
#ifndef FSRACE_COMPDB_H
#define FSRACE_COMPDB_H
#include "../util/arena.h"

typedef struct CompdbEntry {
    const char *directory;  /* absolute: a relative one is taken from the database's folder */
    const char *file;       /* as written: absolute, or relative to directory */
    const char **argv;      /* the command, split; argv[0] is the compiler */
    int argc;
} CompdbEntry;

typedef struct Compdb {
    const char *path;       /* the file read */
    CompdbEntry *entries;
    int n, cap;
} Compdb;

/* Read path into db (strings in a). NULL, or one line saying what is
 * wrong ("3:17: expected ',' or '}'", "entry 2: \"file\" is missing"). */
const char *compdb_load(Arena *a, const char *path, const char *cwd, Compdb *db);

#endif
