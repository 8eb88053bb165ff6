/* summary.c - the summary table; see summary.h. A unit's table is
 * usually a handful of wrappers, looked up by a scan; a table that grows
 * (a program of 8,000 wrappers, a configuration declaring 40,000
 * functions) gets a hash index, so that filling and querying it stays
 * linear. Behind a unit's table is the chain to the whole-program one. */
#include "summary.h"

#include <string.h>

#include "../util/strmap.h"

static __thread const SummaryTable *current;
static const SummaryTable *declared;

void summary_set_declared(const SummaryTable *t) { declared = t; }
const SummaryTable *summary_declared(void) { return declared; }

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

enum { SCAN_LIMIT = 16 };   /* tables up to this size are scanned */

/* The slot of name in t's index: where it is, or the empty one where it
 * would go. The index is kept at most half full. Not a StrMap: a table
 * lives in an arena with no free hook, and StrMap copies keys with malloc;
 * the index holds item numbers and uses StrMap's hash. */
static int *slot_of(const SummaryTable *t, const char *name)
{
    unsigned mask = (unsigned)t->nslots - 1;
    for (unsigned i = strmap_hash(name) & mask;; i = (i + 1) & mask) {
        int *slot = &t->slots[i];
        if (!*slot || !strcmp(t->items[*slot - 1]->name, name))
            return slot;
    }
}

static void reindex(SummaryTable *t)
{
    int n = t->nslots ? t->nslots * 2 : 4 * SCAN_LIMIT;
    t->slots = ARENA_ARRAY(t->arena, int, n);    /* the old array stays in the arena */
    t->nslots = n;
    for (int i = 0; i < t->n; i++)
        *slot_of(t, t->items[i]->name) = i + 1;
}

/* Index of name in t alone, or -1. */
static int position(const SummaryTable *t, const char *name)
{
    if (t->slots) {
        int slot = *slot_of(t, name);
        return slot - 1;
    }
    for (int i = 0; i < t->n; i++)
        if (!strcmp(t->items[i]->name, name))
            return i;
    return -1;
}

const Summary *summary_find_here(const SummaryTable *t, const char *name)
{
    int i = position(t, name);
    return i >= 0 ? t->items[i] : NULL;
}

const Summary *summary_find(const SummaryTable *t, const char *name)
{
    for (; t; t = t->next) {
        int i = position(t, name);
        if (i >= 0)
            return t->items[i];
    }
    return NULL;
}

static bool func_equal(const FileFunc *a, const FileFunc *b)
{
    return a->group == b->group && a->roles == b->roles && a->path == b->path &&
           a->flags == b->flags && a->result == b->result &&
           a->has_fixed_flags == b->has_fixed_flags && a->fixed_flags == b->fixed_flags &&
           a->existence_only == b->existence_only && a->guard == b->guard &&
           a->name_part == b->name_part && a->replaced_by == b->replaced_by &&
           a->replaces == b->replaces && a->up_to_date == b->up_to_date && a->walks == b->walks &&
           a->changes_by_fd == b->changes_by_fd &&
           !a->dropped_by == !b->dropped_by && a->drop_line == b->drop_line &&
           a->when_arg == b->when_arg &&
           a->when_first_char == b->when_first_char && a->when_n == b->when_n &&
           a->when_runs == b->when_runs && a->when_bits == b->when_bits &&
           !memcmp(a->when_vals, b->when_vals, sizeof a->when_vals) &&
           !a->global == !b->global &&
           (!a->global || !strcmp(a->global->key, b->global->key)) &&
           !a->fixed_mode == !b->fixed_mode &&
           (!a->fixed_mode || !strcmp(a->fixed_mode, b->fixed_mode));
}

bool summary_equal(const Summary *a, const Summary *b)
{
    if (a->n != b->n || a->exported != b->exported || a->drops_rights != b->drops_rights ||
        a->regains_rights != b->regains_rights || a->ids_param != b->ids_param ||
        a->ids_for_good != b->ids_for_good ||
        a->pure_result != b->pure_result || a->fstat_fd != b->fstat_fd ||
        a->fstat_out != b->fstat_out)
        return false;
    for (int i = 0; i < a->n; i++)
        if (a->effects[i].kind != b->effects[i].kind ||
            !func_equal(&a->effects[i].as, &b->effects[i].as))
            return false;
    return true;
}

bool summary_says_something(const Summary *s)
{
    return s->n || s->drops_rights || s->regains_rights || s->ids_param || s->fstat_fd;
}

static const char *dup(Arena *a, const char *s)
{
    return s ? arena_strdup(a, s) : NULL;
}

const Operand *summary_global_operand(Arena *a, const char *key)
{
    Operand *o = ARENA_NEW(a, Operand);
    o->kind = OPND_LVALUE;
    o->key = arena_strdup(a, key);
    o->text = o->key;
    o->reads = ARENA_ARRAY(a, const char *, 1);
    o->reads[0] = o->key;
    o->nreads = 1;
    return o;
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
        e.as.dropped_by = dup(a, e.as.dropped_by);
        e.as.drop_file = dup(a, e.as.drop_file);
        e.as.fix = dup(a, e.as.fix);
        if (e.as.global)
            e.as.global = summary_global_operand(a, e.as.global->key);
        c->effects[i] = e;
    }
    return c;
}

bool summary_put(SummaryTable *t, const Summary *s)
{
    int i = position(t, s->name);
    if (i >= 0) {
        if (summary_equal(t->items[i], s))
            return false;
        t->items[i] = copy(t->arena, s);
        return true;
    }
    Summary *c = copy(t->arena, s);
    ARENA_PUSH(t->arena, t->items, t->n, t->cap, c);
    if (t->slots && 2 * t->n <= t->nslots)
        *slot_of(t, c->name) = t->n;
    else if (t->n > SCAN_LIMIT)
        reindex(t);
    return true;
}
