/* program_rights.c - the call graph of the run's functions and the
 * privilege it gives each finding; see program_rights.h. */
#include "program_rights.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/risk.h"
#include "program.h"

/* A call: of one definition, or of one of several (choice) that each
 * program links its own of (cleanup_exit() in ssh, sshd, and cleanup.c). */
typedef struct Edge {
    int to;
    bool choice;
} Edge;

typedef struct Node {
    int unit;
    const FnEvidence *e;
    Edge *out;              /* the functions it may call */
    int nout, cap_out;
    int callers;
    const RiskReason *runs[2];    /* a sign of the program it runs in:
                                   * [0] privileged, [1] set-ID */
    bool entered;           /* reached from an entry */
} Node;

typedef struct Graph {
    Arena a;
    Node *nodes;
    int n;
    StrMap local;           /* "unit/name" -> node */
    StrMap in_program;      /* "program/name" -> first exported node, then next_prog */
    StrMap anywhere;        /* "name" -> first exported node, then next_any */
    int *next_prog, *next_any;
    int *program_of;        /* per unit */
    bool *has_main_in;      /* per unit: it defines main() */
    bool has_main;
    StrMap conflicts;       /* "u/v" -> units u and v define the same name */
    int *seen;              /* per node: 1 + the entry whose reach holds it */
} Graph;

enum { KEY_MAX = 256 };

/* "a/name" for the maps, in buf when it fits (lookups in hot loops). */
static const char *key_of(Graph *g, char *buf, int a, const char *name)
{
    int len = snprintf(buf, KEY_MAX, "%d/%s", a, name);
    return len < KEY_MAX ? buf : arena_printf(&g->a, "%d/%s", a, name);
}

static const RiskReason *sign_of(const FnEvidence *e, int kind)
{
    const RiskReason *r = kind ? &e->setid : &e->privileged;
    return r->text ? r : NULL;
}

/* A name in a chain of definitions: the new node goes in front. */
static void chain(StrMap *m, const char *key, int *next, int node)
{
    int head;
    next[node] = strmap_get(m, key, &head) ? head : -1;
    strmap_put(m, key, node);
}

static void add_nodes(Graph *g, const JobList *jl, const JobResult *res)
{
    StrMap programs = {0};
    g->program_of = ARENA_ARRAY(&g->a, int, jl->n + 1);
    g->has_main_in = ARENA_ARRAY(&g->a, bool, jl->n + 1);
    for (int i = 0; i < jl->n; i++) {
        const char *key = program_key(&g->a, &jl->jobs[i]);
        if (!strmap_get(&programs, key, &g->program_of[i]))
            strmap_put(&programs, key, g->program_of[i] = i);
        g->n += res[i].nevidence;
    }
    strmap_free(&programs);
    g->nodes = ARENA_ARRAY(&g->a, Node, g->n + 1);
    g->next_prog = ARENA_ARRAY(&g->a, int, g->n + 1);
    g->next_any = ARENA_ARRAY(&g->a, int, g->n + 1);
    int n = 0;
    for (int i = 0; i < jl->n; i++)
        for (int k = 0; k < res[i].nevidence; k++, n++) {
            const FnEvidence *e = &res[i].evidence[k];
            g->nodes[n] = (Node){.unit = i, .e = e};
            strmap_put(&g->local, arena_printf(&g->a, "%d/%s", i, e->name), n);
            g->has_main_in[i] |= !strcmp(e->name, "main");
            g->has_main |= g->has_main_in[i];
            if (!e->exported)
                continue;
            chain(&g->in_program, arena_printf(&g->a, "%d/%s", g->program_of[i], e->name),
                  g->next_prog, n);
            chain(&g->anywhere, e->name, g->next_any, n);
        }
}

static void add_edge(Graph *g, int from, int to, bool choice)
{
    Node *f = &g->nodes[from];
    Edge e = {to, choice};
    ARENA_PUSH(&g->a, f->out, f->nout, f->cap_out, e);
    g->nodes[to].callers += from != to;
}

static void add_edges(Graph *g, int from, int first, const int *next)
{
    bool choice = next[first] >= 0;
    for (int to = first; to >= 0; to = next[to])
        add_edge(g, from, to, choice);
}

/* What a call of `name` from node `from` may mean: its unit's own
 * definition, else its program's, else any unit's. */
static void add_call(Graph *g, int from, const char *name)
{
    int unit = g->nodes[from].unit, to;
    char buf[KEY_MAX];
    if (strmap_get(&g->local, key_of(g, buf, unit, name), &to))
        add_edge(g, from, to, false);
    else if (strmap_get(&g->in_program, key_of(g, buf, g->program_of[unit], name), &to))
        add_edges(g, from, to, g->next_prog);
    else if (strmap_get(&g->anywhere, name, &to))
        add_edges(g, from, to, g->next_any);
}

/* Can units u and v be linked into one program? Not when both define
 * an external name (two main()s: ssh-keygen.c and sshd-session.c), so a
 * library's call of cleanup_exit() from ssh-keygen's main() does not mean
 * sshd's. Asked lazily, once per pair. */
