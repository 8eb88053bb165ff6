/* outcome.h - is a point reached only when a call failed?
 *
 *     fd = open(name, O_WRONLY | O_CREAT, 0600);
 *     if (fd == -1 && errno == EACCES)
 *         chmod(name, 0600);          <- only when the open made nothing
 *
 *     if (mknod(path, mode, dev) == 0)
 *         return 0;
 *     chmod(path, mode);              <- only when mknod() failed
 *
 * A call returns either a handle (open, fopen, opendir: -1 or NULL on
 * failure) or a status (mkdir, mknod, link, rename, bind: 0 on success,
 * -1 on failure); the two read `== 0` oppositely. A program function
 * summarised as such a call counts only when it returns the handle: its
 * status may be anything (1 for success, a count). Only tests after the
 * call count: an earlier test of a variable the call later assigns is
 * about something else. Like handles.h, a test is matched by the storage
 * it reads, not by which assignment reached it. */
#ifndef FSRACE_OUTCOME_H
#define FSRACE_OUTCOME_H
#include "dom.h"
#include "sites.h"

/* Which edge of a test of a status result is taken when the call failed:
 * 0 the true edge (r < 0, r == -1, r != 0, if (r)), 1 the false edge
 * (r == 0, r >= 0, r != -1), -1 unknown. */
int outcome_status_failure_edge(const Compare *c);

/* Is block b entered only through the failure edge of a test, after the
 * call, of its result (or a copy of it)? False when the result's meaning
 * is not known. */
bool outcome_failed_at(Arena *a, const Function *fn, const DomTree *dom, const Site *call,
                       int b);

#endif
