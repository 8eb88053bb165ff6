/* locks.h - recognising locks: the calls that take and release them
 * (pthread mutexes and rwlocks, C11 mtx, flock(), lockf(), fcntl() record
 * locks), and lock files by their names. */
#ifndef FSRACE_LOCKS_H
#define FSRACE_LOCKS_H
#include <stdbool.h>

#include "origin.h"

typedef enum LockAct {
    LOCK_NONE,
    LOCK_ACQUIRE,       /* waits until it holds the lock */
    LOCK_TRY,           /* takes it if free, else fails at once */
    LOCK_RELEASE,
} LockAct;

typedef enum LockObj {
    LOBJ_MEMORY,        /* the argument points at a mutex, rwlock, spinlock */
    LOBJ_FILE,          /* the argument is a descriptor: a lock on its file */
} LockObj;

typedef struct LockCall {
    LockAct act;
    LockObj obj;
    int arg;            /* the mutex pointer or descriptor argument */
    bool uncertain;     /* fcntl(F_SETLK) whose struct flock's l_type is not
                         * known (an initializer list): a lock or an unlock */
    bool shared;        /* taken to read (rdlock, LOCK_SH, F_RDLCK): other
                         * readers do not wait for it */
} LockCall;

/* What the call at (block, index) does to a lock. close() releases the
 * file locks of its descriptor. fcntl(F_SETLK*) with a struct flock whose
 * l_type was last set to F_UNLCK releases, to F_RDLCK/F_WRLCK acquires;
 * when l_type is not known, F_SETLKW (which waits) is taken to acquire and
 * F_SETLK is uncertain. */
LockCall lock_call(const Function *fn, int block, int index);

typedef enum LockName {
    LOCKNAME_NO,
    LOCKNAME_LOCK,      /* "x.lock", "LCK..ttyS0", "lockfile", variable lock_path */
    LOCKNAME_PID,       /* "x.pid", variable pidfile: a lock only if used as one */
} LockName;

/* Is a file name, with these shapes held in operand `path`, a lock file's? */
LockName lockname_of(const Shapes *s, const Operand *path);

/* After the open-family call at (block, index): is its descriptor (or
 * fileno() of its stream) locked with flock(), lockf() or fcntl()? And
 * does the handle leave the function (returned, stored, passed to the
 * program's own functions), so that a caller may lock it? */
bool handle_locked(Arena *a, const Function *fn, int block, int index, bool *escapes);

#endif
