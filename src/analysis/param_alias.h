/* param_alias.h - pointer parameters that a caller points into the buffer
 * of another parameter of the same call:
 *
 *     chp = strchr(buf, '\0');
 *     mkmaildir(buf, chp);               <- chp points into buf
 *
 *     static int mkmaildir(char *buffer, char *chp) {
 *         strcpy(chp, "new"); trymkdir(buffer);   <- buffer names .../new
 *         strcpy(chp, "cur"); trymkdir(buffer);   <- another directory
 *
 * Inside the callee a write through chp changes the name in buffer
 * (procmail's foldinfo.c mkmaildir(), exopen.c unique()). Only the calls
 * of the unit are seen: such helpers are mostly static. */
#ifndef FSRACE_PARAM_ALIAS_H
#define FSRACE_PARAM_ALIAS_H
#include "../ir/ir.h"

/* Before the summaries of a unit: note the calls of its own functions that
 * pass a pointer derived from another argument (per thread, like
 * summary_set_current). */
void param_alias_scan_unit(Function *const *fns, int n);
/* Forget them (at the end of the unit). */
void param_alias_release(void);
/* May parameter `into` of the function named fn point into the buffer of
 * its parameter `buf` at some call of the unit? */
bool param_alias_into(const char *fn, int into, int buf);

#endif
