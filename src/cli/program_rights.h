/* program_rights.h - the privilege of each finding, from the program its
 * function runs in.
 *
 * One compile database often builds many programs (util-linux's login and
 * hwclock) or one program of many commands (busybox), and only some of
 * them run with rights their user lacks. The units' functions (evidence.h)
 * are joined into one call graph: a call means the caller's own unit's
 * definition, else its program's (program_key()), else any unit's. Its
 * entries are the main()s and the functions nothing calls or names (an
 * applet's main, which busybox calls through a table; a library's API). A
 * function is privileged when an entry that reaches a sign of privilege
 * reaches it, set-user-ID likewise. A database that defines no main() at
 * all (a library, a single file) gives no entries to trust: each of its
 * programs is then one whole. */
#ifndef FSRACE_PROGRAM_RIGHTS_H
#define FSRACE_PROGRAM_RIGHTS_H
#include "joblist.h"

/* Give every finding of res[0..jl->n) its program's part of the risk
 * (risk_program()). */
void program_rights_apply(const JobList *jl, JobResult *res);

#endif
