/* lockfile_race.c - lock files that do not exclude.
 *
 * A lock file is a lock only if creating it fails when it exists:
 *
 *     while (access(lock, F_OK) == 0)            <- both processes see none
 *         sleep(1);
 *     fd = open(lock, O_CREAT | O_WRONLY, 0644); <- both "take" the lock
 *
 * Two rules come out of this file:
 *  - lockfile-race: (a) a lock file checked (access(), stat()) and then
 *    created by a call the check decides, without O_EXCL; (b) a lock file
 *    created without O_EXCL at all, its descriptor not locked with
 *    flock()/fcntl()/lockf() and not handed out of the function; (c) a
 *    link() lock (link(unique, lock)) that trusts link()'s return value
 *    instead of stat()ing the unique file for st_nlink == 2, the recipe of
 *    open(2) for NFS.
 *  - lockfile-nfs (off by default, a note): a lock file created with
 *    O_CREAT|O_EXCL, which NFSv2 does not make atomic.
 * What is a lock file: locks.h (lockname_of), or, for (a), any name whose
 * check polls in a loop that sleeps. */
#include <string.h>

#include "../analysis/creation.h"
#include "../analysis/lockfile.h"
#include "../analysis/locks.h"
#include "../analysis/origin.h"
#include "../analysis/sites.h"
#include "fixes.h"
#include "rules.h"

/* 'lock' for a variable, "/var/lock/x" for a literal. */
static const char *shown(Arena *a, const Operand *o)
{
    if (o->kind == OPND_LVALUE)
        return arena_printf(a, "'%s'", site_display_name(a, o));
    if (o->kind == OPND_STRING)
        return o->key;
    return "(a computed name)";
}

/* ---- (c) link() locks ----------------------------------------------- */

static bool is_stat_call(const Ins *ins, int *out)
{
    if (ins->kind != INS_CALL || !ins->call.callee)
        return false;
    const char *n = ins->call.callee;
    if (!strcmp(n, "fstat") || !strcmp(n, "fstat64")) {
        *out = 1;
        return true;
    }
    const FileFunc *f = site_libc_func(ins);
    if (f && f->group == G_STAT) {
        *out = f->out;
        return true;
    }
    return false;
}

static bool reads_nlink(const Operand *o, const char *buf)
{
    size_t n = strlen(buf);
    for (int r = 0; r < o->nreads; r++) {
        const char *k = o->reads[r];
        if (!strncmp(k, buf, n) && (!strcmp(k + n, ".st_nlink") || !strcmp(k + n, "->st_nlink")))
            return true;
    }
    return false;
}

static bool function_reads_nlink(const Function *fn, const char *buf)
{
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        if (reads_nlink(&blk->cond, buf))
            return true;
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (ins->kind == INS_ASSIGN && reads_nlink(&ins->src, buf))
                return true;
            for (int k = 0; ins->kind == INS_CALL && k < ins->call.nargs; k++)
                if (reads_nlink(&ins->call.args[k], buf))
                    return true;
        }
    }
    return false;
}

/* After the link() at (block, index), does the function stat() a file and
 * test the buffer's st_nlink? */
static bool checks_link_count(Arena *a, const Function *fn, int block, int index)
{
    bool *seen = ARENA_ARRAY(a, bool, fn->nblocks);
    int *work = ARENA_ARRAY(a, int, fn->nblocks + 1), nw = 0;
    int from = index + 1;
    work[nw++] = block;
    bool first = true;
    while (nw) {
        int b = work[--nw];
        const Block *blk = fn->blocks[b];
        for (int i = first ? from : 0; i < blk->nins; i++) {
            int out;
            if (!is_stat_call(&blk->ins[i], &out) || out < 0 || out >= blk->ins[i].call.nargs)
                continue;
            const Operand *buf = &blk->ins[i].call.args[out];
            if ((buf->kind == OPND_ADDR || buf->kind == OPND_LVALUE) &&
                function_reads_nlink(fn, buf->key))
                return true;
        }
        first = false;
        for (int k = 0; k < blk->nsucc; k++)
            if (!seen[blk->succ[k]]) {
                seen[blk->succ[k]] = true;
                work[nw++] = blk->succ[k];
            }
    }
    return false;
}

/* ---- lockfile-race -------------------------------------------------- */

