/* origin.c - the shapes of file names, from their reaching definitions;
 * see origin.h. */
#include "origin.h"

#include <stdio.h>
#include <string.h>

#include "blockmap.h"
#include "origin_scan.h"

enum {
    MAX_DEFS = 8,           /* reaching definitions looked at per key */
    MAX_DEPTH = 12,         /* copies of copies... */
    MAX_STEPS = 5000,       /* instructions and blocks walked per query */
    MAX_TEXT = 512,         /* longer shapes end in "?" */
};

/* The roots of every key the function may define (see defines()), as an
 * open-addressing set of strings. */
struct OriginCtx {
    Arena *a;
    const Function *fn;
    const char **roots;
    int cap, n;
    bool full;              /* too many to keep: anything may be defined */
    OriginScan *scan;       /* definitions found in long blocks, kept */
};

typedef struct Query {
    Arena *a;
    const Function *fn;
    OriginCtx *ctx;
    int steps;
} Query;

/* ---- what calls do to names ---------------------------------------- */

static bool in_list(const char *name, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(name, list[i]))
            return true;
    return false;
}

/* Return a name (and, for those with a buffer, write it there too). */
static const char *const tempname_makers[] = {
    "tmpnam", "tmpnam_r", "tempnam", "mktemp", "_mktemp", "_wmktemp", "_tempnam",
    "_wtempnam", "_wtmpnam", "_tmpnam", "tmpnam_s", "_wtmpnam_s", "_mktemp_s", "_wmktemp_s",
    NULL,
};

/* Values the program decides, that another user can guess. */
static const char *const predictable_calls[] = {
    "getpid", "getppid", "getuid", "geteuid", "getgid", "getegid", "time", "getlogin",
    "gethostid", "_getpid", "strlen", NULL,
};

/* Calls that write a name into a buffer argument: which one, and what. */
static const struct {
    const char *name;
    int arg;
    const char *shape;
} buffer_writers[] = {
    {"mktemp", 0, "{tempname}"}, {"_mktemp", 0, "{tempname}"}, {"_wmktemp", 0, "{tempname}"},
    {"tmpnam", 0, "{tempname}"}, {"tmpnam_r", 0, "{tempname}"}, {"_wtmpnam", 0, "{tempname}"},
    {"_tmpnam", 0, "{tempname}"}, {"tmpnam_s", 0, "{tempname}"},
    {"_wtmpnam_s", 0, "{tempname}"}, {"_mktemp_s", 0, "{tempname}"},
    {"_wmktemp_s", 0, "{tempname}"},
    {"mkdtemp", 0, "{mkdtemp}"},
    {"mkstemp", 0, "{mkstemp}"}, {"mkostemp", 0, "{mkstemp}"}, {"mkstemps", 0, "{mkstemp}"},
    {"mkostemps", 0, "{mkstemp}"}, {"mkstemp64", 0, "{mkstemp}"},
    {"gethostname", 0, "*"}, {"strftime", 0, "*"},
    {"fgets", 0, "?"}, {"gets", 0, "?"}, {"getcwd", 0, "?"}, {"realpath", 1, "?"},
    {"readlink", 1, "?"}, {"readlinkat", 2, "?"}, {"read", 1, "?"}, {"pread", 1, "?"},
    {"recv", 1, "?"}, {"fread", 0, "?"}, {"memset", 0, "?"}, {"bzero", 0, "?"},
    {"scanf", 1, "?"}, {"sscanf", 2, "?"}, {"fscanf", 2, "?"},
    {NULL, 0, NULL},
};

typedef struct Fill {
    const char *name;
    char kind;              /* 'p'rintf, 'v'printf (va_list), 'c'opy, 'a'ppend */
    int target, input;      /* buffer written; format or source */
} Fill;

