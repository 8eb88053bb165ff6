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
    bool after_drop;        /* made only after the caller gave its rights up */
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
    bool kept;              /* reached from one with the rights not given up */
    int kept_by;            /* 1 + the last entry that reaches it so */
    const RiskReason *drop; /* else: the drop on the way to it */
    bool namespaced;        /* runs in a new user namespace (evidence.h) */
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
    bool *library;          /* per unit: of a build target that defines no main() */
    bool *other_program;    /* per unit: of a build target that defines a main() */
    bool has_main;
    bool skip_dropped;      /* the reach takes no call made after a drop */
    int entry;              /* whose reach it is */
    int *seen;              /* per node: 1 + the entry whose reach holds it */
    /* Linkage, for the reach of one entry (stamp = 1 + the entry): the
     * external names each unit defines (ids), the unit of the reach that
     * defines each name, and whether each unit may join the reach. */
    StrMap name_ids;
    int **unit_names, *unit_nnames;
    int *owner_stamp, *owner_unit;      /* per name id */
    int *unit_stamp;                    /* per unit: decided for this reach */
    bool *unit_ok;
} Graph;

enum { KEY_MAX = 256 };

/* "a/name" for the maps, in buf when it fits (lookups in hot loops). */
static const char *key_of(Graph *g, char *buf, int a, const char *name)
{
    int len = snprintf(buf, KEY_MAX, "%d/%s", a, name);
    return len < KEY_MAX ? buf : arena_printf(&g->a, "%d/%s", a, name);
}

static const RiskReason *sign_of(const Node *n, int kind)
{
    const RiskReason *r = kind ? &n->e->setid : &n->e->privileged;
    return r->text && !n->namespaced ? r : NULL;
}

/* A name in a chain of definitions: the new node goes in front. */
static void chain(StrMap *m, const char *key, int *next, int node)
{
    int head;
    next[node] = strmap_get(m, key, &head) ? head : -1;
    strmap_put(m, key, node);
}

/* A build target (meson, CMake) none of whose units defines main() is a
 * library: it runs with the rights of the program that links it. */
static void mark_libraries(Graph *g, const JobList *jl)
{
    bool *with_main = calloc((size_t)jl->n + 1, sizeof *with_main);
    for (int i = 0; i < jl->n; i++)
        with_main[g->program_of[i]] |= g->has_main_in[i];
    for (int i = 0; i < jl->n; i++) {
        g->library[i] = jl->jobs[i].target && !with_main[g->program_of[i]];
        g->other_program[i] = jl->jobs[i].target && with_main[g->program_of[i]];
    }
    free(with_main);
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
    g->library = ARENA_ARRAY(&g->a, bool, jl->n + 1);
    g->other_program = ARENA_ARRAY(&g->a, bool, jl->n + 1);
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
    mark_libraries(g, jl);
}

static bool dropped_call(const FnEvidence *e, const char *name)
{
    for (int i = 0; i < e->ndropped; i++)
        if (!strcmp(e->dropped_calls[i], name))
            return true;
    return false;
}

