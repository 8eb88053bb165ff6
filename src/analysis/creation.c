/* creation.c - what an open-family call does to a missing or existing
 * name; see creation.h. */
#include "creation.h"

#include <fcntl.h>
#include <string.h>

#include "sites.h"

Creation creation_of(const Ins *ins, const FileFunc *f)
{
    if (ins->kind != INS_CALL || f->group != G_OPEN || f->result == RES_DIR)
        return CREATE_NO;
    bool libc_creat = !f->inner_name && (!strcmp(f->name, "creat") || !strcmp(f->name, "creat64"));
    if (libc_creat)
        return CREATE_YES;
    if (f->flagkind == F_OPEN) {
        long long flags, set = site_flags_set(ins, f);
        if ((set & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
            return CREATE_EXCL;   /* whatever else the flags hold */
        if (!site_flags(ins, f, &flags))
            return CREATE_UNKNOWN;
#ifdef O_TMPFILE
        if ((flags & O_TMPFILE) == O_TMPFILE)
            return CREATE_NO;   /* an unnamed file in the directory */
#endif
        if (!(flags & O_CREAT))
            return CREATE_NO;
        return flags & O_EXCL ? CREATE_EXCL : CREATE_YES;
    }
    if (f->flagkind == F_FOPEN) {
        const char *mode = site_mode(ins, f);
        if (!mode)
            return CREATE_UNKNOWN;
        if (!strchr(mode, 'w') && !strchr(mode, 'a'))
            return CREATE_NO;
        return strchr(mode, 'x') ? CREATE_EXCL : CREATE_YES;
    }
    return CREATE_NO;
}

bool creation_appends(const Ins *ins, const FileFunc *f)
{
    if (ins->kind != INS_CALL || f->group != G_OPEN)
        return false;
    long long flags;
    if (f->flagkind == F_OPEN)
        return site_flags(ins, f, &flags) && (flags & O_APPEND);
    const char *mode = f->flagkind == F_FOPEN ? site_mode(ins, f) : NULL;
    return mode && mode[1] == 'a';   /* mode is the literal, quotes included */
}

const Operand *creation_path(const Ins *ins, const FileFunc *f)
{
    const Call *c = &ins->call;
    if (f->path < 0 || f->path >= c->nargs)
        return NULL;
    if (f->dirfd >= 0 && f->dirfd < c->nargs &&
        !(c->args[f->dirfd].has_ival && c->args[f->dirfd].ival == AT_FDCWD)) {
        const Operand *p = &c->args[f->path];
        /* an absolute literal ignores the descriptor */
        if (!(p->kind == OPND_STRING && p->key[1] == '/'))
            return NULL;
    }
    const Operand *p = &c->args[f->path];
    if (p->kind == OPND_INT || p->kind == OPND_NONE || (p->has_ival && p->ival == 0))
        return NULL;
    return p;
}
