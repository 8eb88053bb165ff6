/* finding.h - what a rule reports: a located message with notes for the
 * earlier steps (the check), collected per translation unit. */
#ifndef FSRACE_FINDING_H
#define FSRACE_FINDING_H
#include "../ir/ir.h"

typedef struct Rule Rule;

/* What a step of a finding's path is, for its label (HTML): a note is
 * the check that decided the use unless its rule says otherwise; the
 * finding itself is the use unless its rule says otherwise. */
typedef enum StepRole {
    ROLE_CHECK,     /* a check that decides what follows */
    ROLE_OPEN,      /* the descriptor opened here */
    ROLE_CREATE,    /* the file made here */
    ROLE_REMOVE,    /* the name removed here */
    ROLE_NAME,      /* a temporary name made here */
    ROLE_LOCK,      /* a lock acquired here */
    ROLE_INSIDE,    /* where, inside a called function, it acts */
    ROLE_USE,       /* the racy use */
    ROLE_COUNT
} StepRole;

/* "check", "open", ...: the label of a role; NULL past the end. */
const char *step_role_name(StepRole r);

typedef struct Note {
    SrcLoc loc;
    const char *message;
    StepRole role;
} Note;

/* A stretch of source: from start up to, not including, end_line:end_col. */
typedef struct SrcRegion {
    SrcLoc start;
    unsigned end_line, end_col;
} SrcRegion;

/* How much a finding matters (src/analysis/risk.h): who can reach the name,
 * and what the program does with it. */
typedef enum RiskLevel { RISK_LOW, RISK_MEDIUM, RISK_HIGH } RiskLevel;

/* Which question a reason answers. */
typedef enum RiskFactor {
    RISK_PRIVILEGE, /* does the program run with rights the user lacks? */
    RISK_PLACE,     /* who can write the directory the name lives in? */
    RISK_USE,       /* what does the use do to the file? */
    RISK_CHECK,     /* what did the check test? */
    RISK_RULE,      /* the rule's own standing (lock-order) */
} RiskFactor;

/* One fact fsrace saw that raises (weight > 0) or lowers the risk. */
typedef struct RiskReason {
    SrcLoc loc;             /* the code that shows it */
    const char *text;       /* "/tmp is writable by every user" */
    RiskFactor factor;
    int weight;
} RiskReason;

/* What the risk of a finding still needs to know about the program the
 * function runs in (privileged? set-user-ID?), which only the whole run
 * knows (src/cli/program_rights.c, risk_program()). */
typedef struct RiskPending {
    SrcLoc access;          /* an access() that asks with the real ids; line 0: none */
    bool creates;           /* ...and the use creates the file */
    SrcLoc argv;            /* the name comes from the command line; line 0: no */
} RiskPending;

typedef struct Finding {
    const Rule *rule;
    SrcLoc loc;             /* the racy use */
    const char *message;
    StepRole role;          /* what the reported call is (ROLE_USE unless set) */
    const char *function;   /* enclosing function */
    SrcLoc function_loc;    /* its name in the definition (suppressions) */
    Note *notes;
    int nnotes, cap_notes;
    /* Optional machine-applicable fix: replace fix_region with this text.
     * NULL when the rule has none (SARIF "fixes" only when set). */
    const char *fix_replacement;
    SrcRegion fix_region;
    RiskLevel risk;         /* from the reasons: risk_level() */
    RiskReason *reasons;
    int nreasons, cap_reasons;
    RiskPending pending;
} Finding;

typedef struct Findings {
    Arena *arena;           /* owns findings, messages and notes */
    Finding *items;
    int n, cap;
    /* findings_at()'s hash of items[0..nindexed) by rule and place (item
     * index + 1 per slot; 0 empty); -1: index again (items were
     * reordered or dropped) */
    int *index;
    int index_cap, nindexed;
} Findings;

Finding *finding_add(Findings *f, const Rule *rule, const Function *fn, SrcLoc loc,
                     const char *message);
/* A note on a check (ROLE_CHECK); finding_note_as for another role. */
void finding_note(Findings *f, Finding *finding, SrcLoc loc, const char *message);
void finding_note_as(Findings *f, Finding *finding, SrcLoc loc, StepRole role,
                     const char *message);
/* The finding of `rule` already reported at loc, or NULL: a rule that
 * pairs a use with several checks adds a note to it instead. */
Finding *findings_at(Findings *f, const Rule *rule, SrcLoc loc);
void finding_reason(Findings *f, Finding *finding, const RiskReason *r);
/* Sort by file, line, column, rule; drop exact duplicates. */
void findings_sort(Findings *f);
/* Of two findings on the same call, drop the one a more specific rule
 * supersedes (src/rules/precedence.def), keeping its notes. */
void findings_resolve_precedence(Findings *f);

#endif