static const Fill fills[] = {
    {"snprintf", 'p', 0, 2}, {"sprintf", 'p', 0, 1}, {"asprintf", 'p', 0, 1},
    {"vsnprintf", 'v', 0, 2}, {"vsprintf", 'v', 0, 1}, {"vasprintf", 'v', 0, 1},
    {"strcpy", 'c', 0, 1}, {"strncpy", 'c', 0, 1}, {"strlcpy", 'c', 0, 1},
    {"stpcpy", 'c', 0, 1}, {"stpncpy", 'c', 0, 1}, {"memcpy", 'c', 0, 1},
    {"memmove", 'c', 0, 1}, {"wcscpy", 'c', 0, 1}, {"wcsncpy", 'c', 0, 1},
    {"strcat", 'a', 0, 1}, {"strncat", 'a', 0, 1}, {"strlcat", 'a', 0, 1},
    {"wcscat", 'a', 0, 1}, {"wcsncat", 'a', 0, 1},
    {NULL, 0, 0, 0},
};

static const Fill *fill_of(const Ins *ins)
{
    if (ins->kind != INS_CALL || !ins->call.callee)
        return NULL;
    for (int i = 0; fills[i].name; i++)
        if (!strcmp(fills[i].name, ins->call.callee) && ins->call.nargs > fills[i].input)
            return &fills[i];
    return NULL;
}

/* Does argument `o` of a call name buffer `key` (buf, or &p for asprintf)? */
static bool arg_is(const Operand *o, const char *key)
{
    return (o->kind == OPND_LVALUE || o->kind == OPND_ADDR) && !strcmp(o->key, key);
}

typedef enum DefKind {
    DEF_NONE,
    DEF_VALUE,      /* dst = src, dst = call(...) */
    DEF_FILL,       /* snprintf/strcpy/strcat into it */
    DEF_WRITER,     /* buffer_writers[] */
    DEF_UNKNOWN,    /* changed in a way not followed */
} DefKind;

static DefKind defines(const Ins *ins, const char *key, int *writer)
{
    if ((ins->dst.kind == OPND_LVALUE || ins->dst.kind == OPND_TEMP) && ins->dst.key) {
        if (!strcmp(ins->dst.key, key))
            return DEF_VALUE;
        /* a store to a prefix (s = t for key s.path) replaces it; a store
         * into its content (buf[n] = 0) leaves the name's making alone */
        if (ins->dst.kind == OPND_LVALUE && ir_key_overlaps(ins->dst.key, key) &&
            strlen(ins->dst.key) < strlen(key))
            return DEF_UNKNOWN;
    }
    if (ins->kind != INS_CALL)
        return DEF_NONE;
    const Call *c = &ins->call;
    const Fill *f = fill_of(ins);
    if (f) {
        const Operand *t = &c->args[f->target];
        bool by_addr = !strcmp(c->callee, "asprintf") || !strcmp(c->callee, "vasprintf");
        if ((by_addr ? t->kind == OPND_ADDR : t->kind == OPND_LVALUE) && !strcmp(t->key, key))
            return DEF_FILL;
    }
    if (c->callee)
        for (int i = 0; buffer_writers[i].name; i++)
            if (!strcmp(buffer_writers[i].name, c->callee) && buffer_writers[i].arg < c->nargs &&
                arg_is(&c->args[buffer_writers[i].arg], key)) {
                *writer = i;
                return DEF_WRITER;
            }
    for (int i = 0; i < c->nargs; i++) {
        const Operand *o = &c->args[i];
        if (o->kind == OPND_ADDR && ir_key_overlaps(o->key, key))
            return DEF_UNKNOWN;   /* &p: may be re-pointed */
        if (c->kind != CALLEE_EXTERNAL && o->kind == OPND_LVALUE && !strcmp(o->key, key))
            return DEF_UNKNOWN;   /* the program's own function may fill it */
    }
    return DEF_NONE;
}

static int scan_defines(const Ins *ins, const char *key, int *writer)
{
    return (int)defines(ins, key, writer);
}

/* ---- reaching definitions ----------------------------------------- */

typedef struct Def {
    int block, index;       /* index -1: the value on entry (a parameter, a global) */
    DefKind kind;
    int writer;
} Def;

typedef struct Pos {
    int block, from;
} Pos;

/* Backwards from (block, index), the first definition of key on each path;
 * -1 when the step budget runs out. Only the blocks walked cost memory. */
