/* sites.c - recognising calls of catalogued file functions; see sites.h. */
#include "sites.h"

#include <fcntl.h>
#include <string.h>

#include "selector.h"
#include "summary.h"

/* The libc catalogue for external callees; summaries (of the program's
 * own functions, or declared in the configuration) otherwise. */
const FileFunc *site_libc_func(const Ins *ins)
{
    if (ins->kind != INS_CALL || !ins->call.callee)
        return NULL;
    return ins->call.kind == CALLEE_EXTERNAL ? catalog_find(ins->call.callee) : NULL;
}

/* The first effect of `role` of the callee's summary that happens at this
 * call (quick_check_ok(FT_REG, ...) has no readlink(): selector.h). */
static const FileFunc *summary_view(const Ins *ins, int role)
{
    const Summary *s = summary_lookup(ins->call.callee);
    for (int i = 0; s && i < s->n; i++)
        if ((s->effects[i].as.roles & role) && selector_runs(ins, &s->effects[i].as))
            return &s->effects[i].as;
    return NULL;
}

const FileFunc *site_func(const Ins *ins)
{
    const FileFunc *f = site_libc_func(ins);
    if (f || ins->kind != INS_CALL || !ins->call.callee)
        return f;
    f = summary_view(ins, USE);
    return f ? f : summary_view(ins, CHECK);
}

const FileFunc *site_check_func(const Ins *ins)
{
    const FileFunc *f = site_libc_func(ins);
    if (f || ins->kind != INS_CALL || !ins->call.callee)
        return f && (f->roles & CHECK) ? f : NULL;
    return summary_view(ins, CHECK);
}

int site_views(const Ins *ins, const FileFunc **out, int max)
{
    const FileFunc *f = site_libc_func(ins);
    if (f || ins->kind != INS_CALL || !ins->call.callee) {
        out[0] = f;
        return f ? 1 : 0;
    }
    const Summary *s = summary_lookup(ins->call.callee);
    int n = 0;
    for (int i = 0; s && i < s->n && n < max; i++)
        if (selector_runs(ins, &s->effects[i].as))
            out[n++] = &s->effects[i].as;
    return n;
}

static bool names_open_descriptor(const char *key)
{
    return !strncmp(key, "\"/proc/self/fd/", 15) || !strncmp(key, "\"/dev/fd/", 9);
}

const Operand *site_path(const Ins *ins, const FileFunc *f, int which)
{
    int arg = which == 0 ? f->path : f->path2;
    int dirfd = which == 0 ? f->dirfd : f->dirfd2;
    const Call *c = &ins->call;
    if (which == 0 && f->global)
        return f->global;   /* the global the summarised function acts on */
    if (arg < 0 || arg >= c->nargs || (f->roles & SOCKNAME))
        return NULL;   /* a socket's name is a field of the argument */
    int fd = f->by_name_without - 1;
    if (fd >= 0 && fd < c->nargs && !(c->args[fd].has_ival && c->args[fd].ival < 0))
        return NULL;   /* the wrapper works on the descriptor it is given */
    /* Relative to a descriptor the program holds: not a name lookup from
     * the current directory, so not this family of race. */
    if (dirfd >= 0 && dirfd < c->nargs && !(c->args[dirfd].has_ival && c->args[dirfd].ival == AT_FDCWD))
        return NULL;
    const Operand *p = &c->args[arg];
    /* a call's result passed on (stat(spool_name(u), ...)) is a name too:
     * another call of a pure formatter with the same inputs names the same
     * file (names.h) */
    if (p->kind != OPND_LVALUE && p->kind != OPND_STRING && p->kind != OPND_TEMP)
        return NULL;
    if (p->kind == OPND_STRING && names_open_descriptor(p->key))
        return NULL;
    return p;
}

const Operand *site_path_at(const Ins *ins, const FileFunc *f, int which, const Operand **dirfd)
{
    int arg = which == 0 ? f->path : f->path2;
    int dir = which == 0 ? f->dirfd : f->dirfd2;
    const Call *c = &ins->call;
    if (arg < 0 || arg >= c->nargs || dir < 0 || dir >= c->nargs || (f->roles & SOCKNAME))
        return NULL;
    const Operand *p = &c->args[arg], *d = &c->args[dir];
    if ((d->has_ival && d->ival == AT_FDCWD) || (p->kind != OPND_LVALUE && p->kind != OPND_STRING) ||
        (d->kind != OPND_LVALUE && d->kind != OPND_TEMP))
        return NULL;
    if (p->kind == OPND_STRING && p->key[1] == '/')
        return NULL;   /* an absolute name ignores the descriptor */
    *dirfd = d;
    return p;
}

