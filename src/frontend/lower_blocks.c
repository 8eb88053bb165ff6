/* lower_blocks.c - the "current block" discipline of the lowering: code
 * after a return, break or noreturn call goes to a fresh block that has no
 * predecessor, exactly as it is unreachable at run time. */
#include <stdio.h>

#include "lower.h"

int lower_cur(Lower *L)
{
    if (L->cur < 0)
        L->cur = ir_block_new(L->a, L->fn, "unreachable");
    return L->cur;
}

void lower_end_block(Lower *L, TermKind t, SrcLoc loc, const Operand *cond)
{
    int id = lower_cur(L);   /* may grow (move) the block array: call first */
    Block *b = L->fn->blocks[id];
    b->term = t;
    b->term_loc = loc;
    if (cond)
        b->cond = *cond;
    if (t == TERM_RETURN || t == TERM_NORETURN)
        ir_add_succ(L->a, L->fn, b->id, L->fn->exit);
    L->cur = -1;
}

void lower_jump(Lower *L, int target)
{
    if (L->cur < 0)
        return;
    Block *b = L->fn->blocks[L->cur];
    b->term = TERM_GOTO;
    ir_add_succ(L->a, L->fn, b->id, target);
    L->cur = -1;
}

void lower_start(Lower *L, int block)
{
    lower_jump(L, block);
    L->cur = block;
}

bool lower_enter(Lower *L, CXCursor c)
{
    if (L->depth >= LOWER_MAX_DEPTH) {
        if (!L->fn->incomplete) {
            SrcLoc loc = cursor_loc(L->fe, c);
            L->fn->incomplete = arena_printf(L->a,
                "%s:%u:%u: code nested deeper than %d levels was not analysed",
                loc.file, loc.line, loc.col, LOWER_MAX_DEPTH);
        }
        return false;
    }
    L->depth++;
    return true;
}

void lower_leave(Lower *L) { L->depth--; }
