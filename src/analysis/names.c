/* names.c - following a checked name through copies and buffer fills;
 * see names.h. */
#include "names.h"

#include <string.h>

#include "../model/catalog.h"
#include "names_index.h"
#include "param_alias.h"
#include "summary.h"
#include "../util/strbuf.h"

typedef struct FillFunc {
    const char *name;
    const char *kind;   /* "printf", "copy" or "cat" */
    int first_input;    /* index of the first argument that shapes content */
} FillFunc;

/* Functions that write their first argument from the others. */
static const FillFunc fills[] = {
    {"snprintf", "printf", 2}, {"sprintf", "printf", 1}, {"vsnprintf", "printf", 2},
    {"vsprintf", "printf", 1}, {"strcpy", "copy", 1},   {"strncpy", "copy", 1},
    {"strlcpy", "copy", 1},    {"stpcpy", "copy", 1},   {"stpncpy", "copy", 1},
    {"memcpy", "copy", 1},     {"memmove", "copy", 1},  {"strcat", "cat", 1},
    {"strncat", "cat", 1},     {"strlcat", "cat", 1},   {"asprintf", "printf", 1},
    {"vasprintf", "printf", 1}, {NULL, NULL, 0},
};

/* A program function whose result depends on its arguments only
 * (summary.h: pure_result): `a = join(dir, "state")` fills a with a name
 * made from its inputs, as asprintf(&a, ...) does. */
static const FillFunc result_fill = {NULL, "call", 0};

static const FillFunc *fill_func(const Ins *ins)
{
    if (ins->kind != INS_CALL || !ins->call.callee)
        return NULL;
    const Summary *pure = ins->dst.key ? summary_lookup(ins->call.callee) : NULL;
    if (pure && pure->pure_result)
        return &result_fill;
    if (ins->call.nargs < 2)
        return NULL;
    for (int i = 0; fills[i].name; i++)
        if (!strcmp(fills[i].name, ins->call.callee))
            return &fills[i];
    return NULL;
}

bool names_is_fill(const Ins *ins)
{
    return fill_func(ins) != NULL;
}

/* The buffer a fill call writes, or NULL: buf for snprintf(buf, ...),
 * p for asprintf(&p, ...), which points p at a new buffer. */
static const char *fill_target(const Ins *ins)
{
    if (fill_func(ins) == &result_fill)
        return ins->dst.key;
    const Operand *dst = &ins->call.args[0];
    return dst->kind == OPND_LVALUE || dst->kind == OPND_ADDR ? dst->key : NULL;
}

/* Does the fill point its target at a new buffer (asprintf) rather than
 * write into the one it points to? */
static bool fill_repoints(const Ins *ins)
{
    return fill_func(ins) == &result_fill || ins->call.args[0].kind == OPND_ADDR;
}

/* "|in1|in2": the inputs of a fill; NULL if one is not a plain name,
 * literal or constant. Integer inputs right after the buffer (sizes) are
 * skipped, so buffers of different sizes filled alike compare equal. A
 * copy's length computed otherwise (memcpy(sun.sun_path, addr,
 * strlen(addr) + 1)) still leaves what it copies from known; it makes
 * the signature this call's own ("|?LINE:COL"), equal to no other. */
static bool append_inputs(StrBuf *b, const Ins *ins, const FillFunc *f)
{
    const Call *c = &ins->call;
    for (int i = f->first_input; i < c->nargs; i++) {
        const Operand *o = &c->args[i];
        if (o->kind == OPND_LVALUE || o->kind == OPND_STRING)
            sb_printf(b, "|%s", o->key);
        else if (o->kind == OPND_INT)
            sb_printf(b, "|%lld", o->ival);
        else if (!strcmp(f->kind, "copy") && i > f->first_input)
            sb_printf(b, "|?%u:%u", ins->loc.line, ins->loc.col);
        else
            return false;
    }
    return true;
}

enum { MAX_LOOKBACK = 2000 };

/* The instruction before (b, i) in block b that last wrote key, or NULL. */
static const Ins *write_in_block(const Function *fn, int b, int i, const char *key, int *index)
{
    const Block *blk = fn->blocks[b];
    for (i = i - 1; i >= 0; i--) {
        const Ins *ins = &blk->ins[i];
        bool writes = (ins->dst.kind == OPND_LVALUE && ir_key_overlaps(ins->dst.key, key)) ||
                      (fill_func(ins) && fill_target(ins) && !strcmp(fill_target(ins), key));
        if (writes) {
            *index = i;
            return ins;
        }
    }
    return NULL;
}

