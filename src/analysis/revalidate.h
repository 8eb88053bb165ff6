/* revalidate.h - CERT POS35-C's compliant sequence: after
 *     lstat(name, &a); fd = open(name, ...); fstat(fd, &b);
 * the program compares a and b (st_ino, st_dev, st_mode) and gives up on a
 * mismatch, so the open, though by name, cannot be fooled. */
#ifndef FSRACE_REVALIDATE_H
#define FSRACE_REVALIDATE_H
#include "sites.h"

/* Is the handle `open_use` returns fstat()ed, and the result compared with
 * the check's buffer `check_buf`, later in the function? */
bool revalidated(Arena *a, const Function *fn, const Site *open_use, const char *check_buf);

/* Is c an fstat() (fstat, fstatat, statx...) or a program function that
 * wraps one (summary.h: fstat_fd)? Then *fd and *out receive the indexes
 * of the descriptor argument and of the buffer it fills. */
bool revalidate_fstat_args(const Call *c, int *fd, int *out);

#endif
