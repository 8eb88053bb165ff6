/* rights.h - whether the process still has its rights at a point of a
 * function: the last change of its user ids on every path there (a
 * forward data flow over the blocks). A drop to the real user's ids
 * (setuid(getuid()), cronie's swap_uids()) on every path, not taken back
 * (swap_uids_back()) on any, means the code there runs with the user's
 * own rights. Paths that end the program (a drop before die()) reach no
 * later code and tell a caller nothing. */
#ifndef FSRACE_RIGHTS_H
#define FSRACE_RIGHTS_H
#include "../ir/ir.h"

/* The rights on entry to each block of fn, computed once. */
typedef struct RightsFlow RightsFlow;
RightsFlow *rights_flow(Arena *a, const Function *fn);
/* The call that gave the rights up before instruction (block, index), if
 * every path from the entry there passes a drop after its last other
 * change of ids; else NULL. */
const Ins *rights_dropped_before(const RightsFlow *r, int block, int index);

/* What fn does to its caller's rights, on the paths that return: drops
 * them (on some path, and takes them back on none), takes them back on
 * some, or (1 + a parameter's index) sets the user id to that parameter
 * on every one (screen's xseteuid(euid)). */
typedef struct RightsEffect {
    bool drops, regains;
    int ids_param;
    bool for_good;      /* ids_param, with no way back (setuid(uid)) */
} RightsEffect;
RightsEffect rights_effect(const RightsFlow *r);

#endif
