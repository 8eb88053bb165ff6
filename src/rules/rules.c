/* rules.c - the rule table and the per-function driver. */
#include "rules.h"

static const Rule table[] = {
#define RULE(name, id, sev, cwe, cert, secsev, summary, help) \
    {#name, id, sev, cwe, cert, secsev, summary, help, rule_##name},
#include "rules.def"
#undef RULE
};

const Rule *rules_all(int *n)
{
    *n = (int)(sizeof(table) / sizeof(table[0]));
    return table;
}

const char *severity_name(Severity s)
{
    switch (s) {
    case SEV_NOTE: return "note";
    case SEV_WARNING: return "warning";
    case SEV_ERROR: return "error";
    }
    return "warning";
}

void rules_run(const Function *fn, Findings *out)
{
    Arena scratch = {0};
    DomTree dom = dom_build(&scratch, fn);
    DomTree postdom = dom_build_post(&scratch, fn);
    CtrlDeps cdep = cdep_build(&scratch, fn, &postdom);
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        RuleInput in = {&table[i], fn, &dom, &cdep, &scratch};
        table[i].run(&in, out);
    }
    arena_free(&scratch);
}