static bool conflict(Graph *g, const JobResult *res, int u, int v)
{
    int known;
    char pair[KEY_MAX], buf[KEY_MAX];
    if (u == v)
        return false;
    snprintf(pair, sizeof pair, "%d/%d", u, v);
    if (strmap_get(&g->conflicts, pair, &known))
        return known;
    bool both = false;
    for (int k = 0; k < res[v].nevidence && !both; k++)
        both = res[v].evidence[k].exported &&
               strmap_get(&g->local, key_of(g, buf, u, res[v].evidence[k].name), NULL);
    strmap_put(&g->conflicts, pair, both);
    return both;
}

/* May the reach of an entry in unit `entry` take edge e? Not into a unit
 * that cannot be linked with the entry's, nor, for one of several
 * definitions, into another program's main file: which one the entry's
 * program links is then not known, but not that one (a library's
 * sshfatal() calls cleanup_exit(): from sftp-server's handlers, that is
 * not sshd's). */
static bool may_take(Graph *g, const JobResult *res, int entry, const Edge *e)
{
    int unit = g->nodes[e->to].unit;
    return unit == entry || (!(e->choice && g->has_main_in[unit]) && !conflict(g, res, entry, unit));
}

/* What `entry` reaches in its program, into g->seen (stamped with the
 * entry) and stack[0..return); the first sign of each kind among it. */
static int reach(Graph *g, const JobResult *res, int entry, int *stack,
                 const RiskReason **sign)
{
    int top = 0, n = 0, unit = g->nodes[entry].unit;
    sign[0] = sign[1] = NULL;
    g->seen[entry] = entry + 1;
    stack[top++] = entry;
    while (n < top) {
        const Node *from = &g->nodes[stack[n++]];
        for (int kind = 0; kind < 2; kind++)
            if (!sign[kind])
                sign[kind] = sign_of(from->e, kind);
        for (int k = 0; k < from->nout; k++) {
            int to = from->out[k].to;
            if (g->seen[to] != entry + 1 && may_take(g, res, unit, &from->out[k])) {
                g->seen[to] = entry + 1;
                stack[top++] = to;
            }
        }
    }
    return top;
}

/* Mark what `entry` reaches with the signs it reaches, and as entered. */
static void enter(Graph *g, const JobResult *res, int entry, int *stack)
{
    const RiskReason *sign[2];
    int count = reach(g, res, entry, stack, sign);
    for (int i = 0; i < count; i++) {
        Node *n = &g->nodes[stack[i]];
        n->entered = true;
        for (int kind = 0; kind < 2; kind++)
            if (!n->runs[kind])
                n->runs[kind] = sign[kind];
    }
}

/* The entries: main()s and what nothing calls; then, as their own
 * entries, functions only a cycle without an entry reaches. */
static void run_entries(Graph *g, const JobResult *res)
{
    int *stack = calloc((size_t)g->n + 1, sizeof(int));
    g->seen = calloc((size_t)g->n + 1, sizeof(int));
    for (int n = 0; n < g->n; n++)   /* its own sign first: the nearest to show */
        for (int kind = 0; kind < 2; kind++)
            g->nodes[n].runs[kind] = sign_of(g->nodes[n].e, kind);
    for (int n = 0; n < g->n; n++)
        if (!strcmp(g->nodes[n].e->name, "main") || !g->nodes[n].callers)
            enter(g, res, n, stack);
    for (int n = 0; n < g->n; n++)
        if (!g->nodes[n].entered)
            enter(g, res, n, stack);
    free(g->seen);
    free(stack);
}

/* No main() anywhere: nothing tells the entries, so a sign anywhere in a
 * program holds for all of it. */
static void pool_programs(Graph *g, int nunits)
{
    const RiskReason **first = calloc((size_t)nunits * 2 + 2, sizeof *first);
    for (int n = 0; n < g->n; n++)
        for (int kind = 0; kind < 2; kind++) {
            int p = g->program_of[g->nodes[n].unit] * 2 + kind;
            if (!first[p])
                first[p] = sign_of(g->nodes[n].e, kind);
        }
    for (int n = 0; n < g->n; n++)
        for (int kind = 0; kind < 2; kind++)
            g->nodes[n].runs[kind] = first[g->program_of[g->nodes[n].unit] * 2 + kind];
    free(first);
}

static void apply(Graph *g, const JobList *jl, JobResult *res)
{
    for (int i = 0; i < jl->n; i++) {
        res[i].findings.arena = &res[i].arena;   /* results were moved since */
        for (int k = 0; k < res[i].findings.n; k++) {
            Finding *f = &res[i].findings.items[k];
            int n;
            char buf[KEY_MAX];
            const Node *node = strmap_get(&g->local, key_of(g, buf, i, f->function), &n)
                                   ? &g->nodes[n] : NULL;
            risk_program(&res[i].findings, f, node ? node->runs[0] : NULL,
                         node ? node->runs[1] : NULL);
        }
    }
}

void program_rights_apply(const JobList *jl, JobResult *res)
{
    Graph g = {0};
    add_nodes(&g, jl, res);
    for (int n = 0; n < g.n; n++)
        for (int k = 0; k < g.nodes[n].e->ncalls; k++)
            add_call(&g, n, g.nodes[n].e->calls[k]);
    if (g.has_main)
        run_entries(&g, res);
    else
        pool_programs(&g, jl->n);
    apply(&g, jl, res);
    strmap_free(&g.local);
    strmap_free(&g.in_program);
    strmap_free(&g.anywhere);
    strmap_free(&g.conflicts);
    arena_free(&g.a);
}
