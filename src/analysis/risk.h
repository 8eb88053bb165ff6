/* risk.h - how much a finding matters, and why.
 *
 * What separates a real race from a harmless one is who can write the
 * directory the name lives in, and whether the program has rights the
 * user lacks when it uses the name. Each finding gets reasons, facts seen
 * in the code (a setuid() call, a name under /tmp, a chown() that follows
 * a link...), each pointing at the code that shows it and raising or
 * lowering the risk; the level (high / medium / low) follows from them
 * (risk_level). The reasons are a table in risk.c; the unit-wide facts
 * (directories it makes writable) in risk_facts.c; each function's signs
 * of privilege in evidence.c, joined over the program by the run. */
#ifndef FSRACE_RISK_H
#define FSRACE_RISK_H
#include "../report/finding.h"
#include "dom.h"

/* Facts about the whole translation unit that every finding shares. */
typedef struct RiskFacts RiskFacts;

RiskFacts *risk_facts(Arena *a, Function *const *fns, int n);

/* Give findings[first..] their reasons and level. fns/dom: the unit's
 * functions and their dominator trees; scratch: freed by the caller. */
void risk_assess(Arena *scratch, const RiskFacts *rf, Function *const *fns, const DomTree *dom,
                 int n, Findings *out, int first);

/* The program's part of f's risk, once the run knows the program f's
 * function belongs to (src/cli/program_rights.c): a sign that it runs
 * with rights its user may lack and one that it is set-user-ID (each NULL
 * if none), the drop of the rights every call into f's function comes
 * after (postsuper's main(): set_ugid(owner); NULL if none), and what they
 * make of f.pending. Sets f->risk. */
void risk_program(Findings *out, Finding *f, const RiskReason *privileged,
                  const RiskReason *setid, const RiskReason *dropped);

/* The level the reasons give (also after reasons were added later). */
RiskLevel risk_level(const Finding *f);
const char *risk_name(RiskLevel r);
/* "low", "medium", "high" (case-sensitive); false otherwise. */
bool risk_parse(const char *s, RiskLevel *out);

#endif
