/* fixes.c - building the machine-applicable edits; see fixes.h. */
#include "fixes.h"

#include <fcntl.h>
#include <string.h>

static bool before(SrcLoc a, SrcLoc b)
{
    return a.line < b.line || (a.line == b.line && a.col < b.col);
}

bool fix_replace(Findings *out, Finding *f, SrcLoc start, SrcLoc end, const char *text)
{
    if (f->fix_replacement || !start.file || !end.file || strcmp(start.file, end.file) ||
        !start.line || !end.line || before(end, start))
        return false;
    f->fix_replacement = arena_strdup(out->arena, text);
    f->fix_region = (SrcRegion){start, end.line, end.col};
    return true;
}

const Operand *fix_call_arg(const Ins *call, int i)
{
    if (call->kind != INS_CALL || i < 0 || i >= call->call.nargs)
        return NULL;
    const Operand *a = &call->call.args[i];
    /* A call written inside a macro maps every position to the macro's
     * name: the argument must start after the call does, and end after it
     * starts, in the same file. */
    SrcLoc at = call->loc;
    if (!a->loc.file || !a->end.file || !at.file || strcmp(a->loc.file, at.file) ||
        strcmp(a->end.file, at.file) || !before(at, a->loc) || !before(a->loc, a->end))
        return NULL;
    return a;
}

bool fix_add_open_flag(Findings *out, Finding *f, const Ins *call, const FileFunc *fn,
                       const char *flag, long long bits)
{
    if (fn->flagkind != F_OPEN || fn->has_fixed_flags)
        return false;
    const Operand *a = fix_call_arg(call, fn->flags);
    if (!a || !a->or_safe || !(a->kind == OPND_INT || a->has_ival) || (a->ival & bits))
        return false;
    return fix_replace(out, f, a->end, a->end, arena_printf(out->arena, " | %s", flag));
}

/* "\"wb\"" -> "\"wbx\"": a literal fopen() mode that truncates or creates
 * for writing, and is not exclusive yet. */
static const char *exclusive_mode(Arena *a, const char *literal)
{
    size_t n = strlen(literal);
    if (n < 3 || literal[0] != '"' || literal[n - 1] != '"' || literal[1] != 'w' ||
        memchr(literal, 'x', n) || strchr(literal, '\\'))
        return NULL;
    return arena_printf(a, "%.*sx\"", (int)(n - 1), literal);
}

bool fix_create_exclusively(Findings *out, Finding *f, const Ins *call, const FileFunc *fn)
{
    if (fn->flagkind == F_OPEN) {
        const Operand *a = fix_call_arg(call, fn->flags);
        if (!a || !(a->kind == OPND_INT || a->has_ival) || !(a->ival & O_CREAT))
            return false;
        return fix_add_open_flag(out, f, call, fn, "O_EXCL", O_EXCL);
    }
    if (fn->flagkind != F_FOPEN || fn->fixed_mode)
        return false;
    const Operand *a = fix_call_arg(call, fn->flags);
    const char *mode = a && a->kind == OPND_STRING ? exclusive_mode(out->arena, a->key) : NULL;
    return mode && fix_replace(out, f, a->loc, a->end, mode);
}
