/* rules.h - the rule registry, made from rules.def. */
#ifndef FSRACE_RULES_H
#define FSRACE_RULES_H
#include "../analysis/cdep.h"
#include "../report/finding.h"

typedef enum Severity { SEV_NOTE, SEV_WARNING, SEV_ERROR } Severity;

/* What rules that compute the same thing share for one function (the
 * check->use engine behind three rules runs once): kept until the last
 * rule of the function is done. */
typedef struct RuleShared {
    Arena arena;
    void *checkuse;             /* checkuse.c's pairs, once computed */
    void *moved_cwd;            /* moved_cwd.c's calls that enter a directory */
} RuleShared;

/* What a rule gets for one function: the IR, its dominators and control
 * dependences, a scratch arena freed after the rule, and what the rules
 * share. */
typedef struct RuleInput {
    const Rule *rule;           /* the rule being run */
    const Function *fn;
    const DomTree *dom;         /* dominators */
    const CtrlDeps *cdep;       /* control dependence */
    Arena *scratch;
    RuleShared *shared;
} RuleInput;

typedef void (*RuleFn)(const RuleInput *in, Findings *out);

struct Rule {
    const char *name;           /* C identifier */
    const char *id;             /* shown to users: "toctou-check-use" */
    Severity severity;
    bool on_by_default;
    const char *cwe;            /* "CWE-367" */
    const char *cert;           /* "FIO45-C" */
    const char *security_severity; /* GitHub's 0.0-10.0 scale */
    const char *summary;
    const char *help;
    RuleFn run;
};

#define RULE(name, id, sev, on, cwe, cert, secsev, summary, help) \
    void rule_##name(const RuleInput *in, Findings *out);
#include "rules.def"
#undef RULE

/* Once per translation unit, after its last function (finish.def). */
typedef void (*RuleFinishFn)(const Rule *rule, Findings *out);
#define FINISH(name) void rule_##name##_finish(const Rule *rule, Findings *out);
#include "finish.def"
#undef FINISH

const Rule *rules_all(int *n);
const Rule *rules_find(const char *id);
/* Turn the rules whose ids match a glob (fnmatch: "toctou-*", "lock?*";
 * "all" is "*") on or off for this run; call before any analysis starts.
 * Returns how many rules matched. */
int rules_select(const char *pattern, bool on);
/* The rule's help (src/rules/help/ID.md): what it reports, why, a bad
 * and a fixed example, what it leaves alone. NULL for an unknown id. */
const char *rules_help_markdown(const char *id);
/* The rule id nearest to a mistyped id or glob (for "did you mean"). */
const char *rules_nearest(const char *typed);
bool rules_enabled(const Rule *r);
const char *severity_name(Severity s);
/* Run the enabled rules on one function, or with `all` every rule: a
 * unit's findings are cached for every rule and filtered when reported
 * (rules_keep_enabled), so that changing the rule selection does not
 * cost a parse. */
void rules_run(const Function *fn, const DomTree *dom, const CtrlDeps *cdep, bool all,
               Findings *out);
/* Run the finish hook of the enabled rules (or all) that have one; call
 * once per translation unit, after its last rules_run(). */
void rules_finish(bool all, Findings *out);
/* Drop the findings of the rules that are off in this run. */
void rules_keep_enabled(Findings *f);

#endif
