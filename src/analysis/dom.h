/* dom.h - dominator and post-dominator trees of a function's CFG (Cooper, Harvey & Kennedy,
 * "A Simple, Fast Dominance Algorithm", 2001). */
#ifndef FSRACE_DOM_H
#define FSRACE_DOM_H
#include <stdbool.h>

#include "../ir/ir.h"

typedef struct DomTree {
    int *idom;      /* immediate dominator per block; -1: unreachable; entry: itself */
    int *rpo_index; /* position in reverse postorder; -1: unreachable */
    int *pre, *post;/* depth-first numbering of the tree: a dominates b when
                     * a's interval [pre, post] holds b's (O(1) per query) */
} DomTree;

DomTree dom_build(Arena *a, const Function *fn);
/* Post-dominators: dominators of the reversed CFG, rooted at the exit.
 * Blocks that never reach the exit (endless loops) are "unreachable". */
DomTree dom_build_post(Arena *a, const Function *fn);
bool dom_dominates(const DomTree *d, int a, int b);   /* a dominates b */

#endif