static bool may_define(const OriginCtx *c, const char *key);

/* In a long block, the walk back from at.from as the loop below makes it,
 * from what the block's scan remembers: 1 with *out the definition found
 * (index -1: none in the block), -1 when the walk runs out of steps, 0
 * for a short block (walk it). The steps charged are the walk's. */
static int long_block_def(Query *q, Pos at, const char *key, Def *out)
{
    if (q->fn->blocks[at.block]->nins < ORIGIN_SCAN_MIN_BLOCK)
        return 0;
    int left = MAX_STEPS - q->steps;   /* instructions the walk may test */
    int floor = at.from - left > 0 ? at.from - left : 0;
    ScanDef d;
    if (origin_scan_last(q->ctx->scan, at.block, at.from, floor, key, &d)) {
        q->steps += at.from - d.index;
        *out = (Def){at.block, d.index, (DefKind)d.kind, d.writer};
        return 1;
    }
    if (floor > 0) {
        q->steps = MAX_STEPS + 1;
        return -1;
    }
    q->steps += at.from;
    out->index = -1;
    return 1;
}

static int reaching_defs(Query *q, int block, int index, const char *key, Def *out)
{
    const Function *fn = q->fn;
    if (!may_define(q->ctx, key)) {   /* never assigned: its value on entry */
        out[0] = (Def){fn->entry, -1, DEF_NONE, -1};
        return 1;
    }
    Arena walk = {0};
    BlockMap visited;       /* blocks entered from their end */
    blockmap_init(&visited, &walk);
    Pos *stack = NULL;
    int nstack = 0, cap = 0, n = 0;
    ARENA_PUSH(&walk, stack, nstack, cap, ((Pos){block, index}));
    bool entry_added = false;
    while (nstack && n < MAX_DEFS) {
        Pos at = stack[--nstack];
        const Block *blk = fn->blocks[at.block];
        bool found = false;
        int remembered = long_block_def(q, at, key, &out[n]);
        if (remembered < 0) {
            arena_free(&walk);
            return -1;
        }
        if (remembered > 0) {
            found = out[n].index >= 0;
            n += found;
        }
        for (int i = remembered ? -1 : at.from - 1; i >= 0; i--) {
            if (++q->steps > MAX_STEPS) {
                arena_free(&walk);
                return -1;
            }
            int writer = -1;
            DefKind k = defines(&blk->ins[i], key, &writer);
            if (k != DEF_NONE) {
                out[n++] = (Def){at.block, i, k, writer};
                found = true;
                break;
            }
        }
        if (found)
            continue;
        if (blk->npred == 0 && !entry_added) {
            out[n++] = (Def){at.block, -1, DEF_NONE, -1};
            entry_added = true;
        }
        for (int p = 0; p < blk->npred; p++) {
            int pb = blk->pred[p];
            if (blockmap_get(&visited, pb) >= 0)
                continue;
            blockmap_put(&visited, pb, 1);
            ARENA_PUSH(&walk, stack, nstack, cap, ((Pos){pb, fn->blocks[pb]->nins}));
        }
        if (++q->steps > MAX_STEPS) {
            arena_free(&walk);
            return -1;
        }
    }
    arena_free(&walk);
    return n;
}

/* ---- what the function defines ------------------------------------ */