/* The backward search through joins: per block, the write every path
 * into it agrees on. */
typedef struct Back {
    const Function *fn;
    const char *key;
    unsigned char *state;   /* 0 unseen, 1 on the current search, 2 done */
    const Ins **found;
    int *found_block, *found_index;
    int steps;
} Back;

static const Ins only_cycles;   /* a block reached only around a loop: no say */

static const Ins *back_into(Back *k, int b, int *wb, int *wi);

static const Ins *back_from(Back *k, int b, int i, int *wb, int *wi)
{
    const Ins *w = write_in_block(k->fn, b, i, k->key, wi);
    if (w) {
        *wb = b;
        return w;
    }
    return back_into(k, b, wb, wi);
}

/* What every path into block b last wrote to key: the same instruction on
 * each (the buffer filled before an `if` whose arms meet again: postfix's
 * unix_listen(): memcpy(sun.sun_path, ...), then `if (unlink(addr) < 0 &&
 * errno != ENOENT)`, then bind()), else NULL. A path around a loop back
 * to a block on the search has no say. */
static const Ins *back_into(Back *k, int b, int *wb, int *wi)
{
    if (k->state[b] == 1)
        return &only_cycles;
    if (k->state[b] == 2) {
        *wb = k->found_block[b];
        *wi = k->found_index[b];
        return k->found[b];
    }
    const Block *blk = k->fn->blocks[b];
    if (!blk->npred || ++k->steps > MAX_LOOKBACK)
        return NULL;
    k->state[b] = 1;
    const Ins *agreed = &only_cycles;
    int ab = -1, ai = -1;
    for (int p = 0; p < blk->npred && agreed; p++) {
        int pb, pi;
        const Ins *w = back_from(k, blk->pred[p], k->fn->blocks[blk->pred[p]]->nins, &pb, &pi);
        if (w == &only_cycles)
            continue;
        if (agreed == &only_cycles && w) {
            agreed = w;
            ab = pb;
            ai = pi;
        } else if (w != agreed) {
            agreed = NULL;
        }
    }
    k->state[b] = 2;
    k->found[b] = agreed;
    *wb = k->found_block[b] = ab;
    *wi = k->found_index[b] = ai;
    return agreed;
}

/* Walk back from (block, index) to the instruction that last wrote key:
 * along single-predecessor blocks, and through a join when every path
 * into it agrees on the write. */
static const Ins *last_write(Arena *a, const Function *fn, int *block, int *index,
                             const char *key)
{
    int b = *block, i = *index, steps = 0;
    for (;;) {
        const Ins *w = write_in_block(fn, b, i, key, &i);
        if (w) {
            *block = b;
            *index = i;
            return w;
        }
        const Block *blk = fn->blocks[b];
        if (blk->npred != 1 || ++steps > MAX_LOOKBACK)
            break;
        b = blk->pred[0];
        i = fn->blocks[b]->nins;
    }
    if (fn->blocks[b]->npred < 2)
        return NULL;
    Back k = {fn, key, ARENA_ARRAY(a, unsigned char, fn->nblocks),
              ARENA_ARRAY(a, const Ins *, fn->nblocks), ARENA_ARRAY(a, int, fn->nblocks),
              ARENA_ARRAY(a, int, fn->nblocks), steps};
    const Ins *w = back_into(&k, b, block, index);
    return w == &only_cycles ? NULL : w;
}

const char *names_fill_of(Arena *a, const Function *fn, int block, int index, const Ins *ins)
{
    const FillFunc *f = fill_func(ins);
    const char *target = f ? fill_target(ins) : NULL;
    if (!target)
        return NULL;
    StrBuf b = {0};
    bool ok = true;
    if (!strcmp(f->kind, "cat")) {   /* appends: what was there first counts */
        const char *before = names_fill_before(a, fn, block, index, target);
        ok = before != NULL;
        if (ok)
            sb_printf(&b, "%s+", before);
    }
    sb_puts(&b, f->kind);
    if (f == &result_fill)
        sb_printf(&b, ":%s", ins->call.callee);
    ok = ok && append_inputs(&b, ins, f);
    const char *sig = ok ? arena_strdup(a, sb_str(&b)) : NULL;
    sb_free(&b);
    return sig;
}

