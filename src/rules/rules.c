/* rules.c - the rule table and the per-function driver. */
#include "rules.h"

#include <fnmatch.h>
#include <pthread.h>
#include <string.h>

#include "../util/nearest.h"

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

int rules_select(const char *pattern, bool on)
{
    init_enabled();
    if (!strcmp(pattern, "all"))
        pattern = "*";
    int matched = 0;
    for (int i = 0; i < NRULES; i++)
        if (!fnmatch(pattern, table[i].id, 0)) {
            enabled[i] = on;
            matched++;
        }
    return matched;
}

const char *rules_nearest(const char *typed)
{
    const char *ids[NRULES];
    for (int i = 0; i < NRULES; i++)
        ids[i] = table[i].id;
    return nearest_of(typed, ids, NRULES);
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

void rules_run(const Function *fn, const DomTree *dom, const CtrlDeps *cdep, bool all,
               Findings *out)
{
    Arena scratch = {0};
    RuleShared shared = {0};
    for (int i = 0; i < NRULES; i++) {
        if (!all && !rules_enabled(&table[i]))
            continue;
        RuleInput in = {&table[i], fn, dom, cdep, &scratch, &shared};
        table[i].run(&in, out);
        arena_free(&scratch);
    }
    arena_free(&shared.arena);
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

void rules_finish(bool all, Findings *out)
{
    for (int k = 0; finishers[k].name; k++)
        for (int i = 0; i < NRULES; i++)
            if (!strcmp(table[i].name, finishers[k].name) && (all || rules_enabled(&table[i])))
                finishers[k].fn(&table[i], out);
}

void rules_keep_enabled(Findings *f)
{
    int kept = 0;
    for (int i = 0; i < f->n; i++)
        if (rules_enabled(f->items[i].rule))
            f->items[kept++] = f->items[i];
    f->n = kept;
    f->nindexed = -1;   /* findings_at() indexes again */
}
