/* finding.c - building and ordering findings; see finding.h. */
#include "finding.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "../rules/rules.h"
#include "../util/strmap.h"

Finding *finding_add(Findings *f, const Rule *rule, const Function *fn, SrcLoc loc,
                     const char *message)
{
    Finding x = {.rule = rule, .loc = loc, .message = message, .role = ROLE_USE,
                 .function = arena_strdup(f->arena, fn->name), .function_loc = fn->loc};
    ARENA_PUSH(f->arena, f->items, f->n, f->cap, x);
    return &f->items[f->n - 1];
}

void finding_note_as(Findings *f, Finding *finding, SrcLoc loc, StepRole role,
                     const char *message)
{
    Note n = {loc, message, role};
    ARENA_PUSH(f->arena, finding->notes, finding->nnotes, finding->cap_notes, n);
}

void finding_note(Findings *f, Finding *finding, SrcLoc loc, const char *message)
{
    finding_note_as(f, finding, loc, ROLE_CHECK, message);
}

const char *step_role_name(StepRole r)
{
    static const char *const names[ROLE_COUNT] = {
        [ROLE_CHECK] = "check", [ROLE_OPEN] = "open", [ROLE_CREATE] = "create",
        [ROLE_REMOVE] = "remove", [ROLE_NAME] = "name", [ROLE_LOCK] = "lock",
        [ROLE_INSIDE] = "inside", [ROLE_USE] = "use"};
    return (unsigned)r < ROLE_COUNT ? names[r] : NULL;
}

void finding_reason(Findings *f, Finding *finding, const RiskReason *r)
{
    RiskReason copy = *r;
    copy.text = arena_strdup(f->arena, r->text);
    if (r->loc.file)   /* a summary's (a drop inside a wrapper) lives with its unit */
        copy.loc.file = arena_strdup(f->arena, r->loc.file);
    ARENA_PUSH(f->arena, finding->reasons, finding->nreasons, finding->cap_reasons, copy);
}

static int compare_loc(SrcLoc a, SrcLoc b)
{
    int c = strcmp(a.file, b.file);
    if (c)
        return c;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    if (a.col != b.col)
        return a.col < b.col ? -1 : 1;
    return 0;
}

static int compare_findings(const void *pa, const void *pb)
{
    const Finding *a = pa, *b = pb;
    int c = compare_loc(a->loc, b->loc);
    if (c)
        return c;
    c = strcmp(a->rule->id, b->rule->id);
    if (c)
        return c;
    c = strcmp(a->message, b->message);
    if (c)
        return c;
    if (a->nnotes && b->nnotes)
        return compare_loc(a->notes[0].loc, b->notes[0].loc);
    return a->nnotes - b->nnotes;
}

void findings_sort(Findings *f)
{
    f->nindexed = -1;   /* reordered: findings_at() indexes again */
    if (f->n > 1)
        qsort(f->items, (size_t)f->n, sizeof(Finding), compare_findings);
    int kept = 0;
    for (int i = 0; i < f->n; i++)
        if (!kept || compare_findings(&f->items[kept - 1], &f->items[i]) != 0)
            f->items[kept++] = f->items[i];
    f->n = kept;
}

static const struct { const char *kept, *dropped; } precedence[] = {
#define SUPERSEDES(kept, dropped) {kept, dropped},
#include "../rules/precedence.def"
#undef SUPERSEDES
};

static bool supersedes(const Rule *kept, const Rule *dropped)
{
    for (size_t i = 0; i < sizeof(precedence) / sizeof(precedence[0]); i++)
        if (!strcmp(precedence[i].kept, kept->id) && !strcmp(precedence[i].dropped, dropped->id))
            return true;
    return false;
}

static bool same_place(SrcLoc a, SrcLoc b)
{
    return a.line == b.line && a.col == b.col && !strcmp(a.file, b.file);
}