/* The call that produced temporary `key`, or NULL. */
static const Ins *temp_def(const Function *fn, const char *key)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->dst.kind == OPND_TEMP && !strcmp(ins->dst.key, key))
                return ins->kind == INS_CALL ? ins : NULL;
        }
    return NULL;
}

bool site_same_dirfd(const Function *fn, const Operand *a, const Operand *b)
{
    if (a->kind == OPND_LVALUE || b->kind == OPND_LVALUE)
        return a->kind == b->kind && !strcmp(a->key, b->key);
    const Ins *x = temp_def(fn, a->key), *y = temp_def(fn, b->key);
    if (!x || !y || !x->call.callee || !y->call.callee || strcmp(x->call.callee, y->call.callee) ||
        x->call.nargs != y->call.nargs)
        return false;
    for (int i = 0; i < x->call.nargs; i++) {
        const Operand *p = &x->call.args[i], *q = &y->call.args[i];
        if (!p->key || !q->key || p->kind != q->kind || strcmp(p->key, q->key))
            return false;
    }
    return true;
}

const char *site_out_buffer(const Site *s)
{
    int out = s->func->out;
    if (out < 0 || out >= s->ins->call.nargs)
        return NULL;
    const Operand *buf = &s->ins->call.args[out];
    return buf->kind == OPND_ADDR || buf->kind == OPND_LVALUE ? buf->key : NULL;
}

bool site_flags(const Ins *ins, const FileFunc *f, long long *flags)
{
    if (f->has_fixed_flags) {
        *flags = f->fixed_flags;
        return true;
    }
    if (f->flags < 0 || f->flags >= ins->call.nargs || f->flagkind == F_FOPEN)
        return false;
    const Operand *o = &ins->call.args[f->flags];
    if (!o->has_ival)
        return false;
    *flags = o->ival | f->flags_set;
    return true;
}

long long site_flags_set(const Ins *ins, const FileFunc *f)
{
    long long flags;
    if (site_flags(ins, f, &flags))
        return flags;
    if (f->flags < 0 || f->flags >= ins->call.nargs || f->flagkind == F_FOPEN)
        return f->flags_set;
    return f->flags_set | ins->call.args[f->flags].bits_set;
}

const char *site_mode(const Ins *ins, const FileFunc *f)
{
    if (f->fixed_mode)
        return f->fixed_mode;
    if (f->flagkind != F_FOPEN || f->flags < 0 || f->flags >= ins->call.nargs)
        return NULL;
    const Operand *o = &ins->call.args[f->flags];
    return o->kind == OPND_STRING ? o->key : NULL;
}

const char *site_display_name(Arena *a, const Operand *o)
{
    return o->kind == OPND_TEMP && o->text ? o->text : site_display_key(a, o->key);
}

const char *site_display_key(Arena *a, const char *key)
{
    const char *q = strchr(key, '\'');
    if (!q || key[0] == '"')
        return key;
    /* "p'2->path" -> "p->path" */
    size_t head = (size_t)(q - key);
    size_t skip = 1 + strspn(q + 1, "0123456789");
    return arena_printf(a, "%.*s%s", (int)head, key, q + skip);
}

SiteIter site_iter(const Function *fn, const int *idom)
{
    SiteIter it = {fn, idom, false, 0, -1, NULL, NULL};
    return it;
}

SiteIter site_iter_all(const Function *fn, const int *idom)
{
    SiteIter it = {fn, idom, true, 0, -1, NULL, NULL};
    return it;
}

bool site_next(SiteIter *it)
{
    for (; it->block < it->fn->nblocks; it->block++, it->index = -1) {
        if (it->idom[it->block] < 0)
            continue;
        const Block *blk = it->fn->blocks[it->block];
        while (++it->index < blk->nins) {
            it->ins = &blk->ins[it->index];
            it->func = site_libc_func(it->ins);
            if (it->func || it->all)
                return true;
        }
    }
    return false;
}
