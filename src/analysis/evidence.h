/* evidence.h - what each function shows about the rights of the program
 * it runs in, for the risk of findings (risk.h).
 *
 * Privilege is a property of a program, not of a compile database: tar's
 * chown() in busybox says nothing about ls, login's setreuid() in
 * util-linux nothing about hwclock. So each function records its own
 * signs, and the functions it may call (directly, or by naming them:
 * h->action = extract, pthread_create(..., worker, ...)); the run then
 * joins the units' functions into a call graph (src/cli/program_rights.c)
 * and a function is privileged when an entry that reaches such a sign
 * reaches it.
 *
 * Two signs: the program runs with rights its user may lack (the setuid
 * family, capset(), chown() to other users, a PAM module); and, narrower,
 * its real and effective ids differ: it is set-user-ID (it returns to the
 * real user's ids, setuid(getuid()); it asks for full root, setuid(0);
 * issetugid()). Only then does access() ask about someone else than the
 * use runs as: a daemon started as root has the same real and effective
 * ids.
 *
 * What runs in a new user namespace (after unshare(CLONE_NEWUSER), or a
 * function handed to one that clones with it: lxc's userns_exec_full())
 * switches to ids of that namespace, setgid(0) included: no sign of the
 * program's rights. */
#ifndef FSRACE_EVIDENCE_H
#define FSRACE_EVIDENCE_H
#include "../report/finding.h"
#include "../ir/ir.h"

typedef struct FnEvidence {
    const char *name;
    bool exported;          /* external linkage */
    RiskReason privileged;  /* first sign of rights the user may lack; text NULL: none */
    RiskReason setid;       /* first sign that real and effective ids differ; text NULL: none */
    const char **calls;     /* the program functions it calls or names, once each */
    int ncalls, cap_calls;
    bool userns;            /* makes a new user namespace (a call with CLONE_NEWUSER):
                             * what it runs there switches ids inside it */
    /* Functions it passes by name to a call, and to which callee (lxc's
     * userns_exec_full(conf, storage_destroy_wrapper, ...)). */
    struct FnPass {
        const char *callee, *fn;
    } *passes;
    int npasses, cap_passes;
    /* The program functions it calls only after it gave its rights up
     * for good or to the real user (postsuper's main(): set_ugid(owner),
     * then the queue walks), and the call that did (text NULL: none). */
    const char **dropped_calls;
    int ndropped, cap_dropped;
    RiskReason drop;
} FnEvidence;

/* The evidence of fn, strings in a. */
FnEvidence evidence_of(Arena *a, const Function *fn);

#endif
