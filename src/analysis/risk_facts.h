/* risk_facts.h - the unit-wide facts of the risk ranking (risk.h). */
#ifndef FSRACE_RISK_FACTS_H
#define FSRACE_RISK_FACTS_H
#include "risk.h"

enum { RISK_MAX_SHARED = 16, RISK_MAX_DROPPERS = 16, RISK_MAX_WALKERS = 16 };

struct RiskFacts {
    RiskReason privilege;       /* first sign of privilege; text NULL if none */
    struct {
        const char *dir;        /* made group- or world-writable */
        SrcLoc loc;
        long long mode;
    } shared[RISK_MAX_SHARED];
    int nshared;
    const char *droppers[RISK_MAX_DROPPERS];   /* functions that drop rights */
    int ndroppers;
    const char *walkers[RISK_MAX_WALKERS];     /* nftw() callbacks */
    int nwalkers;
};

/* setuid(getuid()), seteuid(ruid), setresuid(u, u, u) with the real id. */
bool risk_is_drop_call(const Function *fn, const Call *c);
/* c (in fn) drops the rights: such a call, or a call of a function of the
 * unit that makes one. */
bool risk_facts_drops(const RiskFacts *rf, const Function *fn, const Call *c);
/* Is fn passed to nftw()/ftw() as the callback? */
bool risk_facts_walker(const RiskFacts *rf, const char *fn);

#endif