const char *names_copied_from(Arena *a, const char *sig)
{
    /* a copy's later inputs are sizes; a format must have nothing else */
    static const char *const whole[] = {"copy|", "printf|\"%s\"|", NULL};
    for (int i = 0; sig && whole[i]; i++) {
        size_t n = strlen(whole[i]);
        const char *rest = sig + n, *bar = strchr(rest, '|');
        if (strncmp(sig, whole[i], n) || *rest == '"' || (bar && i == 1))
            continue;
        return bar ? arena_strndup(a, rest, (size_t)(bar - rest)) : arena_strdup(a, rest);
    }
    return NULL;
}

const char *names_fill_before(Arena *a, const Function *fn, int block, int index,
                              const char *key)
{
    const Ins *w = last_write(a, fn, &block, &index, key);
    if (w && w->kind == INS_ASSIGN && w->src.kind == OPND_TEMP)   /* a = join(...) */
        w = last_write(a, fn, &block, &index, w->src.key);
    return w ? names_fill_of(a, fn, block, index, w) : NULL;
}

/* Does a store to `written` go into the storage that key k points to
 * (buf[0] or *p for k = p), rather than re-point k itself (*argp for
 * k = *argp: the slot that held the name gets another value)? */
static bool stores_into_content(const char *written, const char *k)
{
    size_t sw = strspn(written, "*"), sk = strspn(k, "*");
    return sw > sk || (sw == sk && strlen(written) > strlen(k));
}

/* `written` is stored to: keys it re-points are dropped; if it writes into
 * the content of a key (buf[0], *p), no storage holds the name any more. */
/* One key: dropped if `written` re-points it; false if the write goes
 * into the name's content (then the set was cleared). */
static bool store_at(NameSet *s, int i, const char *written)
{
    const char *k = s->keys[i];
    if (ir_key_index_uses(written, k)) {
        nameset_remove_at(s, i);
    } else if (ir_key_overlaps(written, k)) {
        if (stores_into_content(written, k)) {
            nameset_clear(s);
            return false;
        }
        nameset_remove_at(s, i);
    }
    return true;
}

/* `written` is stored to: keys it re-points are dropped; if it writes into
 * the content of a key (buf[0], *p), no storage holds the name any more.
 * The keys are taken from the last place down (a removed key's place gets
 * the last key, already seen). */
static void store(NameSet *s, const char *written)
{
    const int *places;
    int n = nameset_overlap_places(s, written, &places);
    if (n < 0) {
        for (int i = s->n - 1; i >= 0; i--)
            if (!store_at(s, i, written))
                return;
        return;
    }
    for (int k = 0; k < n; k++)
        if (!store_at(s, places[k], written))
            return;
}

/* Does a key of s overlap key? */
static bool holds_overlapping(const NameSet *s, const char *key)
{
    for (int i = nameset_first_of_root(s, key); i >= 0; i = nameset_next_of_root(s, i))
        if (ir_key_overlaps(s->keys[i], key))
            return true;
    return false;
}

/* Does the operand read one of the name's keys, or a pointer into it? */
static bool reads_name(const NameSet *s, const Operand *o)
{
    for (int r = 0; r < o->nreads; r++) {
        if (holds_overlapping(s, o->reads[r]))
            return true;
        for (int i = 0; i < s->ninner; i++)
            if (ir_key_overlaps(s->inner[i], o->reads[r]))
                return true;
    }
    return false;
}

static bool add_inner(Arena *a, NameSet *s, const char *key)
{
    for (int i = 0; i < s->ninner; i++)
        if (!strcmp(s->inner[i], key))
            return false;
    ARENA_PUSH(a, s->inner, s->ninner, s->cap_inner, key);
    return true;
}

/* A store through a pointer into the name (*ext = 0, ext[1] = 'z'). */
static bool writes_through_inner(const NameSet *s, const char *written)
{
    int n;
    const char *root = ir_key_root(written, &n);
    bool through = written[0] == '*' || strchr(written, '[');
    for (int i = 0; through && i < s->ninner; i++)
        if ((int)strlen(s->inner[i]) == n && !strncmp(s->inner[i], root, (size_t)n))
            return true;
    return false;
}

