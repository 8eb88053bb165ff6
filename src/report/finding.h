/* finding.h - what a rule reports: a located message with notes for the
 * earlier steps (the check), collected per translation unit. */
#ifndef FSRACE_FINDING_H
#define FSRACE_FINDING_H
#include "../ir/ir.h"

typedef struct Rule Rule;

typedef struct Note {
    SrcLoc loc;
    const char *message;
} Note;

typedef struct Finding {
    const Rule *rule;
    SrcLoc loc;             /* the racy use */
    const char *message;
    const char *function;   /* enclosing function */
    Note *notes;
    int nnotes, cap_notes;
} Finding;

typedef struct Findings {
    Arena *arena;           /* owns findings, messages and notes */
    Finding *items;
    int n, cap;
} Findings;

Finding *finding_add(Findings *f, const Rule *rule, const Function *fn, SrcLoc loc,
                     const char *message);
void finding_note(Findings *f, Finding *finding, SrcLoc loc, const char *message);
/* Sort by file, line, column, rule; drop exact duplicates. */
void findings_sort(Findings *f);

#endif
