/* sticky.c - root-owned entries of sticky directories; see sticky.h. */
#include "sticky.h"

#include <string.h>

/* "/tmp/NAME" (the literal's key, quotes included): one component
 * directly inside a world-writable sticky directory. */
static bool sticky_child(const char *key)
{
    static const char *const dirs[] = {"\"/tmp/", "\"/var/tmp/", "\"/dev/shm/", NULL};
    for (int i = 0; dirs[i]; i++) {
        size_t n = strlen(dirs[i]);
        if (strncmp(key, dirs[i], n))
            continue;
        const char *rest = key + n;
        size_t len = strcspn(rest, "/\"");
        return len > 0 && rest[len] == '"' && strncmp(rest, "..\"", 3) && strncmp(rest, ".\"", 2);
    }
    return false;
}

/* The successor of `blk`'s test `BUF.st_uid == 0` (or != 0) taken when
 * the owner is root, or -1 if blk tests something else. */
static int root_owner_edge(const Block *blk, const char *buf)
{
    size_t n = strlen(buf);
    const Compare *c = &blk->cmp;
    if (blk->term != TERM_BRANCH || blk->nsucc != 2 || !c->key || c->value != 0 ||
        strncmp(c->key, buf, n) || strcmp(c->key + n, ".st_uid"))
        return -1;
    return c->op == CMP_EQ ? blk->succ[0] : c->op == CMP_NE ? blk->succ[1] : -1;
}

bool sticky_root_entry(const Function *fn, const DomTree *dom, const Site *check,
                       const char *buf, int use_block)
{
    if (!buf || !check->path->key || !sticky_child(check->path->key))
        return false;
    for (int b = 0; b < fn->nblocks; b++) {
        int root = root_owner_edge(fn->blocks[b], buf);
        if (root >= 0 && dom->idom[root] == b && dom_dominates(dom, root, use_block))
            return true;
    }
    return false;
}
