/* prefilter.h - telling, before parsing, which units cannot produce a
 * finding (see prefilter.c). */
#ifndef FSRACE_PREFILTER_H
#define FSRACE_PREFILTER_H
#include <stdbool.h>

#include "../analysis/evidence.h"
#include "../cache/deps.h"
#include "job.h"
#include "lexscan.h"

/* Every definition a macro name has in the scanned files. */
typedef struct MacroDefs {
    const Macro **defs;
    int n, cap;
} MacroDefs;

typedef struct Prefilter {
    Arena arena;
    ScanCache scans;            /* every file reached, read once */
    FileScan **defines;         /* -D definitions, as scanned text */
    int ndefines, cap_defines;
    StrMap macro_index;         /* name -> position in macros */
    MacroDefs *macros;
    int nmacros, cap_macros;
    int indexed_files;          /* scans.n when macro_index was built */
} Prefilter;

typedef struct PrefilterUnit {
    const FileScan *main;       /* the main file's scan, NULL if unreadable */
    const FileScan **body;      /* files included inside its { }: their
                                 * code is the main file's code */
    int nbody, cap_body;
    bool unsure;                /* cannot tell: the unit must be parsed */
    Deps deps;                  /* every file read and every candidate name
                                 * that did not exist: what the decision
                                 * rests on, for the cache */
    bool uncacheable;           /* a candidate could not be read */
} PrefilterUnit;

/* Scan the unit's main file and everything it may include. */
void prefilter_scan(Prefilter *pf, const Job *job, const char *cwd, PrefilterUnit *out);
/* May the unit produce a finding, with pooled (NULL or a set of program
 * function names whose summaries have effects) as further triggers? When
 * it may not and names is not NULL, *names gets every identifier its code
 * reaches (in arena a): the callees it could have. Call after every unit
 * was scanned. */
bool prefilter_may_matter(Prefilter *pf, const PrefilterUnit *u, const StrMap *pooled,
                          const char ***names, int *nnames, Arena *a);
/* What an idle unit's functions tell the program's call graph
 * (program_rights.c), read lexically: each function its main file defines,
 * its linkage, and the names its body reaches through macros, standing in
 * for the functions it calls or names. No signs of privilege: the calls
 * that show one make a unit matter. Returns the count, *out in arena a. */
int prefilter_evidence(Prefilter *pf, const PrefilterUnit *u, FnEvidence **out, Arena *a);
void prefilter_free(Prefilter *pf);

#endif