static unsigned hash_root(const char *s, int n)
{
    unsigned h = 2166136261u;
    for (int i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static bool roots_has(const OriginCtx *c, const char *root, int n)
{
    for (unsigned i = hash_root(root, n) & (unsigned)(c->cap - 1);;
         i = (i + 1) & (unsigned)(c->cap - 1)) {
        const char *r = c->roots[i];
        if (!r)
            return false;
        if ((int)strlen(r) == n && !strncmp(r, root, (size_t)n))
            return true;
    }
}

static void roots_add(OriginCtx *c, const char *key)
{
    int n;
    const char *root = ir_key_root(key, &n);
    if (roots_has(c, root, n))
        return;
    if ((c->n + 1) * 2 > c->cap) {
        c->full = true;
        return;
    }
    c->n++;
    for (unsigned i = hash_root(root, n) & (unsigned)(c->cap - 1);;
         i = (i + 1) & (unsigned)(c->cap - 1))
        if (!c->roots[i]) {
            c->roots[i] = arena_strndup(c->a, root, (size_t)n);
            return;
        }
}

/* Every key an instruction may define, by the rules of defines(). */
static void add_defined(OriginCtx *c, const Ins *ins)
{
    if ((ins->dst.kind == OPND_LVALUE || ins->dst.kind == OPND_TEMP) && ins->dst.key)
        roots_add(c, ins->dst.key);
    if (ins->kind != INS_CALL)
        return;
    const Call *call = &ins->call;
    const Fill *f = fill_of(ins);
    for (int i = 0; i < call->nargs; i++) {
        const Operand *o = &call->args[i];
        if (!o->key || (o->kind != OPND_LVALUE && o->kind != OPND_ADDR))
            continue;
        bool target = o->kind == OPND_ADDR || call->kind != CALLEE_EXTERNAL ||
                      (f && i == f->target);
        for (int w = 0; !target && call->callee && buffer_writers[w].name; w++)
            target = buffer_writers[w].arg == i && !strcmp(buffer_writers[w].name, call->callee);
        if (target)   /* &p, a fill's buffer, a writer's, the program's functions' */
            roots_add(c, o->key);
    }
}

OriginCtx *origin_ctx(Arena *a, const Function *fn)
{
    OriginCtx *c = ARENA_NEW(a, OriginCtx);
    c->a = a;
    c->fn = fn;
    c->cap = 64;
    while (c->cap < 2 * (fn->nvars + fn->ntemps) + 64)
        c->cap *= 2;
    c->roots = ARENA_ARRAY(a, const char *, c->cap);
    c->scan = origin_scan_new(a, fn, scan_defines);
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++)
            add_defined(c, &fn->blocks[b]->ins[i]);
    return c;
}

static bool may_define(const OriginCtx *c, const char *key)
{
    int n;
    const char *root = ir_key_root(key, &n);
    return c->full || roots_has(c, root, n);
}

/* ---- shapes -------------------------------------------------------- */

static void add_shape(Shapes *s, const char *text, const Ins *maker)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->item[i].text, text))
            return;
    if (s->n < ORIGIN_MAX_SHAPES)
        s->item[s->n++] = (Shape){text, maker};
}

static Shapes one(const char *text, const Ins *maker)
{
    Shapes s = {.n = 0};
    add_shape(&s, text, maker);
    return s;
}

/* Every a + b. */
static Shapes concat(Arena *ar, const Shapes *a, const Shapes *b)
{
    Shapes r = {.n = 0};
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            const char *x = a->item[i].text, *y = b->item[j].text;
            const char *t = strlen(x) + strlen(y) > MAX_TEXT ? arena_printf(ar, "%s?", x)
                                                             : arena_printf(ar, "%s%s", x, y);
            add_shape(&r, t, a->item[i].maker ? a->item[i].maker : b->item[j].maker);
        }
    return r;
}

static void merge(Shapes *into, const Shapes *from)
{
    for (int i = 0; i < from->n; i++)
        add_shape(into, from->item[i].text, from->item[i].maker);
}

static Shapes key_shapes(Query *q, int block, int index, const char *key, int depth);

static Shapes operand_shapes(Query *q, int block, int index, const Operand *o, int depth)
{
    switch (o->kind) {
    case OPND_STRING:
        return one(arena_strndup(q->a, o->key + 1, strlen(o->key) - 2), NULL);
    case OPND_INT:
        return one(arena_printf(q->a, "%lld", o->ival), NULL);
    case OPND_LVALUE:
    case OPND_TEMP:
        return key_shapes(q, block, index, o->key, depth + 1);
    case OPND_EXPR:
        if (o->has_ival)
            return one(arena_printf(q->a, "%lld", o->ival), NULL);
        if (o->nreads == 1)   /* a cast, p + 0, *p... */
            return key_shapes(q, block, index, o->reads[0], depth + 1);
        return one("?", NULL);
    default:
        return one("?", NULL);
    }
}

