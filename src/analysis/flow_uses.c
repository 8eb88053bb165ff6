/* flow_uses.c - forward search for uses of the same, unchanged name. */
#include <string.h>

#include "flow.h"

static bool in_list(const char *name, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(name, list[i]))
            return true;
    return false;
}

/* Functions common between a check and a use that only read strings. */
static const char *const readers[] = {
    "strlen", "strcmp", "strncmp", "strcasecmp", "strchr", "strrchr", "strstr", "strdup",
    "strndup", "printf", "fprintf", "dprintf", "syslog", "puts", "fputs", "perror", "warn",
    "warnx", "strtol", "strtoul", "strtoll", "strtoull", "atoi", "atol", "free", NULL,
};
/* Functions that write their first argument only. */
static const char *const first_arg_writers[] = {
    "strcpy", "strncpy", "strcat", "strncat", "memcpy", "memmove", "memset", "sprintf",
    "snprintf", "vsprintf", "vsnprintf", "strlcpy", "strlcat", "stpcpy", "stpncpy", NULL,
};

/* May the callee write through pointer argument i?  Unknown callees may;
 * catalogued file functions never change the names they are given. */
static bool may_write_through(const Call *c, int i)
{
    if (!c->callee)
        return true;
    if (catalog_find(c->callee) || in_list(c->callee, readers))
        return false;
    if (in_list(c->callee, first_arg_writers))
        return i == 0;
    return true;
}

bool flow_kills(const Ins *ins, const char *key)
{
    if (ins->dst.kind == OPND_LVALUE && ir_key_overlaps(ins->dst.key, key))
        return true;
    if (ins->kind != INS_CALL)
        return false;
    const Call *c = &ins->call;
    for (int i = 0; i < c->nargs; i++) {
        const Operand *arg = &c->args[i];
        bool names_storage = arg->kind == OPND_ADDR || arg->kind == OPND_LVALUE;
        if (names_storage && ir_key_overlaps(arg->key, key) && may_write_through(c, i))
            return true;
    }
    return false;
}

static bool same_name(const Operand *a, const char *key)
{
    return a && a->key && !strcmp(a->key, key);
}

typedef struct UseSearch {
    const Function *fn;
    const char *key;
    Site *out;
    int n, max;
} UseSearch;

/* Scan block b from instruction `from`; false when the name was killed. */
static bool scan_block(UseSearch *s, int b, int from)
{
    const Block *blk = s->fn->blocks[b];
    for (int i = from; i < blk->nins; i++) {
        const Ins *ins = &blk->ins[i];
        const FileFunc *f = site_func(ins);
        for (int which = 0; f && which < 2 && s->n < s->max; which++) {
            const Operand *p = site_path(ins, f, which);
            if (same_name(p, s->key)) {
                s->out[s->n++] = (Site){b, i, ins, f, p};
                break;
            }
        }
        if (flow_kills(ins, s->key))
            return false;
    }
    return true;
}

int flow_uses(Arena *a, const Function *fn, const Site *check, const char *key, Site *out,
              int max)
{
    UseSearch s = {fn, key, out, 0, max};
    bool *entered = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks);
    int nwork = 0;
    if (scan_block(&s, check->block, check->index + 1)) {
        const Block *b = fn->blocks[check->block];
        for (int i = 0; i < b->nsucc; i++)
            if (!entered[b->succ[i]]) {
                entered[b->succ[i]] = true;
                work[nwork++] = b->succ[i];
            }
    }
    while (nwork) {
        int b = work[--nwork];
        if (!scan_block(&s, b, 0))
            continue;
        const Block *blk = fn->blocks[b];
        for (int i = 0; i < blk->nsucc; i++)
            if (!entered[blk->succ[i]]) {
                entered[blk->succ[i]] = true;
                work[nwork++] = blk->succ[i];
            }
    }
    return s.n;
}
