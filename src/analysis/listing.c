/* listing.c - names from a directory listing; see listing.h. */
#include "listing.h"

#include <string.h>

#include "names.h"
#include "names_index.h"

static const char *const name_fields[] = {"d_name", "fts_path", "fts_accpath", "fts_name",
                                          "gl_pathv", NULL};
static const char *const listing_records[] = {"struct dirent", "struct dirent64",
                                              "struct _ftsent", "glob_t", NULL};

static bool listing_record(const char *record)
{
    for (int i = 0; listing_records[i]; i++)
        if (!strcmp(record, listing_records[i]))
            return true;
    return false;
}

/* A name field reached through a member access (->d_name, .d_name). */
static bool names_field(const char *key)
{
    for (int i = 0; name_fields[i]; i++)
        for (const char *p = strstr(key, name_fields[i]); p; p = strstr(p + 1, name_fields[i])) {
            char after = p[strlen(name_fields[i])];
            if (p > key && (p[-1] == '.' || p[-1] == '>') &&
                (!after || after == '[' || after == '.' || after == ')'))
                return true;
        }
    return false;
}

static bool mentions_field(const char *text)
{
    for (int i = 0; text && name_fields[i]; i++)
        if (strstr(text, name_fields[i]))
            return true;
    return false;
}

static bool operand_mentions_field(const Operand *o)
{
    if (mentions_field(o->key))
        return true;
    for (int r = 0; r < o->nreads; r++)
        if (mentions_field(o->reads[r]))
            return true;
    return false;
}

bool listing_named_in(const Function *fn)
{
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        if (operand_mentions_field(&blk->cond))
            return true;
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (operand_mentions_field(&ins->dst) || operand_mentions_field(&ins->src) ||
                mentions_field(ins->call.callee))
                return true;
            for (int k = 0; ins->kind == INS_CALL && k < ins->call.nargs; k++)
                if (operand_mentions_field(&ins->call.args[k]))
                    return true;
        }
    }
    return false;
}

bool listing_entry(const Function *fn, const char *key)
{
    if (!key || !names_field(key))
        return false;
    while (*key == '(' || *key == '*')
        key++;
    const Var *v = ir_find_var(fn, key);
    return !v || !v->record || listing_record(v->record);
}

bool listing_in_fill(const Function *fn, const char *sig)
{
    char part[512];
    while (sig && *sig) {
        size_t n = strcspn(sig, "|+");
        if (n < sizeof part) {
            memcpy(part, sig, n);
            part[n] = '\0';
            if (listing_entry(fn, part))
                return true;
        }
        sig += n + (sig[n] != '\0');
    }
    return false;
}

static bool same_root(const char *a, const char *b)
{
    int na, nb;
    const char *ra = ir_key_root(a, &na), *rb = ir_key_root(b, &nb);
    return na == nb && !strncmp(ra, rb, (size_t)na);
}

/* Is `var` assigned a pointer computed from root's buffer (name = path +
 * len; name++ keeps it one)? */
static bool derived_from(const Function *fn, const char *var, const char *root)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_ASSIGN || ins->dst.kind != OPND_LVALUE ||
                strcmp(ins->dst.key, var) || ins->src.kind != OPND_EXPR)
                continue;
            for (int r = 0; r < ins->src.nreads; r++)
                if (same_root(ins->src.reads[r], root) && strcmp(var, root))
                    return true;
        }
    return false;
}

static bool reads_entry(const Function *fn, const Call *c)
{
    for (int k = 1; k < c->nargs; k++)
        if (c->args[k].kind == OPND_LVALUE && listing_entry(fn, c->args[k].key))
            return true;
    return false;
}

bool listing_fills(const Function *fn, const char *key)
{
    int n;
    const char *root = ir_key_root(key, &n);
    char buf[256];
    if (n <= 0 || n >= (int)sizeof buf || root[0] == '"')
        return false;
    memcpy(buf, root, (size_t)n);
    buf[n] = '\0';
    int nfills;   /* the fills, from the function's index: asked per finding */
    const Ins *const *fills = names_index_fills(names_index(fn), &nfills);
    for (int k = 0; k < nfills; k++) {
        const Ins *ins = fills[k];
        if (ins->kind != INS_CALL || ins->call.nargs < 1 ||
            ins->call.args[0].kind != OPND_LVALUE || !reads_entry(fn, &ins->call))
            continue;
        const char *dst = ins->call.args[0].key;
        if (same_root(dst, buf) || derived_from(fn, dst, buf))
            return true;
    }
    return false;
}