static unsigned place_hash(const Rule *rule, SrcLoc loc)
{
    unsigned h = strmap_hash(loc.file ? loc.file : "");
    h = (h ^ (unsigned)loc.line) * 16777619u;
    h = (h ^ (unsigned)loc.col) * 16777619u;
    return h ^ (unsigned)((uintptr_t)rule >> 4);
}

static void index_put(Findings *f, int i)
{
    unsigned mask = (unsigned)f->index_cap - 1;
    unsigned s = place_hash(f->items[i].rule, f->items[i].loc) & mask;
    while (f->index[s])
        s = (s + 1) & mask;
    f->index[s] = i + 1;
}

/* Bring the index up to f->n items: new items added in order (the first
 * of equal places stays first along its probe chain), all again when the
 * table is full or items were dropped. */
static void index_update(Findings *f)
{
    if (f->nindexed < 0 || f->nindexed > f->n || 2 * f->n >= f->index_cap) {
        int cap = 64;
        while (cap <= 2 * f->n)
            cap *= 2;
        f->index = ARENA_ARRAY(f->arena, int, cap);
        f->index_cap = cap;
        f->nindexed = 0;
    }
    for (; f->nindexed < f->n; f->nindexed++)
        index_put(f, f->nindexed);
}

/* A hash lookup: a linear scan per use made a unit's findings quadratic. */
Finding *findings_at(Findings *f, const Rule *rule, SrcLoc loc)
{
    if (!f->n)
        return NULL;
    index_update(f);
    unsigned mask = (unsigned)f->index_cap - 1;
    for (unsigned s = place_hash(rule, loc) & mask; f->index[s]; s = (s + 1) & mask) {
        Finding *x = &f->items[f->index[s] - 1];
        if (x->rule == rule && same_place(x->loc, loc))
            return x;
    }
    return NULL;
}

/* Add f's notes on places `into` has no note on (one step per place: the
 * kept rule's note says what the call is), with their roles. */
static void merge_notes(Findings *all, Finding *into, const Finding *f)
{
    for (int k = 0; k < f->nnotes; k++) {
        bool have = false;
        for (int j = 0; j < into->nnotes && !have; j++)
            have = same_place(into->notes[j].loc, f->notes[k].loc);
        if (!have)
            finding_note_as(all, into, f->notes[k].loc, f->notes[k].role, f->notes[k].message);
    }
}

typedef struct Placed {
    SrcLoc loc;
    int index;
} Placed;

static int by_place_then_index(const void *pa, const void *pb)
{
    const Placed *a = pa, *b = pb;
    int c = compare_loc(a->loc, b->loc);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* Only findings at the same place can supersede each other: the pairs
 * are looked at within each place's group (in the order of the findings,
 * as over all pairs), not over every pair of the unit's findings. */
void findings_resolve_precedence(Findings *f)
{
    bool *dropped = calloc((size_t)f->n + 1, sizeof(bool));
    Placed *order = calloc((size_t)f->n + 1, sizeof(Placed));
    if (!dropped || !order)
        abort();
    for (int i = 0; i < f->n; i++)
        order[i] = (Placed){f->items[i].loc, i};
    if (f->n > 1)
        qsort(order, (size_t)f->n, sizeof(Placed), by_place_then_index);
    for (int start = 0, end; start < f->n; start = end) {
        for (end = start + 1; end < f->n && same_place(order[end].loc, order[start].loc); end++)
            ;
        for (int x = start; x < end; x++)
            for (int y = start; y < end; y++) {
                int i = order[x].index, j = order[y].index;
                if (i != j && !dropped[i] && !dropped[j] &&
                    supersedes(f->items[i].rule, f->items[j].rule)) {
                    merge_notes(f, &f->items[i], &f->items[j]);
                    dropped[j] = true;
                }
            }
    }
    int kept = 0;
    for (int i = 0; i < f->n; i++)
        if (!dropped[i])
            f->items[kept++] = f->items[i];
    f->n = kept;
    f->nindexed = -1;
    free(order);
    free(dropped);
}
