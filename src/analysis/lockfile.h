/* lockfile.h - is a file creation a lock file that does not exclude?
 *
 *  - LOCKFILE_CHECKED: an access()/stat() check of the name decides the
 *    creation, which has no O_EXCL (two processes can both find the name
 *    absent), and the name is a lock file's (locks.h) or the check polls
 *    in a loop that sleeps;
 *  - LOCKFILE_NOT_EXCL: a lock file's name created without O_EXCL, with no
 *    check, its descriptor neither locked (flock, fcntl, lockf) nor handed
 *    out of the function.
 * Shared by lockfile-race, which reports them, and insecure-temp-file,
 * which then does not report the same creation in /tmp again. */
#ifndef FSRACE_LOCKFILE_H
#define FSRACE_LOCKFILE_H
#include "cdep.h"
#include "dom.h"
#include "origin.h"
#include "sites.h"

typedef enum LockfileCase { LOCKFILE_OK, LOCKFILE_CHECKED, LOCKFILE_NOT_EXCL } LockfileCase;

typedef struct LockfileVerdict {
    LockfileCase what;
    const Site *check;      /* LOCKFILE_CHECKED: the deciding check */
    bool polls;             /* ... repeated in a loop that sleeps */
} LockfileVerdict;

typedef struct LockfileScan LockfileScan;

/* One per function; the checks are searched once, on first need. */
LockfileScan *lockfile_scan(Arena *a, OriginCtx *origins, const Function *fn,
                            const DomTree *dom, const CtrlDeps *cd);
/* The call at (block, index), if it creates a file. */
LockfileVerdict lockfile_judge(LockfileScan *s, int block, int index);

#endif
