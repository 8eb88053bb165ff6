/* flow_index.h - facts about one function's CFG, computed once and shared
 * by every forward search from a check (flow.h), so that a search costs
 * what it visits, not the size of the function:
 *
 *  - num[b]: the block's place in reverse postorder (successors come
 *    later, but along back edges); minreach[b]: the smallest num of any
 *    block reachable from b. A block whose minreach is above every num of
 *    a target set cannot lead to it: a search may stop there.
 *  - the last place (largest num) where each variable is read: a fact
 *    about a variable nobody reads from b on cannot matter from b on.
 *  - reusable per-block marks, stamped per search, instead of arrays of
 *    the function's size per search.
 *
 * The index of the function last asked for is kept per thread (keyed by
 * the function's serial number, not its address: arenas reuse addresses);
 * flow_index_release() frees it. */
#ifndef FSRACE_FLOW_INDEX_H
#define FSRACE_FLOW_INDEX_H
#include "cdep.h"
#include "dom.h"
#include "../util/strmap.h"

/* A set of blocks with an O(1) membership test, reused across searches:
 * marks are stamps, so starting a new search costs nothing. One per kind
 * of search (a search of one kind never runs inside another of its kind). */
typedef struct BlockMarks {
    unsigned *stamp;
    unsigned now;
} BlockMarks;

typedef enum MarkSlot {
    MARK_USES_IN, MARK_USES_QUEUED, MARK_USE_SEEN,
    MARK_DECIDED, MARK_CDEP_SEEN, NMARKS
} MarkSlot;

typedef struct FlowIndex {
    const Function *fn;
    unsigned long serial;
    int *num;               /* reverse postorder from the entry, then the rest */
    int *minreach;          /* smallest num reachable from the block (itself included) */
    int *first_ins;         /* id of the block's first instruction; ids are dense */
    int nins;
    int *succmin;           /* smallest minreach of the block's successors (INT_MAX: none) */
    /* the last place each variable (key root) is named, as a position
     * (num << 32 | instruction index; the condition is index nins) */
    StrMap last_read;       /* root -> index in last_pos */
    long long *last_pos;
    int nroots, cap_roots;
    StrMap callees;         /* every function called by name */
    /* blocks control dependent on b (cdep inverted) and dominator-tree
     * children, built on first use for the CtrlDeps/DomTree given */
    const CtrlDeps *cdep_of;
    int **deps_on, *ndeps_on;
    const DomTree *dom_of;
    int **kids, *nkids;
    StrMap key_ids;         /* interned keys (flow_index_key_id) */
    const char **keys;
    int nkeys, cap_keys;
    void *guard_memo[2];    /* flow_guards' answers per fact, by through_calls */
    unsigned char **read_ahead; /* by key id, once asked: per block, whether a read
                                 * of the key is reachable from it (flow_read_after) */
    int nread_ahead;
    BlockMarks marks[NMARKS];   /* MARK_USE_SEEN: per instruction */
    void *slots[NMARKS];
    Arena arena;
} FlowIndex;

/* The index of fn (built now, or the one kept from the last call). */
FlowIndex *flow_index(const Function *fn);
/* Free the kept index (end of a unit: nothing may leak). */
void flow_index_release(void);

/* May storage `key` (or any storage overlapping it) be read in a block
 * reachable from b, b included? */
bool flow_index_live(const FlowIndex *x, const char *key, int b);
/* The last position naming key's variable (-1: none; LLONG_MAX: unknown),
 * and the smallest position that can run from instruction i of block b
 * on: a key whose last position is below it is not read from there on. */
long long flow_index_last(const FlowIndex *x, const char *key);
long long flow_index_from(const FlowIndex *x, int b, int i);

/* A small number for a key, the same for equal strings (for tables of
 * facts per key), and the key it stands for. */
int flow_index_key_id(FlowIndex *x, const char *key);
const char *flow_index_key(const FlowIndex *x, int id);

/* Does the function call `callee` anywhere? */
bool flow_index_calls(const FlowIndex *x, const char *callee);

/* Inverse control dependence and dominator-tree children. */
void flow_index_deps(FlowIndex *x, const CtrlDeps *cd);
void flow_index_kids(FlowIndex *x, const DomTree *d);

/* The marks of `slot`, emptied (the slot's previous search is over). */
BlockMarks *flow_marks(FlowIndex *x, MarkSlot slot);
/* Per-block (MARK_USE_SEEN: per-instruction) storage of `size`-byte
 * elements for `slot`'s search, always the same size for a slot; an
 * element is meaningful only while its block is marked. */
void *flow_slots(FlowIndex *x, MarkSlot slot, size_t size);

static inline bool marks_has(const BlockMarks *m, int b)
{
    return m->stamp[b] == m->now;
}

/* Mark b; true if it was not marked. */
static inline bool marks_add(BlockMarks *m, int b)
{
    if (m->stamp[b] == m->now)
        return false;
    m->stamp[b] = m->now;
    return true;
}

static inline void marks_remove(BlockMarks *m, int b)
{
    m->stamp[b] = 0;
}

#endif
