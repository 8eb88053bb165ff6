/* selector.h - an argument that selects what a function does.
 *
 *     static int quick_check_ok(enum ftype t, const char *fn, ...) {
 *         switch (t) { case FT_REG: size, mtime...; case FT_SYMLINK: readlink(fn) ... }
 *     }
 *
 * called as quick_check_ok(FT_REG, name, ...) never reads the link; cups'
 * cupsFileOpen(name, "r") switches on *mode and only reads. An effect of a
 * summary found in a block that runs only for some constant values of a
 * parameter (an integer, or a string's first character) records them
 * (FileFunc.when_*), and a call passing another constant does not have it. */
#ifndef FSRACE_SELECTOR_H
#define FSRACE_SELECTOR_H
#include "../ir/ir.h"
#include "../model/catalog.h"

/* Fill as->when_* when block b of fn runs only for some constant values of
 * a parameter other than `param` that the function never changes; leave
 * them 0 otherwise. */
void selector_of_block(Arena *scratch, const Function *fn, int param, int b, FileFunc *as);

/* Does the effect f happen at the call ins (its selecting argument, when
 * it has one, is not a constant that rules it out)? */
bool selector_runs(const Ins *ins, const FileFunc *f);

#endif
