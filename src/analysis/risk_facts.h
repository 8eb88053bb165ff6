/* risk_facts.h - the unit-wide facts of the risk ranking (risk.h). */
#ifndef FSRACE_RISK_FACTS_H
#define FSRACE_RISK_FACTS_H
#include "risk.h"

enum { RISK_MAX_SHARED = 16, RISK_MAX_WALKERS = 16, RISK_MAX_LISTED = 64 };

struct RiskFacts {
    struct {
        const char *dir;        /* made group- or world-writable */
        SrcLoc loc;
        long long mode;
    } shared[RISK_MAX_SHARED];
    int nshared;
    struct {
        const char *dir;        /* made with mkdir(dir, 0700): the program's own */
        SrcLoc loc;
    } private_dirs[RISK_MAX_SHARED];
    int nprivate;
    const char *walkers[RISK_MAX_WALKERS];     /* nftw() callbacks */
    int nwalkers;
    struct {
        const char *callee;     /* a function of the unit, */
        int param;              /* whose parameter receives a listed name */
        SrcLoc loc;             /* at this call */
        bool bare;              /* the entry's name itself (de->d_name): relative */
    } listed[RISK_MAX_LISTED];
    int nlisted;
    struct {
        const char *dir;        /* a literal directory the unit chdir()s to */
        SrcLoc loc;
    } cwd[RISK_MAX_SHARED];
    int ncwd;
    bool cwd_unknown;           /* some chdir()/fchdir() goes elsewhere */
};

/* Is parameter `param` of function `fn` given a name from a directory
 * listing by some call in the unit (chattr_dir_proc() passes
 * concat_path_file(dir, de->d_name) to change_attributes())? The call. */
const SrcLoc *risk_facts_listed_param(const RiskFacts *rf, const char *fn, int param,
                                      bool *bare);
/* Is the key the name of a readdir() entry itself (de->d_name): one
 * component, relative to the directory listed? */
bool risk_facts_entry_name(const Function *fn, const char *key);

/* The callee whose result temporary `key` holds (getuid for "%3"), or "". */
const char *risk_temp_callee(const Function *fn, const char *key);
/* setuid(getuid()), seteuid(ruid), setresuid(u, u, u) with the real id. */
bool risk_is_drop_call(const Function *fn, const Call *c);
typedef enum Rights { RIGHTS_KEPT, RIGHTS_DROPPED, RIGHTS_REGAINED } Rights;
/* What call c (in fn) does to the process's ids: drops them to the real
 * user's, or for good to one user's (such a call, or a program function
 * whose summary says it drops: in this unit or, through the program's
 * pool, another, like cronie's swap_uids() in misc.c; or one that sets
 * the user id to its argument, screen's xseteuid(real_uid)); sets other
 * ids (seteuid(saved), or a function that may); or neither. */
Rights risk_call_rights(const Function *fn, const Call *c);
/* 1 + the parameter of fn that call c sets the user id to (seteuid(euid)
 * in xseteuid(euid), or a call of such a wrapper); 0 if it does not. */
int risk_call_ids_param(const Function *fn, const Call *c);
/* Does c set every user id to one value for good: setuid(u),
 * setresuid(u, u, u), or a wrapper that does (Summary ids_for_good)? */
bool risk_call_for_good(const Call *c);
/* Is fn passed to nftw()/ftw() as the callback? */
bool risk_facts_walker(const RiskFacts *rf, const char *fn);

#endif