static bool in_list(const char *name, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(name, list[i]))
            return true;
    return false;
}

/* copy = strdup(p) of a name: a new buffer holding the same name. */
static bool duplicates_name(const NameSet *s, const Ins *ins)
{
    const Call *c = &ins->call;
    return c->callee && (!strcmp(c->callee, "strdup") || !strcmp(c->callee, "xstrdup")) &&
           c->nargs == 1 && ins->dst.key && c->args[0].kind == OPND_LVALUE &&
           nameset_has(s, c->args[0].key);
}

/* Functions common between a check and a use that never write through
 * their pointer arguments. */
static const char *const readers[] = {
    "strlen", "strcmp", "strncmp", "strcasecmp", "strchr", "strrchr", "strstr", "strdup",
    "strndup", "printf", "fprintf", "dprintf", "syslog", "puts", "fputs", "perror", "warn",
    "warnx", "strtol", "strtoul", "strtoll", "strtoull", "atoi", "atol", "free", "close",
    "fclose", "closedir", NULL,
};

static bool may_write_through(const Call *c)
{
    return !c->callee || (!catalog_find(c->callee) && !in_list(c->callee, readers));
}

/* A call: a fill of a checked buffer with the same inputs keeps the name,
 * a fill of another buffer with them adds a holder; any other write
 * through a pointer to the name's content ends it. */
/* A store to one of the fill signature's inputs: a later fill with the
 * same text no longer makes the same name. */
static void forget_fill_if_input(NameSet *s, const char *written)
{
    if (!s->fill)
        return;
    for (const char *p = strchr(s->fill, '|'); p; p = strchr(p + 1, '|')) {
        char input[256];
        size_t n = strcspn(p + 1, "|+");
        if (n >= sizeof input || p[1] == '"')
            continue;
        memcpy(input, p + 1, n);
        input[n] = '\0';
        if (ir_key_overlaps(written, input) || ir_key_index_uses(written, input)) {
            s->fill = NULL;   /* names[i] after i++ is another input */
            return;
        }
    }
}

/* Is arg a writable pointer into the name's content other than a key
 * holding the name (buf + len, ext = strrchr(buf, '.'))? A callee that
 * may write through pointers writes into the name through it. */
static bool points_into_name(const NameSet *s, const Operand *arg)
{
    return !arg->to_const && arg->kind != OPND_ADDR && arg->kind != OPND_STRING &&
           (arg->to_pointer || !arg->key) && reads_name(s, arg) &&
           !(arg->kind == OPND_LVALUE && nameset_has(s, arg->key));
}

/* Is arg, a writable pointer, surely into the name's content: a pointer
 * into it (chp2 = buf2 + n), or arithmetic on a key holding it (buf + n)?
 * Not another element of an array of names (args[1] beside args[0]). */
static bool points_into_content(const NameSet *s, const Operand *arg)
{
    if (arg->to_const || arg->kind == OPND_ADDR || arg->kind == OPND_STRING ||
        !(arg->to_pointer || !arg->key))
        return false;   /* i = strlen(buf): an inner value, no pointer */
    for (int r = 0; r < arg->nreads; r++) {
        if (arg->kind == OPND_EXPR && nameset_has(s, arg->reads[r]))
            return true;
        for (int i = 0; i < s->ninner; i++)
            if (!strcmp(s->inner[i], arg->reads[r]))
                return true;
    }
    return false;
}

bool names_call_rewrites(const NameSet *s, const Ins *ins)
{
    if (ins->kind != INS_CALL || fill_func(ins) || !may_write_through(&ins->call))
        return false;
    bool holds = false, into = false;
    for (int k = 0; k < ins->call.nargs; k++) {
        const Operand *arg = &ins->call.args[k];
        holds |= arg->kind == OPND_LVALUE && nameset_has(s, arg->key);
        into |= points_into_content(s, arg);
    }
    return holds && into;
}

