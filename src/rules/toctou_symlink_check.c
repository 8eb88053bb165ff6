/* toctou_symlink_check.c - CERT POS35-C, CWE-363: a symbolic-link check
 * by name (lstat() + S_ISLNK, a readlink() probe, fstatat with
 * AT_SYMLINK_NOFOLLOW) decides an operation on the same name. The link can
 * be planted after the check. Not reported: O_NOFOLLOW opens, and the
 * compliant lstat/open/fstat sequence that compares st_ino and st_dev.
 * The engine is checkuse.c. */
#include "checkuse.h"

void rule_toctou_symlink_check(const RuleInput *in, Findings *out)
{
    checkuse_run(in, out, PAIR_SYMLINK);
}
