/* lexscan.h - what a C file says before it is parsed: its includes, the
 * macros it defines, the identifiers its code names and the functions it
 * defines, read lexically once per run. Used to guess a unit's cost
 * (cost.c) and to tell units that cannot produce a finding (prefilter.c).
 * Identifiers are interned: one copy of each spelling per run, so equal
 * names are equal pointers. */
#ifndef FSRACE_LEXSCAN_H
#define FSRACE_LEXSCAN_H
#include <stdbool.h>

#include "../util/arena.h"
#include "../util/strmap.h"

typedef struct Include {
    const char *name;           /* as written between "" or <> */
    bool quoted;                /* "": looked up beside the includer first */
    bool in_braces;             /* inside { }: its code is the includer's */
} Include;

/* One token the body builds with ##: its parts in order, each a fixed
 * identifier or NULL (a parameter, __VA_ARGS__, or a token that is no
 * identifier: what it becomes depends on the use). */
typedef struct Paste {
    const char **parts;
    int n, cap;
} Paste;

typedef struct Macro {
    const char *name;
    const char **idents;        /* identifiers of its body */
    int n, cap;
    Paste *pastes;
    int npastes, cap_pastes;
} Macro;

/* A function definition `... name(...) {` at file level: its name, its
 * linkage, and the identifiers of its body (each once). Lexical: both
 * branches of an #if count, and a macro that defines a function shows
 * the macro's name. */
typedef struct FuncDef {
    const char *name;
    bool exported;              /* no `static` on it or on an earlier
                                 * declaration in the file */
    const char **idents;
    int n, cap;
} FuncDef;

/* One file, read once per run. */
typedef struct FileScan {
    long long bytes;
    long long mtime_sec, mtime_nsec, ino;   /* as read, for the cache */
    bool partial;               /* too large: read only in part, or not at all */
    Include *includes;
    int nincludes, cap_includes;
    bool computed_include;      /* #include MACRO: cannot be followed */
    Macro *macros;
    int nmacros, cap_macros;
    const char **idents;        /* identifiers its code (not directives)
                                 * names as values or callees: not struct
                                 * tags, not members after . or -> */
    int nidents, cap_idents;
    const char **others;        /* the identifiers idents leaves out (tags,
                                 * members), each once: a macro's ## may
                                 * paste them */
    int nothers, cap_others;
    FuncDef *funcs;             /* in the order of the file */
    int nfuncs, cap_funcs;
} FileScan;

typedef struct Word Word;

/* Interned spellings, open addressing. */
typedef struct Words {
    Word **slots;
    int n, cap;
} Words;

typedef struct ScanCache {
    Arena arena;
    Arena *names;               /* where paths are interned: NULL for arena;
                                 * give one that outlives the cache to keep
                                 * the paths of deps (scan_path) */
    Words paths;                /* each knows its position in files, or
                                 * SCAN_ABSENT / SCAN_UNREADABLE */
    FileScan **files;
    int n, cap;
    Words words;                /* identifiers */
    unsigned stamps;            /* the last stamp handed out (word_mark) */
} ScanCache;

/* A new stamp for word_mark(): a fresh set of marked words. */
unsigned scan_new_stamp(ScanCache *c);
/* Mark an interned name or path with stamp in one of its slots; false if
 * it already was. Each slot holds one set of names at a time: slots below
 * WORD_CALLER are the scanner's, WORD_CALLER and WORD_CALLER2 the
 * caller's. */
enum { WORD_CALLER = 4, WORD_CALLER2, WORD_SLOTS };
bool word_mark(const char *name, int slot, unsigned stamp);
/* The one copy of dir/name (name alone when absolute), as a path. */
const char *scan_path(ScanCache *c, const char *dir, size_t ndir, const char *name);

/* The scan of path (memoised), or NULL when it is not a readable regular
 * file. Never blocks on a FIFO; a file over 64 MiB counts by its size only
 * and is marked partial. */
const FileScan *scan_file(ScanCache *c, const char *path);
enum { SCAN_ABSENT = -1, SCAN_UNREADABLE = -2 };
/* After scan_file(path) gave NULL: did path not exist at all? */
bool scan_was_absent(ScanCache *c, const char *path);
/* Scan text that is not a file (a -D definition written as #define). */
void scan_text(ScanCache *c, FileScan *out, const char *data, size_t len);
void scan_cache_free(ScanCache *c);

#endif