static bool tmpdir_variable(const Operand *o)
{
    static const char *const names[] = {"\"TMPDIR\"", "\"TMP\"", "\"TEMP\"", "\"TEMPDIR\"",
                                        NULL};
    return o->kind == OPND_STRING && in_list(o->key, names);
}

static Shapes result_shapes(Query *q, int block, int index, const Ins *ins, int depth)
{
    const Call *c = &ins->call;
    if (!c->callee || c->kind != CALLEE_EXTERNAL)
        return one("?", NULL);
    const char *n = c->callee;
    if (!strcmp(n, "getenv") || !strcmp(n, "secure_getenv"))
        return one(c->nargs > 0 && tmpdir_variable(&c->args[0]) ? "$TMPDIR" : "*", NULL);
    if (in_list(n, tempname_makers))
        return one("{tempname}", ins);
    if (!strcmp(n, "mkdtemp"))
        return one("{mkdtemp}", NULL);
    if (in_list(n, predictable_calls))
        return one("*", NULL);
    if ((!strcmp(n, "strdup") || !strcmp(n, "strndup") || !strcmp(n, "_strdup") ||
         !strcmp(n, "wcsdup")) && c->nargs > 0)
        return operand_shapes(q, block, index, &c->args[0], depth);
    return one("?", NULL);
}

/* A conversion's argument: strings as they are, numbers as "*" unless
 * constant or unknown. */
static Shapes conversion_shapes(Query *q, int block, int index, const Operand *o, char conv,
                                int depth)
{
    Shapes s = operand_shapes(q, block, index, o, depth);
    if (conv == 's')
        return s;
    Shapes r = {.n = 0};
    for (int i = 0; i < s.n; i++) {
        const char *t = s.item[i].text;
        bool number = t[0] && strspn(t, "-0123456789") == strlen(t);
        add_shape(&r, number ? t : strchr(t, '?') ? "?" : "*", NULL);
    }
    return r;
}

/* snprintf(buf, n, fmt, ...): the format with each conversion replaced. */
static Shapes printf_shapes(Query *q, int block, int index, const Ins *ins, const Fill *f,
                            int depth)
{
    const Call *c = &ins->call;
    const Operand *fmt = &c->args[f->input];
    if (fmt->kind != OPND_STRING)
        return one("?", NULL);
    const char *p = fmt->key + 1, *end = fmt->key + strlen(fmt->key) - 1;
    int arg = f->input + 1;
    Shapes acc = one("", NULL);
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        const char *lit_end = pct ? pct : end;
        if (lit_end > p) {
            Shapes lit = one(arena_strndup(q->a, p, (size_t)(lit_end - p)), NULL);
            acc = concat(q->a, &acc, &lit);
        }
        if (!pct)
            break;
        p = pct + 1;
        if (*p == '%') {
            Shapes pc = one("%", NULL);
            acc = concat(q->a, &acc, &pc);
            p++;
            continue;
        }
        /* flags, width, precision, length; '*' takes an argument */
        while (p < end && strchr("-+ #0123456789.*hlLqjzt'", *p)) {
            if (*p == '*')
                arg++;
            p++;
        }
        if (p >= end)
            break;
        char conv = *p++;
        Shapes piece;
        if (f->kind == 'v' || arg >= c->nargs || conv == 'n')
            piece = one("?", NULL);
        else
            piece = conversion_shapes(q, block, index, &c->args[arg], conv, depth);
        arg++;
        acc = concat(q->a, &acc, &piece);
    }
    return acc;
}

static Shapes def_shapes(Query *q, const char *key, const Def *d, int depth)
{
    if (d->index < 0)
        return one("*", NULL);   /* a parameter or global: the program's choice */
    const Ins *ins = &q->fn->blocks[d->block]->ins[d->index];
    switch (d->kind) {
    case DEF_VALUE:
        if (ins->kind == INS_ASSIGN)
            return operand_shapes(q, d->block, d->index, &ins->src, depth);
        return result_shapes(q, d->block, d->index, ins, depth);
    case DEF_FILL: {
        const Fill *f = fill_of(ins);
        if (f->kind == 'p' || f->kind == 'v')
            return printf_shapes(q, d->block, d->index, ins, f, depth);
        Shapes src = operand_shapes(q, d->block, d->index, &ins->call.args[f->input], depth);
        if (f->kind == 'c')
            return src;
        Shapes before = key_shapes(q, d->block, d->index, key, depth + 1);
        return concat(q->a, &before, &src);
    }
    case DEF_WRITER: {
        const char *s = buffer_writers[d->writer].shape;
        return one(s, !strcmp(s, "{tempname}") ? ins : NULL);
    }
    default:
        return one("?", NULL);
    }
}