static void call_step(Arena *a, const Function *fn, int block, int index, NameSet *s,
                      const Ins *ins)
{
    if (duplicates_name(s, ins)) {
        nameset_add(a, s, ins->dst.key);   /* copy = strdup(p): the same name */
        return;
    }
    /* What these return from the name (strrchr(buf, '/')) points into it. */
    bool points_into = ins->call.callee && names_points_into_arg(ins->call.callee);
    for (int k = 0; points_into && ins->dst.key && k < ins->call.nargs; k++)
        if (reads_name(s, &ins->call.args[k]))
            add_inner(a, s, ins->dst.key);
    if (fill_func(ins) && fill_target(ins)) {
        const char *sig = s->fill ? names_fill_of(a, fn, block, index, ins) : NULL;
        const char *target = fill_target(ins);
        forget_fill_if_input(s, target);
        if (sig && s->fill && !strcmp(sig, s->fill)) {
            nameset_add(a, s, target);
            return;
        }
        if (fill_repoints(ins)) {
            store(s, target);   /* asprintf(&p, ...): p names another file now */
            return;
        }
        for (int i = 0; i < s->ninner; i++)
            if (!strcmp(target, s->inner[i])) {
                nameset_clear(s);   /* strcpy(ext, "xz"): into the name */
                return;
            }
        if (holds_overlapping(s, target))
            nameset_clear(s);
        return;
    }
    if (!may_write_through(&ins->call))
        return;
    for (int k = 0; k < ins->call.nargs; k++) {
        const Operand *arg = &ins->call.args[k];
        if (arg->to_const)
            continue;   /* const char *: the callee only reads */
        if (points_into_name(s, arg)) {
            nameset_clear(s);   /* strcpy(buf + len, "x"), sprintf(ext, ...) */
            return;
        }
        if (arg->kind == OPND_ADDR || arg->kind == OPND_LVALUE)
            forget_fill_if_input(s, arg->key);
        if (arg->kind == OPND_ADDR)
            store(s, arg->key);   /* &p: p may be re-pointed */
        else if (arg->kind == OPND_LVALUE && holds_overlapping(s, arg->key)) {
            nameset_clear(s);     /* p: what p points to may change */
            return;
        }
    }
}

/* pick = i while c[i] holds the name: c[pick] holds it too (a loop that
 * picks an index by a check, then uses c[pick] after it). */
static void copy_index(Arena *a, NameSet *s, const char *to, const char *from)
{
    const char *sub = arena_printf(a, "[%s]", from);
    size_t len = strlen(sub);
    const int *places;
    int n = s->n;
    bool every = nameset_bracket_places(s, &places) < 0;
    for (int k = 0;; k++) {
        /* adding keeps the places; the list may move as it grows */
        int nb = every ? n : nameset_bracket_places(s, &places);
        int i = k >= nb ? n : every ? k : places[k];
        if (i >= n)
            break;
        const char *at = strstr(s->keys[i], sub);
        if (at)
            nameset_add(a, s, arena_printf(a, "%.*s[%s]%s", (int)(at - s->keys[i]),
                                           s->keys[i], to, at + len));
    }
}

void nameset_step(Arena *a, const Function *fn, int block, int index, NameSet *s)
{
    const Ins *ins = &fn->blocks[block]->ins[index];
    if (ins->kind == INS_CALL) {
        call_step(a, fn, block, index, s, ins);
    } else if (ins->dst.kind == OPND_LVALUE) {
        forget_fill_if_input(s, ins->dst.key);
        if (writes_through_inner(s, ins->dst.key)) {
            nameset_clear(s);
            return;
        }
        bool copy = (ins->src.kind == OPND_LVALUE || ins->src.kind == OPND_STRING ||
                     ins->src.kind == OPND_TEMP) &&
                    nameset_has(s, ins->src.key);
        bool derived = !copy && reads_name(s, &ins->src);
        store(s, ins->dst.key);
        if (copy)
            nameset_add(a, s, ins->dst.key);
        else if (ins->kind == INS_ASSIGN && ins->src.kind == OPND_LVALUE)
            copy_index(a, s, ins->dst.key, ins->src.key);
        else if (derived)
            add_inner(a, s, ins->dst.key);   /* ext = buf + len */
    }
}

/* Copies made before the check: walking back, each key's latest store is
 * the one seen first; a copy d = s links d and s when neither is stored
 * to again before the check. */
/* Pointers into the name made before the check (ext = strrchr(buf, '.')
 * + 1, then check(buf), then strcpy(ext, "xz")): the instructions of the
 * window, replayed in order, mark what derives from the name. */
