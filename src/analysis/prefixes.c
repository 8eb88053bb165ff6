/* prefixes.c - names under a checked directory; see prefixes.h. */
#include "prefixes.h"

#include <string.h>

#include "names.h"

/* The text of a literal key "\"/var/spool\"" without its quotes, or NULL. */
static const char *literal_text(Arena *a, const char *key)
{
    size_t n = strlen(key);
    return n >= 2 && key[0] == '"' && key[n - 1] == '"' ? arena_strndup(a, key + 1, n - 2)
                                                         : NULL;
}

/* Does `s` start with `prefix` followed by a '/' and more? */
static bool below(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return n && !strncmp(s, prefix, n) && s[n] == '/' && s[n + 1] && s[n + 1] != '"';
}

/* Is fill signature `sig` a name under `dir`: printf "%s/..." with dir
 * as the first input, strcpy(dir) then strcat("/..."), or a format
 * starting with the literal directory and a '/'? */
static bool sig_below(Arena *a, const char *sig, const char *dir)
{
    const char *lit = literal_text(a, dir);
    if (lit)
        return !strncmp(sig, "printf|\"", 8) && below(sig + 8, lit);
    if (!strncmp(sig, "printf|\"%s/", 11)) {
        const char *end = strstr(sig + 11, "\"|");
        size_t n = strlen(dir);
        return end && !strncmp(end + 2, dir, n) && (end[2 + n] == '|' || !end[2 + n]);
    }
    const char *cat = arena_printf(a, "copy|%s+cat|\"/", dir);
    return !strncmp(sig, cat, strlen(cat));
}

bool prefix_path_below(Arena *a, const Function *fn, int block, int index,
                       const Operand *path, const char *dir)
{
    if (path->kind == OPND_STRING) {
        const char *lit = literal_text(a, dir);
        return lit && below(path->key + 1, lit);
    }
    if (path->kind != OPND_LVALUE)
        return false;
    const char *sig = names_fill_before(a, fn, block, index, path->key);
    return sig && sig_below(a, sig, dir);
}

/* Does the instruction store to `dir` (dir = x, &dir passed, a fill of it)? */
static bool stores_to(const Ins *ins, const char *dir)
{
    if (ins->dst.kind == OPND_LVALUE && ir_key_overlaps(ins->dst.key, dir))
        return true;
    if (ins->kind != INS_CALL)
        return false;
    for (int k = 0; k < ins->call.nargs; k++) {
        const Operand *o = &ins->call.args[k];
        if (o->kind == OPND_ADDR && ir_key_overlaps(o->key, dir))
            return true;
        if (k == 0 && names_is_fill(ins) && o->key && ir_key_overlaps(o->key, dir))
            return true;
    }
    return false;
}

/* from[b]: the first instruction of block b that runs after the check
 * (0, or check->index + 1 in the check's own block unless a loop comes
 * back to it), or -1 if none does. */
static int *reached_from(Arena *a, const Function *fn, const Site *check)
{
    int *from = ARENA_ARRAY(a, int, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    for (int b = 0; b < fn->nblocks; b++)
        from[b] = -1;
    from[check->block] = check->index + 1;
    work[n++] = check->block;
    while (n) {
        const Block *blk = fn->blocks[work[--n]];
        for (int s = 0; s < blk->nsucc; s++) {
            int t = blk->succ[s];
            if (from[t] == 0)
                continue;
            from[t] = 0;
            work[n++] = t;
        }
    }
    return from;
}

Site *prefix_uses(Arena *a, const Function *fn, const int *idom, const Site *check,
                  const char *dir, int *n)
{
    int *from = reached_from(a, fn, check);
    Site *out = NULL;
    int cap = 0;
    *n = 0;
    for (SiteIter it = site_iter_all(fn, idom); site_next(&it);) {
        if (from[it.block] < 0 || it.index < from[it.block])
            continue;
        if (dir[0] != '"' && stores_to(it.ins, dir))
            return *n = 0, NULL;   /* dir names something else from here on */
        const FileFunc *f = site_func(it.ins);
        if (!f || !(f->roles & USE))
            continue;
        for (int which = 0; which < 2; which++) {
            const Operand *path = site_path(it.ins, f, which);
            if (path && prefix_path_below(a, fn, it.block, it.index, path, dir)) {
                Site s = {it.block, it.index, it.ins, f, path};
                ARENA_PUSH(a, out, *n, cap, s);
                break;
            }
        }
    }
    return out;
}
