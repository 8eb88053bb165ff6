/* real_ids.h - which values hold the real user's or group's id, the ids a
 * set-user-ID program gives its rights back to: getuid(), getgid(), a
 * variable named for them (ruid, real_uid), or a variable that the code
 * only ever sets from such a value: a local in its function (uid_t me =
 * getuid()), a global in its unit (screen's own_uid = real_uid, with
 * real_uid = getuid() in main()). */
#ifndef FSRACE_REAL_IDS_H
#define FSRACE_REAL_IDS_H
#include "../ir/ir.h"

/* Before the summaries of a unit: note the globals it only ever sets from
 * the real ids (per thread, like summary_set_current). */
void real_ids_scan_unit(Function *const *fns, int n);
/* Forget them (at the end of the unit). */
void real_ids_release(void);
/* Does o, an operand in fn, hold the real user's or group's id? */
bool real_ids_holds(const Function *fn, const Operand *o);

#endif