static void inner_before(Arena *a, const Ins **window, int n, NameSet *s)
{
    for (int k = n - 1; k >= 0; k--) {   /* the window was collected backwards */
        const Ins *ins = window[k];
        if (!ins->dst.key)
            continue;
        bool derives = false;
        if (ins->kind == INS_ASSIGN)
            derives = !nameset_has(s, ins->dst.key) && ins->src.kind != OPND_LVALUE &&
                      reads_name(s, &ins->src);
        else if (ins->call.callee && names_points_into_arg(ins->call.callee))
            for (int i = 0; i < ins->call.nargs && !derives; i++)
                derives = reads_name(s, &ins->call.args[i]);
        if (derives)
            add_inner(a, s, ins->dst.key);
    }
}

/* Pointers into the name made anywhere in the function, where no single
 * path leads to the check (busybox procps.c: `tail = buf + sprintf(buf,
 * "/proc/%u/", pid)` in both arms of an if, then stat(buf), then
 * strcpy(tail, "stat")): a write through one may change the name, so
 * they count as pointers into it. A may-alias: it only ends names. */
static void inner_anywhere(Arena *a, const Function *fn, NameSet *s)
{
    /* the candidates that read the name's variables, in program order: a
     * pointer found joins the name for the candidates after it */
    NamesIndex *x = names_index(fn);
    names_index_begin(x);
    for (int i = 0; i < s->n; i++)
        names_index_add_readers(x, s->keys[i], -1);
    for (int i = 0; i < s->ninner; i++)
        names_index_add_readers(x, s->inner[i], -1);
    for (int c; (c = names_index_next(x)) >= 0;) {
        const Ins *ins = names_index_candidate(x, c);
        if (nameset_has(s, ins->dst.key))
            continue;
        bool derives = false;
        if (ins->kind == INS_ASSIGN)
            derives = reads_name(s, &ins->src);
        else
            for (int k = 0; k < ins->call.nargs && !derives; k++)
                derives = reads_name(s, &ins->call.args[k]);
        if (derives && add_inner(a, s, ins->dst.key))
            names_index_add_readers(x, ins->dst.key, c);
    }
}

/* Parameters that a caller points into the buffer of a parameter holding
 * the name (param_alias.h: mkmaildir(buf, strchr(buf, '\0'))) are
 * pointers into it too: a write through one changes the name. */
static void params_into(Arena *a, const Function *fn, NameSet *s)
{
    int n = fn->nparams < fn->nvars ? fn->nparams : fn->nvars;
    for (int i = 0; i < n; i++) {
        if (!nameset_has(s, fn->vars[i].key))
            continue;
        for (int j = 0; j < n; j++)
            if (j != i && fn->vars[j].pointer && param_alias_into(fn->name, j, i))
                add_inner(a, s, fn->vars[j].key);
    }
}

void names_aliases_before(Arena *a, const Function *fn, int block, int index, NameSet *s)
{
    NameSet stored = {0};
    const Ins **window = NULL;
    int nwindow = 0, cap = 0, steps = 0;
    for (int b = block, i = index;;) {
        const Block *blk = fn->blocks[b];
        for (i = i - 1; i >= 0; i--) {
            const Ins *ins = &blk->ins[i];
            ARENA_PUSH(a, window, nwindow, cap, ins);
            if (ins->dst.kind != OPND_LVALUE || nameset_has(&stored, ins->dst.key))
                continue;
            const char *d = ins->dst.key, *src = NULL;
            if (ins->kind == INS_ASSIGN &&
                (ins->src.kind == OPND_LVALUE || ins->src.kind == OPND_STRING))
                src = ins->src.key;
            if (src && !nameset_has(&stored, src)) {
                if (nameset_has(s, d))
                    nameset_add(a, s, src);
                else if (nameset_has(s, src))
                    nameset_add(a, s, d);
            }
            nameset_add(a, &stored, d);
        }
        if (blk->npred != 1 || ++steps > MAX_LOOKBACK)
            break;
        b = blk->pred[0];
        i = fn->blocks[b]->nins;
    }
    inner_before(a, window, nwindow, s);
    params_into(a, fn, s);
    inner_anywhere(a, fn, s);
}