static Shapes key_shapes(Query *q, int block, int index, const char *key, int depth)
{
    if (depth > MAX_DEPTH || q->steps > MAX_STEPS)
        return one("?", NULL);
    Def defs[MAX_DEFS];
    int n = reaching_defs(q, block, index, key, defs);
    if (n <= 0)
        return one("?", NULL);
    Shapes all = {.n = 0};
    for (int i = 0; i < n; i++) {
        Shapes s = def_shapes(q, key, &defs[i], depth);
        merge(&all, &s);
    }
    return all.n ? all : one("?", NULL);
}

Shapes origin_shapes(OriginCtx *c, int block, int index, const Operand *o)
{
    Query q = {c->a, c->fn, c, 0};
    return operand_shapes(&q, block, index, o, 0);
}

/* ---- the call behind a handle ------------------------------------- */

const Ins *origin_call(OriginCtx *c, int block, int index, const Operand *o, int *cb, int *ci)
{
    const Function *fn = c->fn;
    Query q = {c->a, fn, c, 0};
    const Ins *found = NULL;
    const char *key = o->kind == OPND_LVALUE || o->kind == OPND_TEMP ? o->key
                      : o->kind == OPND_EXPR && o->nreads == 1 ? o->reads[0] : NULL;
    for (int depth = 0; key && depth < MAX_DEPTH && !found; depth++) {
        Def defs[MAX_DEFS];
        int n = reaching_defs(&q, block, index, key, defs);
        key = NULL;
        for (int i = 0; i < n; i++) {
            if (defs[i].index < 0 || defs[i].kind != DEF_VALUE)
                continue;
            const Ins *ins = &fn->blocks[defs[i].block]->ins[defs[i].index];
            const Operand *next = NULL;
            if (ins->kind == INS_ASSIGN) {
                next = &ins->src;
            } else if (ins->call.callee && ins->call.nargs > 0 &&
                       (!strcmp(ins->call.callee, "fileno") || !strcmp(ins->call.callee, "dup") ||
                        !strcmp(ins->call.callee, "_fileno"))) {
                next = &ins->call.args[0];
            } else {
                found = ins;
                *cb = defs[i].block;
                *ci = defs[i].index;
                break;
            }
            block = defs[i].block;
            index = defs[i].index;
            key = next->kind == OPND_LVALUE || next->kind == OPND_TEMP ? next->key
                  : next->kind == OPND_EXPR && next->nreads == 1 ? next->reads[0] : NULL;
            break;
        }
    }
    return found;
}

/* ---- shape tests --------------------------------------------------- */

bool shape_in_shared_dir(const char *t)
{
    static const char *const dirs[] = {"/tmp/", "/var/tmp/", "/dev/shm/", "$TMPDIR", NULL};
    for (int i = 0; dirs[i]; i++) {
        size_t n = strlen(dirs[i]);
        if (strncmp(t, dirs[i], n))
            continue;
        const char *rest = t + n;
        rest += strspn(rest, "/");
        return *rest != '\0';
    }
    return false;
}

bool shape_predictable(const char *t)
{
    return !strchr(t, '?') && !strstr(t, "{tempname}") && !strstr(t, "{mkdtemp}") &&
           !strstr(t, "{mkstemp}");
}

bool shape_is_literal(const char *t)
{
    return !strchr(t, '?') && !strchr(t, '*') && !strchr(t, '{');
}

const char *shape_basename(const char *t)
{
    const char *s = strrchr(t, '/');
    return s ? s + 1 : t;
}
