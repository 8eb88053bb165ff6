/* toctou_check_use.c - CWE-367, CERT FIO45-C: a name is checked (access(),
 * stat(), an open() probe, mkdir(), rename()...), then used by name
 * (open(), chmod(), unlink()...), and the check decides the use: another
 * process can replace the file in between. The engine is checkuse.c.
 *
 * Also toctou-exists-read (off by default): the same when the check only
 * asks whether the name exists and the use only reads. */
#include "checkuse.h"

void rule_toctou_check_use(const RuleInput *in, Findings *out)
{
    checkuse_run(in, out, PAIR_RACE);
}

void rule_toctou_exists_read(const RuleInput *in, Findings *out)
{
    checkuse_run(in, out, PAIR_EXISTS_READ);
}
