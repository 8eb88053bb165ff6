/* fixes.h - machine-applicable fixes: one text edit a rule attaches to a
 * finding, which --fix applies and --export-fixes, SARIF and JSON carry.
 * Each is made only where the edit is mechanical and means exactly what
 * the finding advises: the edited text is written out at the call (not
 * inside a macro that expands to the whole call), and the result parses as
 * intended. A finding keeps its first fix. */
#ifndef FSRACE_FIXES_H
#define FSRACE_FIXES_H
#include "../analysis/sites.h"
#include "../report/finding.h"

/* Replace [start, end) with text. */
bool fix_replace(Findings *out, Finding *f, SrcLoc start, SrcLoc end, const char *text);

/* Argument i of the call as written in the call's own text (for an edit),
 * or NULL. */
const Operand *fix_call_arg(const Ins *call, int i);

/* open()-style flags: append " | FLAG" to the constant flags argument
 * (O_NOFOLLOW, O_EXCL). False when the call has no such argument, its
 * value is not a constant, it already has the flag (bits), or appending
 * would not bind as a |. */
bool fix_add_open_flag(Findings *out, Finding *f, const Ins *call, const FileFunc *fn,
                       const char *flag, long long bits);

/* Make a creating call exclusive: O_EXCL added to open()'s O_CREAT, or
 * fopen()'s "w..." mode literal ending in "x" ("w" -> "wx", "wb" ->
 * "wbx"). False when neither applies. */
bool fix_create_exclusively(Findings *out, Finding *f, const Ins *call, const FileFunc *fn);

#endif
