/* rules.c - the rule table and the per-function driver. */
#include "rules.h"

#include <pthread.h>
#include <string.h>

static const Rule table[] = {
#define RULE(name, id, sev, on, cwe, cert, secsev, summary, help) \
    {#name, id, sev, on, cwe, cert, secsev, summary, help, rule_##name},
#include "rules.def"
#undef RULE
};

enum { NRULES = sizeof(table) / sizeof(table[0]) };

/* Per run: which rules are on (set from the command line, then read-only
 * while worker threads run). */
static bool enabled[NRULES];
static pthread_once_t defaults_once = PTHREAD_ONCE_INIT;

static void set_defaults(void)
{
    for (int i = 0; i < NRULES; i++)
        enabled[i] = table[i].on_by_default;
}

static void init_enabled(void)
{
    pthread_once(&defaults_once, set_defaults);
}

const Rule *rules_find(const char *id)
{
    for (int i = 0; i < NRULES; i++)
        if (!strcmp(table[i].id, id))
            return &table[i];
    return NULL;
}

bool rules_enable(const char *id, bool on)
{
    init_enabled();
    bool found = false;
    for (int i = 0; i < NRULES; i++)
        if (!strcmp(id, "all") || !strcmp(table[i].id, id)) {
            enabled[i] = on;
            found = true;
        }
    return found;
}

bool rules_enabled(const Rule *r)
{
    init_enabled();
    return enabled[r - table];
}

const Rule *rules_all(int *n)
{
    *n = NRULES;
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

void rules_run(const Function *fn, const DomTree *dom, const CtrlDeps *cdep, Findings *out)
{
    Arena scratch = {0};
    for (int i = 0; i < NRULES; i++) {
        if (!rules_enabled(&table[i]))
            continue;
        RuleInput in = {&table[i], fn, dom, cdep, &scratch};
        table[i].run(&in, out);
        arena_free(&scratch);
    }
}

static const struct {
    const char *name;
    RuleFinishFn fn;
} finishers[] = {
#define FINISH(name) {#name, rule_##name##_finish},
#include "finish.def"
#undef FINISH
    {NULL, NULL},
};

void rules_finish(Findings *out)
{
    for (int k = 0; finishers[k].name; k++)
        for (int i = 0; i < NRULES; i++)
            if (!strcmp(table[i].name, finishers[k].name) && rules_enabled(&table[i]))
                finishers[k].fn(&table[i], out);
}
