/* effects.c - what a call does to the file it names; see effects.h. */
#include "effects.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "flow.h"
#include "../model/catalog.h"
#include "names.h"

long long effect_open_flags(const Site *use, bool *known)
{
    long long flags = 0;
    *known = site_flags(use->ins, use->func, &flags);
    bool libc_creat = !use->func->inner_name && (!strcmp(use->func->name, "creat") ||
                                                 !strcmp(use->func->name, "creat64"));
    if (libc_creat) {
        *known = true;
        flags = O_CREAT | O_WRONLY | O_TRUNC;
    }
    return flags;
}

bool effect_truncates(const Site *use)
{
    bool known;
    long long flags = effect_open_flags(use, &known);
    if (known && use->func->flagkind == F_OPEN)
        return flags & O_TRUNC;
    const char *mode = site_mode(use->ins, use->func);
    return mode && strchr(mode, 'w');
}

bool effect_read_only(const Site *use)
{
    Group g = use->func->group;
    if (g == G_ENTER && strcmp(use->func->name, "chroot"))
        return true;
    const char *inner = use->func->inner_name ? use->func->inner_name : use->func->name;
    if (use->func->result == RES_DIR || !strncmp(inner, "opendir", 7))
        return true;   /* also a wrapper that lists its argument */
    bool known;
    long long flags = effect_open_flags(use, &known);
    if (known && use->func->flagkind == F_OPEN)
        return (flags & O_ACCMODE) == O_RDONLY && !(flags & (O_CREAT | O_TRUNC));
    const char *mode = site_mode(use->ins, use->func);
    return mode && mode[1] == 'r' && !strchr(mode, '+');   /* mode is "\"r\"" */
}

bool effect_refuses_links(const Site *use)
{
    enum { UMOUNT_NOFOLLOW_FLAG = 8 };   /* <sys/mount.h>'s UMOUNT_NOFOLLOW */
    long long flags = site_flags_set(use->ins, use->func);
    const char *n = use->func->inner_name ? use->func->inner_name : use->func->name;
    if (use->func->flagkind == F_OPEN)
        return flags & O_NOFOLLOW;
    if (!strcmp(n, "umount2"))   /* umount2(target, flags | UMOUNT_NOFOLLOW) */
        return flags & UMOUNT_NOFOLLOW_FLAG;
    return use->func->flagkind == F_AT && (flags & AT_SYMLINK_NOFOLLOW);
}

bool effect_changes_link_itself(const Site *use)
{
    const char *n = use->func->inner_name ? use->func->inner_name : use->func->name;
    return use->func->group == G_MODIFY && n[0] == 'l';
}

bool effect_new_dir_changed_itself(const Site *made, const Site *use)
{
    const char *n = made->func->inner_name ? made->func->inner_name : made->func->name;
    return (!strcmp(n, "mkdir") || !strcmp(n, "mkdirat")) && effect_changes_link_itself(use);
}

bool effect_checks_links(const Site *check)
{
    const char *n = check->func->inner_name ? check->func->inner_name : check->func->name;
    if (check->func->group == G_LINK || strstr(n, "lstat") || strstr(n, "lxstat"))
        return true;
    return check->func->flagkind == F_AT &&
           (site_flags_set(check->ins, check->func) & AT_SYMLINK_NOFOLLOW);
}

bool effect_tests_link_type(const Function *fn, const char *buf)
{
    size_t n = buf ? strlen(buf) : 0;
    for (int b = 0; buf && b < fn->nblocks; b++) {
        const Compare *m = &fn->blocks[b]->masked;
        const char *k = m->key;
        if (fn->blocks[b]->term != TERM_BRANCH || !k || strncmp(k, buf, n) ||
            (strcmp(k + n, ".st_mode") && strcmp(k + n, "->st_mode")))
            continue;
        if ((m->op == CMP_EQ || m->op == CMP_NE) && (m->mask & S_IFMT) == S_IFMT &&
            m->value == S_IFLNK)
            return true;
    }
    return false;
}

