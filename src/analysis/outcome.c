/* outcome.c - is a point reached only when a call failed (outcome.h)? */
#include "outcome.h"

#include "handle_index.h"
#include "handles.h"

int outcome_status_failure_edge(const Compare *c)
{
    switch (c->op) {
    case CMP_LT: return c->value <= 0 ? 0 : -1;        /* r < 0 */
    case CMP_LE: return c->value < 0 ? 0 : -1;         /* r <= -1 */
    case CMP_EQ: return c->value == -1 ? 0 : c->value == 0 ? 1 : -1;   /* r == -1; r == 0 */
    case CMP_NE: return c->value == -1 ? 1 : c->value == 0 ? 0 : -1;   /* r != -1; if (r) */
    case CMP_GE: return c->value == 0 ? 1 : -1;        /* r >= 0 */
    case CMP_GT: return c->value == -1 ? 1 : -1;       /* r > -1 */
    default: return -1;
    }
}

/* Is b entered only by the failure edge of its one predecessor, a test of
 * the result? A test that dominates the call comes before it on every
 * path (if (fd < 0) { fd = open(...); ... }): about something else. One
 * that does not is after it on the paths from the call to b, even where
 * the call sits in one branch (rsync: secure_recv_open() or do_open(),
 * then one test of fd2). */
static bool failure_entry(const Function *fn, const DomTree *dom, const Site *call,
                          const NameSet *result, bool handle, int b)
{
    const Block *blk = fn->blocks[b];
    if (blk->npred != 1)
        return false;
    int t = blk->pred[0];
    const Block *test = fn->blocks[t];
    if (test->term != TERM_BRANCH || test->nsucc != 2 || !test->cmp.key ||
        !nameset_has(result, test->cmp.key) ||
        (t != call->block && dom_dominates(dom, t, call->block)))
        return false;
    int edge = handle ? handle_failure_edge(&test->cmp) : outcome_status_failure_edge(&test->cmp);
    return edge >= 0 && test->succ[edge] == b;
}

/* A handle (descriptor, stream, directory; a name returned, NULL on
 * failure: mkdtemp()), a libc status, or unknown. */
static bool result_meaning(const FileFunc *f, bool *handle)
{
    *handle = f->result == RES_FD || f->result == RES_FILE || f->result == RES_DIR ||
              f->result == RES_PATH;
    return *handle || (f->result == RES_STATUS && !f->inner_name);
}

/* Climbs the dominators of b: one of them entered by a failure edge makes
 * every path to b go through that edge. */
bool outcome_failed_at(Arena *a, const Function *fn, const DomTree *dom, const Site *call, int b)
{
    bool handle;
    if (!result_meaning(call->func, &handle))
        return false;
    NameSet result = handles_of(a, fn, call);
    if (!result.n)
        return false;
    for (int c = b; c >= 0 && c != call->block; c = dom->idom[c] == c ? -1 : dom->idom[c])
        if (failure_entry(fn, dom, call, &result, handle, c))
            return true;
    return false;
}
