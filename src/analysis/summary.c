/* summary.c - the summary table; see summary.h. Tables are small (the
 * program's wrappers), so lookups are linear over a short list, with a
 * chain to the whole-program table behind the translation unit's. */
#include "summary.h"

#include <string.h>

static __thread const SummaryTable *current;
static const SummaryTable *declared;

void summary_set_declared(const SummaryTable *t) { declared = t; }

bool summary_is_declared(const char *name)
{
    return declared && summary_find(declared, name);
}

const Summary *summary_lookup(const char *name)
{
    const Summary *s = declared ? summary_find(declared, name) : NULL;
    return s ? s : current ? summary_find(current, name) : NULL;
}

void summary_set_current(const SummaryTable *t) { current = t; }
const SummaryTable *summary_current(void) { return current; }

const Summary *summary_find(const SummaryTable *t, const char *name)
{
    for (; t; t = t->next)
        for (int i = 0; i < t->n; i++)
            if (!strcmp(t->items[i]->name, name))
                return t->items[i];
    return NULL;
}

static bool func_equal(const FileFunc *a, const FileFunc *b)
{
    return a->group == b->group && a->roles == b->roles && a->path == b->path &&
           a->flags == b->flags && a->result == b->result &&
           a->has_fixed_flags == b->has_fixed_flags && a->fixed_flags == b->fixed_flags &&
           a->existence_only == b->existence_only && a->guard == b->guard &&
           !a->fixed_mode == !b->fixed_mode &&
           (!a->fixed_mode || !strcmp(a->fixed_mode, b->fixed_mode));
}

bool summary_equal(const Summary *a, const Summary *b)
{
    if (a->n != b->n || a->exported != b->exported || a->drops_rights != b->drops_rights ||
        a->regains_rights != b->regains_rights)
        return false;
    for (int i = 0; i < a->n; i++)
        if (a->effects[i].kind != b->effects[i].kind ||
            !func_equal(&a->effects[i].as, &b->effects[i].as))
            return false;
    return true;
}

bool summary_says_something(const Summary *s)
{
    return s->n || s->drops_rights || s->regains_rights;
}

static const char *dup(Arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

static Summary *copy(Arena *a, const Summary *s)
{
    Summary *c = ARENA_NEW(a, Summary);
    *c = *s;
    c->name = dup(a, s->name);
    c->effects = ARENA_ARRAY(a, Effect, s->n + 1);
    c->cap = s->n + 1;
    for (int i = 0; i < s->n; i++) {
        Effect e = s->effects[i];
        e.as.name = c->name;
        e.as.fixed_mode = dup(a, e.as.fixed_mode);
        e.as.inner_name = dup(a, e.as.inner_name);
        e.as.inner_file = dup(a, e.as.inner_file);
        e.as.fix = dup(a, e.as.fix);
        c->effects[i] = e;
    }
    return c;
}

bool summary_put(SummaryTable *t, const Summary *s)
{
    for (int i = 0; i < t->n; i++) {
        if (strcmp(t->items[i]->name, s->name))
            continue;
        if (summary_equal(t->items[i], s))
            return false;
        t->items[i] = copy(t->arena, s);
        return true;
    }
    Summary *c = copy(t->arena, s);
    ARENA_PUSH(t->arena, t->items, t->n, t->cap, c);
    return true;
}

const FileFunc *summary_func(const char *name, int role)
{
    const Summary *s = summary_lookup(name);
    if (!s)
        return NULL;
    for (int i = 0; i < s->n; i++)
        if (s->effects[i].as.roles & role)
            return &s->effects[i].as;
    return NULL;
}