static void add_edge(Graph *g, int from, int to, bool choice)
{
    Node *f = &g->nodes[from];
    Edge e = {to, choice, dropped_call(f->e, g->nodes[to].e->name)};
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
 * definition, else its program's, else any unit's: the first of them in
 * *to, the rest chained by the array returned (NULL: just one). */
static const int *resolve(Graph *g, int from, const char *name, int *to)
{
    int unit = g->nodes[from].unit;
    char buf[KEY_MAX];
    *to = -1;
    if (strmap_get(&g->local, key_of(g, buf, unit, name), to))
        return NULL;
    if (strmap_get(&g->in_program, key_of(g, buf, g->program_of[unit], name), to))
        return g->next_prog;
    if (strmap_get(&g->anywhere, name, to))
        return g->next_any;
    return NULL;
}

static void add_call(Graph *g, int from, const char *name)
{
    int to;
    const int *next = resolve(g, from, name, &to);
    if (next)
        add_edges(g, from, to, next);
    else if (to >= 0)
        add_edge(g, from, to, false);
}

/* The functions a node hands to one that makes a user namespace (lxc's
 * userns_exec_full(conf, storage_destroy_wrapper, ...)) run in it. */
static void mark_namespaced(Graph *g)
{
    for (int n = 0; n < g->n; n++)
        for (int p = 0; p < g->nodes[n].e->npasses; p++) {
            const struct FnPass *pass = &g->nodes[n].e->passes[p];
            int to;
            bool userns = false;
            const int *next = resolve(g, n, pass->callee, &to);
            for (; to >= 0 && !userns; to = next ? next[to] : -1)
                userns = g->nodes[to].e->userns;
            if (!userns)
                continue;
            next = resolve(g, n, pass->fn, &to);
            for (; to >= 0; to = next ? next[to] : -1)
                g->nodes[to].namespaced = true;
        }
}

/* The external names each unit defines, as ids, for admit(). */
static void index_names(Graph *g, const JobList *jl, const JobResult *res)
{
    int next_id = 0;
    g->unit_names = ARENA_ARRAY(&g->a, int *, jl->n + 1);
    g->unit_nnames = ARENA_ARRAY(&g->a, int, jl->n + 1);
    for (int u = 0; u < jl->n; u++) {
        g->unit_names[u] = ARENA_ARRAY(&g->a, int, res[u].nevidence + 1);
        for (int k = 0; k < res[u].nevidence; k++) {
            int id;
            if (!res[u].evidence[k].exported)
                continue;
            if (!strmap_get(&g->name_ids, res[u].evidence[k].name, &id))
                strmap_put(&g->name_ids, res[u].evidence[k].name, id = next_id++);
            g->unit_names[u][g->unit_nnames[u]++] = id;
        }
    }
    g->owner_stamp = ARENA_ARRAY(&g->a, int, next_id + 1);
    g->owner_unit = ARENA_ARRAY(&g->a, int, next_id + 1);
    g->unit_stamp = ARENA_ARRAY(&g->a, int, jl->n + 1);
    g->unit_ok = ARENA_ARRAY(&g->a, bool, jl->n + 1);
}

/* May unit v be linked with the units the reach (stamp) holds so far?
 * Not when one of them defines an external name v defines too: two
 * main()s (ssh-keygen.c and sshd-session.c), or two libraries' twins
 * (procmail's robust.c and formail's ecommon.c both define trealloc(),
 * so formail, which links ecommon.c, does not reach robust.c's
 * nomemerr(), nor through it procmail's Terminate() and its locks).
 * An admitted unit's names join the reach; decided once per reach. */
static bool admit(Graph *g, int stamp, int v)
{
    if (g->unit_stamp[v] == stamp)
        return g->unit_ok[v];
    bool ok = true;
    for (int k = 0; k < g->unit_nnames[v] && ok; k++) {
        int id = g->unit_names[v][k];
        ok = g->owner_stamp[id] != stamp || g->owner_unit[id] == v;
    }
    for (int k = 0; k < g->unit_nnames[v] && ok; k++) {
        g->owner_stamp[g->unit_names[v][k]] = stamp;
        g->owner_unit[g->unit_names[v][k]] = v;
    }
    g->unit_stamp[v] = stamp;
    return g->unit_ok[v] = ok;
}

static bool admitted(const Graph *g, int stamp, int v)
{
    return g->unit_stamp[v] == stamp && g->unit_ok[v];
}

/* May the reach (stamp) of `entry` take edge e? Not into a unit that
 * cannot be linked with what it holds, nor, for one of several
 * definitions, into another program's main file, or a unit of another
 * build target with a main(): which one the entry's program links is then
 * not known, but not that one (a library's sshfatal() calls
 * cleanup_exit(): from sftp-server's handlers, that is not sshd's; a
 * libfuse test's mount helper is the library's, not fusermount3's copy). */
static bool may_take(Graph *g, int stamp, int entry, const Edge *e)
{
    int unit = g->nodes[e->to].unit, from = g->nodes[entry].unit;
    if (admitted(g, stamp, unit))
        return true;
    bool elsewhere = g->has_main_in[unit] ||
                     (g->other_program[unit] && g->program_of[unit] != g->program_of[from]);
    return !(e->choice && elsewhere) && admit(g, stamp, unit);
}

static void visit(Graph *g, int stamp, const Edge *e, int *stack, int *top)
{
    if (g->skip_dropped && e->after_drop)
        return;
    if (g->seen[e->to] != stamp && !g->nodes[e->to].namespaced &&
        may_take(g, stamp, g->entry, e)) {
        g->seen[e->to] = stamp;
        stack[(*top)++] = e->to;
    }
}

/* The calls of node `from`: its calls of one definition first, so that
 * where a call may mean several (trealloc() of robust.c or ecommon.c),
 * one in a unit the reach already links is the one taken. */
static void visit_calls(Graph *g, int stamp, const Node *from, int *stack, int *top)
{
    for (int k = 0; k < from->nout; k++)
        if (!from->out[k].choice)
            visit(g, stamp, &from->out[k], stack, top);
    for (int k = 0, end; k < from->nout; k = end) {
        const char *name = g->nodes[from->out[k].to].e->name;
        bool linked = false;
        for (end = k; end < from->nout && from->out[end].choice &&
                      !strcmp(g->nodes[from->out[end].to].e->name, name);
             end++)
            linked |= admitted(g, stamp, g->nodes[from->out[end].to].unit);
        if (end == k) {
            end++;
            continue;
        }
        for (int j = k; j < end; j++)
            if (!linked || admitted(g, stamp, g->nodes[from->out[j].to].unit))
                visit(g, stamp, &from->out[j], stack, top);
    }
}

/* What `entry` reaches in its program, into g->seen (stamped with the
 * entry) and stack[0..return); the first sign of each kind among it. */
/* Does node n's own sign tell about the program of `entry`? Not when n
 * is in a library the entry's program links: libfuse's mount_util.c,
 * setreuid(0, -1) when the real user is not root, serves set-user-ID
 * callers (fusermount3, which builds its own copy), and says nothing of
 * a test program that mounts through the library. */
static bool tells(const Graph *g, int entry, const Node *n)
{
    int unit = g->nodes[entry].unit;
    return !g->library[n->unit] || g->program_of[n->unit] == g->program_of[unit];
}

static int reach(Graph *g, int entry, int *stack, const RiskReason **sign)
{
    int top = 0, n = 0, stamp = entry + 1 + (g->skip_dropped ? g->n : 0);
    g->entry = entry;
    bool namespaced = g->nodes[entry].namespaced;   /* all it reaches runs there */
    sign[0] = sign[1] = NULL;
    admit(g, stamp, g->nodes[entry].unit);
    g->seen[entry] = stamp;
    stack[top++] = entry;
    while (n < top) {
        const Node *from = &g->nodes[stack[n++]];
        for (int kind = 0; kind < 2 && !namespaced && tells(g, entry, from); kind++)
            if (!sign[kind])
                sign[kind] = sign_of(from, kind);
        visit_calls(g, stamp, from, stack, &top);
    }
    return top;
}

/* The drop on the way to each function `entry` reaches that it does not
 * reach with its rights (the first reach marked those `kept`): through a
 * call made after the drop, or from a function reached so. */
static void mark_drops(Graph *g, const int *stack, int count)
{
    for (int i = 0; i < count; i++) {
        const Node *from = &g->nodes[stack[i]];
        for (int k = 0; k < from->nout; k++) {
            Node *to = &g->nodes[from->out[k].to];
            if (!to->kept && !to->drop)
                to->drop = from->out[k].after_drop ? &from->e->drop : from->drop;
        }
    }
}

/* Mark what `entry` reaches with the signs it reaches, and as entered;
 * what it reaches without a call made after a drop as kept. */
static void enter(Graph *g, int entry, int *stack)
{
    const RiskReason *sign[2];
    g->skip_dropped = true;
    int kept = reach(g, entry, stack, sign);
    for (int i = 0; i < kept; i++) {
        g->nodes[stack[i]].kept = true;
        g->nodes[stack[i]].kept_by = entry + 1;
    }
    g->skip_dropped = false;
    int count = reach(g, entry, stack, sign);
    mark_drops(g, stack, count);
    for (int i = 0; i < count; i++) {
        Node *n = &g->nodes[stack[i]];
        n->entered = true;
        /* reached only after the entry's drop (ssh-keysign's main():
         * permanently_set_uid(), then read_config_file()), it runs without
         * the rights the entry's signs show: they do not raise it, even
         * where another program (ssh) runs it with its own */
        if (n->kept_by != entry + 1)
            continue;
        for (int kind = 0; kind < 2; kind++)
            if (!n->runs[kind])
                n->runs[kind] = sign[kind];
    }
}

/* The entries: main()s and what nothing calls; then, as their own
 * entries, functions only a cycle without an entry reaches. */
static void run_entries(Graph *g)
{
    int *stack = calloc((size_t)g->n + 1, sizeof(int));
    g->seen = calloc((size_t)g->n + 1, sizeof(int));
    for (int n = 0; n < g->n; n++)   /* its own sign first: the nearest to show */
        for (int kind = 0; kind < 2; kind++)
            g->nodes[n].runs[kind] = sign_of(&g->nodes[n], kind);
    for (int n = 0; n < g->n; n++)
        if (!strcmp(g->nodes[n].e->name, "main") || !g->nodes[n].callers)
            enter(g, n, stack);
    for (int n = 0; n < g->n; n++)
        if (!g->nodes[n].entered)
            enter(g, n, stack);
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
                first[p] = sign_of(&g->nodes[n], kind);
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
                         node ? node->runs[1] : NULL,
                         node && !node->kept && node->drop ? node->drop : NULL);
        }
    }
}

void program_rights_apply(const JobList *jl, JobResult *res)
{
    Graph g = {0};
    add_nodes(&g, jl, res);
    index_names(&g, jl, res);
    for (int n = 0; n < g.n; n++)
        for (int k = 0; k < g.nodes[n].e->ncalls; k++)
            add_call(&g, n, g.nodes[n].e->calls[k]);
    mark_namespaced(&g);
    if (g.has_main)
        run_entries(&g);
    else
        pool_programs(&g, jl->n);
    apply(&g, jl, res);
    strmap_free(&g.local);
    strmap_free(&g.in_program);
    strmap_free(&g.anywhere);
    strmap_free(&g.name_ids);
    arena_free(&g.a);
}
