/* handles.h - the descriptor (or FILE*, DIR*) an open returned: which
 * storage holds it, and whether it is still open and in use at a point.
 * "In use" means the program reads it again later (writes, fstat, close),
 * which also tells the success path from the failure one, where the
 * descriptor is -1 and nothing reads it again. */
#ifndef FSRACE_HANDLES_H
#define FSRACE_HANDLES_H
#include "dom.h"
#include "names.h"
#include "sites.h"

/* Keys holding the handle `open_site` returns: its temp, variables it is
 * copied to, fileno() of it, the stream fdopen() wraps around it. Empty
 * when the result is dropped. */
NameSet handles_of(Arena *a, const Function *fn, const Site *open_site);
/* Is the handle open at (block, index): reachable from the open without a
 * close() of it, and read again after that point? */
bool handles_open_at(Arena *a, const Function *fn, const Site *open_site, const NameSet *h,
                     int block, int index);
/* Is block b reached only when the open failed: through the failure edge
 * of a test of the handle (fd < 0, fd == -1, f == NULL, !f)? */
bool handles_failed_at(const Function *fn, const DomTree *dom, const NameSet *h, int b);
/* Does the function work through the handle: pass it to a call other
 * than close(), fstat() or fileno() (write(), fprintf(), fdopen(), a
 * helper)? A probe only tests the handle and closes it. */
bool handles_worked_through(const Function *fn, const NameSet *h);
/* The call through which the function changes the open file itself, not
 * its content: fchmod(), fchown(), fsetxattr(), futimens(), or an ioctl()
 * whose request hands the kernel a value (FS_IOC_SETFLAGS; _IOW) rather
 * than asking for one (FS_IOC_GETFLAGS). A read-only open used so is no
 * read (chattr's fsetflags()). NULL if none. */
const Ins *handles_changed_through(const Function *fn, const NameSet *h);
/* A variable (not a temp) holding the handle, for messages; NULL if none. */
const char *handles_variable(const NameSet *h);

#endif
