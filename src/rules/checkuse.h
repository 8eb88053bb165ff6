/* checkuse.h - the check->use engine shared by the toctou-* rules: finds
 * each check, the later uses of the same name it decides, and classifies
 * the pair; a rule reports the pairs of one kind. */
#ifndef FSRACE_CHECKUSE_H
#define FSRACE_CHECKUSE_H
#include "../analysis/sites.h"
#include "rules.h"

typedef enum PairKind {
    PAIR_NONE,          /* not a race */
    PAIR_RACE,          /* toctou-check-use */
    PAIR_EXISTS_READ,   /* toctou-exists-read: existence check, read-only use */
    PAIR_SYMLINK,       /* toctou-symlink-check: lstat()/readlink() link check */
} PairKind;

/* Report, under in->rule, every check/use pair of kind `want`. */
void checkuse_run(const RuleInput *in, Findings *out, PairKind want);

/* Is key a name no other process can replace at (block, index): "/", ".", a
 * literal or a buffer built under /proc, /sys or /dev (not /dev/shm)? */
bool checkuse_kernel_name(const RuleInput *in, int block, int index, const char *key);

/* Did the working directory move (chdir(), fchdir()) on every path from
 * the check to the use, so that a name not known to be absolute names a
 * file of another directory at the use (at's atd)? */
bool checkuse_cwd_moved(const RuleInput *in, const Site *check, const Site *use);

#endif