bool effect_access_exists_only(const Site *check)
{
    if (check->func->group != G_ACCESS || check->func->inner_name)
        return false;   /* a wrapper's mode argument is its own business */
    int mode = check->func->path + 1;   /* access(p, mode), faccessat(d, p, mode) */
    if (mode >= check->ins->call.nargs)
        return false;
    const Operand *m = &check->ins->call.args[mode];
    return m->has_ival && m->ival == F_OK;
}

bool effect_access_effective_ids(const Site *check)
{
    enum { AT_EACCESS_FLAG = 0x200 };   /* <fcntl.h>'s AT_EACCESS */
    const FileFunc *f = check->func;
    const char *name = f->inner_name ? f->inner_name : f->name;
    if (f->group != G_ACCESS)
        return false;
    if (!strcmp(name, "eaccess") || !strcmp(name, "euidaccess"))
        return true;
    int flags = f->path + 2;   /* faccessat(d, p, mode, flags) */
    if (f->inner_name || strncmp(name, "faccessat", 9) || flags >= check->ins->call.nargs)
        return false;
    const Operand *fl = &check->ins->call.args[flags];
    return fl->has_ival && (fl->ival & AT_EACCESS_FLAG);
}

/* Keys holding what realpath() answered: its buffer, its result, and
 * plain copies of either. */
static NameSet resolved_keys(Arena *a, const Function *fn, const Site *check)
{
    NameSet keys = {0};
    if (site_out_buffer(check))
        nameset_add(a, &keys, site_out_buffer(check));
    if (check->ins->dst.key)
        nameset_add(a, &keys, check->ins->dst.key);
    for (bool grew = true; grew && keys.n;) {
        grew = false;
        for (int b = 0; b < fn->nblocks; b++)
            for (int i = 0; i < fn->blocks[b]->nins; i++) {
                const Ins *ins = &fn->blocks[b]->ins[i];
                if (ins->kind == INS_ASSIGN && ins->dst.key && ins->src.key &&
                    (ins->src.kind == OPND_LVALUE || ins->src.kind == OPND_TEMP) &&
                    nameset_has(&keys, ins->src.key))
                    grew |= nameset_add(a, &keys, ins->dst.key);
            }
    }
    return keys;
}

static bool reads_key(const Operand *o, const NameSet *keys)
{
    for (int k = 0; k < keys->n; k++)
        if (ir_operand_reads(o, keys->keys[k]))
            return true;
    return false;
}

/* Is argument k of the call a use of the resolved name as a name (the
 * path of a file call) or its release (free)? */
static bool passes_as_name(const Ins *ins, int k)
{
    if (ins->call.callee && !strcmp(ins->call.callee, "free"))
        return true;
    const FileFunc *f = site_func(ins);
    return f && (k == f->path || k == f->path2);
}

bool effect_resolved_unread(Arena *a, const Function *fn, const Site *check)
{
    if (check->func->group != G_RESOLVE || check->func->inner_name)
        return false;
    NameSet keys = resolved_keys(a, fn, check);
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        bool null_test = blk->term == TERM_BRANCH && blk->cmp.key &&
                         nameset_has(&keys, blk->cmp.key) && blk->cmp.value == 0 &&
                         (blk->cmp.op == CMP_EQ || blk->cmp.op == CMP_NE);
        if (!null_test && reads_key(&blk->cond, &keys))
            return false;   /* compared, returned, switched on */
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (ins->kind == INS_ASSIGN) {
                bool copy = ins->src.key && nameset_has(&keys, ins->src.key) &&
                            (ins->src.kind == OPND_LVALUE || ins->src.kind == OPND_TEMP);
                if (!copy && reads_key(&ins->src, &keys))
                    return false;
                continue;
            }
            /* printing it in a message examines nothing (lxc conf.c) */
            for (int k = 0; k < ins->call.nargs; k++)
                if (ins != check->ins && reads_key(&ins->call.args[k], &keys) &&
                    !passes_as_name(ins, k) && !ins->call.args[k].to_message)
                    return false;
        }
    }
    return true;
}