static void report_checked(const RuleInput *in, Findings *out, const Ins *use,
                           const Operand *path, const LockfileVerdict *v)
{
    const char *msg = arena_printf(out->arena,
        "lock file %s is created by %s() after %s() found it absent%s, without O_EXCL: two "
        "processes can both find it absent and both take the lock; create it with "
        "open(O_CREAT|O_EXCL) and treat EEXIST as 'locked' (or lock it with fcntl()/flock())",
        shown(out->arena, path), use->call.callee, v->check->func->name,
        v->polls ? " (polling in a loop)" : "");
    Finding *f = finding_add(out, in->rule, in->fn, use->loc, msg);
    f->role = ROLE_CREATE;
    /* The program waits for the lock file to be absent and then creates it:
     * O_EXCL (fopen "wx") makes the creation fail while another holds it,
     * as the wait meant. Not for a lock created without any check: there
     * O_EXCL alone would turn a stale lock into a failure the program has
     * no code for. */
    const FileFunc *fn = site_libc_func(use);
    if (fn)
        fix_create_exclusively(out, f, use, fn);
    /* worded as toctou-check-use's note, which precedence.def merges in */
    finding_note(out, f, v->check->ins->loc,
                 arena_printf(out->arena, "'%s' checked here by %s()",
                              site_display_name(out->arena, v->check->path),
                              v->check->func->name));
}

static void report_plain(const RuleInput *in, Findings *out, const Ins *use,
                         const Operand *path)
{
    const char *msg = arena_printf(out->arena,
        "lock file %s is created by %s() without O_EXCL, so it succeeds when the file "
        "exists and two processes can both take the lock; create it with "
        "open(O_CREAT|O_EXCL) and treat EEXIST as 'locked' (or lock it with fcntl()/flock())",
        shown(out->arena, path), use->call.callee);
    finding_add(out, in->rule, in->fn, use->loc, msg)->role = ROLE_CREATE;
}

static void report_link(const RuleInput *in, Findings *out, const Ins *ins,
                        const Operand *unique, const Operand *lock)
{
    const char *msg = arena_printf(out->arena,
        "link() lock on %s trusts link()'s return value: over NFS link() can fail although "
        "the link was made (a lost reply); after link(), stat() the unique file %s and hold "
        "the lock only if its st_nlink is 2, whatever link() returned",
        shown(out->arena, lock), shown(out->arena, unique));
    finding_add(out, in->rule, in->fn, ins->loc, msg)->role = ROLE_CREATE;
}

void rule_lockfile_race(const RuleInput *in, Findings *out)
{
    const Function *fn = in->fn;
    OriginCtx *origins = origin_ctx(in->scratch, fn);
    LockfileScan *scan = lockfile_scan(in->scratch, origins, fn, in->dom, in->cdep);
    for (SiteIter it = site_iter(fn, in->dom->idom); site_next(&it);) {
        const FileFunc *f = it.func;
        const Ins *ins = it.ins;
        if (f->group == G_NAMESPACE && (f->roles & NEWNAME2) && f->path2 >= 0 &&
            f->path2 < ins->call.nargs) {   /* link(unique, lock) */
            const Operand *lock = &ins->call.args[f->path2];
            Shapes s = origin_shapes(origins, it.block, it.index, lock);
            if (lockname_of(&s, lock) != LOCKNAME_NO &&
                !checks_link_count(in->scratch, fn, it.block, it.index))
                report_link(in, out, ins, &ins->call.args[f->path], lock);
            continue;
        }
        LockfileVerdict v = lockfile_judge(scan, it.block, it.index);
        if (v.what == LOCKFILE_CHECKED)
            report_checked(in, out, ins, creation_path(ins, f), &v);
        else if (v.what == LOCKFILE_NOT_EXCL)
            report_plain(in, out, ins, creation_path(ins, f));
    }
}

/* ---- lockfile-nfs --------------------------------------------------- */

void rule_lockfile_nfs(const RuleInput *in, Findings *out)
{
    const Function *fn = in->fn;
    OriginCtx *origins = origin_ctx(in->scratch, fn);
    for (SiteIter it = site_iter(fn, in->dom->idom); site_next(&it);) {
        const Operand *path = creation_of(it.ins, it.func) == CREATE_EXCL
                                  ? creation_path(it.ins, it.func) : NULL;
        if (!path)
            continue;
        Shapes s = origin_shapes(origins, it.block, it.index, path);
        if (lockname_of(&s, path) == LOCKNAME_NO)
            continue;
        const char *msg = arena_printf(out->arena,
            "lock file %s is created with O_CREAT|O_EXCL, which is not atomic on NFSv2 "
            "(nor on NFSv3 before Linux 2.6.5): if it may live on NFS, use the "
            "link()/st_nlink recipe of open(2), or fcntl() locks",
            shown(out->arena, path));
        finding_add(out, in->rule, fn, it.ins->loc, msg)->role = ROLE_CREATE;
    }
}