bool effect_compares_target(const Function *fn, const Site *check)
{
    static const char *const compare[] = {"strcmp", "strncmp", "memcmp", "strcasecmp", "bcmp",
                                           NULL};
    if (check->func->group != G_LINK)
        return false;
    if (check->func->up_to_date)
        return true;
    const char *buf = site_out_buffer(check);
    for (int b = 0; buf && b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind != INS_CALL || !ins->call.callee)
                continue;
            for (int c = 0; compare[c]; c++)
                for (int k = 0; !strcmp(ins->call.callee, compare[c]) && k < ins->call.nargs; k++)
                    if (ir_operand_reads(&ins->call.args[k], buf))
                        return true;
        }
    return false;
}

bool effect_passes_on(const Ins *ins)
{
    return ins->kind == INS_CALL &&
           (names_is_fill(ins) || (ins->call.callee && ins->call.kind == CALLEE_EXTERNAL &&
                                   catalog_find(ins->call.callee)));
}

/* Is buf read anywhere in fn other than to be passed on? */
static bool buffer_tested(const Function *fn, const char *buf)
{
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        if (blk->term != TERM_GOTO && ir_operand_touches(&blk->cond, buf))
            return true;
        for (int i = 0; i < blk->nins; i++)
            if (!effect_passes_on(&blk->ins[i]) && flow_ins_reads(&blk->ins[i], buf))
                return true;
    }
    return false;
}

bool effect_stat_unread(Arena *a, const Function *fn, const Site *check, const char *buf,
                        const Site *use)
{
    if (check->func->group != G_STAT || !buf)
        return false;
    if (!flow_read_after(a, fn, check, buf) || !buffer_tested(fn, buf))
        return true;
    return use && !flow_read_between(a, fn, check, use, buf);
}

bool effect_existence_only(Arena *a, const Function *fn, const Site *check, const Site *use)
{
    return effect_access_exists_only(check) || check->func->existence_only ||
           effect_stat_unread(a, fn, check, site_out_buffer(check), use) ||
           effect_resolved_unread(a, fn, check);
}

/* Is `read` the field of stat buffer `buf` (st.st_uid for "st",
 * sp->st_uid for the pointer "sp")? */
static bool is_owner_field(const char *read, const char *buf)
{
    static const char *const fields[] = {"st_uid", "st_gid", "st_nlink", NULL};
    size_t n = strlen(buf);
    if (strncmp(read, buf, n))
        return false;
    const char *rest = read + n;
    if (!strncmp(rest, "->", 2))
        rest += 2;
    else if (*rest == '.')
        rest++;
    else
        return false;
    for (int i = 0; fields[i]; i++)
        if (!strcmp(rest, fields[i]))
            return true;
    return false;
}

static bool operand_reads_owner(const Operand *o, const char *buf)
{
    for (int r = 0; r < o->nreads; r++)
        if (is_owner_field(o->reads[r], buf))
            return true;
    return false;
}

static bool ins_reads_owner(const Ins *ins, const char *buf)
{
    if (ins->kind == INS_ASSIGN)
        return operand_reads_owner(&ins->src, buf);
    for (int k = 0; k < ins->call.nargs; k++)
        if (operand_reads_owner(&ins->call.args[k], buf))
            return true;
    return false;
}

bool effect_learns_owner(Arena *a, const Function *fn, const Site *check)
{
    const char *buf = site_out_buffer(check);
    if (!buf || check->func->group != G_STAT)
        return false;
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks), n = 0;
    for (int b = check->block, from = check->index + 1;; from = 0) {
        const Block *blk = fn->blocks[b];
        for (int i = from; i < blk->nins; i++)
            if (ins_reads_owner(&blk->ins[i], buf))
                return true;
        if (blk->term != TERM_GOTO && operand_reads_owner(&blk->cond, buf))
            return true;
        for (int s = 0; s < blk->nsucc; s++)
            if (!seen[blk->succ[s]]) {
                seen[blk->succ[s]] = true;
                work[n++] = blk->succ[s];
            }
        if (!n)
            return false;
        b = work[--n];
    }
}
