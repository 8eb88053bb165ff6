/* checkuse.c - the check->use engine behind the toctou-* rules.
 *
 *     if (access(path, W_OK) == 0)         <- check: decides the use
 *         fd = open(path, O_WRONLY);       <- use: the same name again
 *
 * A check is a catalogued call that learns something about a name; a use
 * is a later call on the same name (names.h: copies, fields, literals,
 * buffers filled alike) that the check decides (flow.h: control dependent
 * on a branch over the check's result, stat buffer or errno). Which uses
 * pair with which checks is the table `pairs` below. Each pair that is a
 * race is classified (checkuse.h) and reported by the rule of its kind.
 *
 * Never a race: creation that fails if the name exists (O_CREAT|O_EXCL,
 * fopen "x", mkdir, symlink...); O_NOFOLLOW after an lstat() link check;
 * kernel-owned names (/proc but a process's root and cwd, /sys, /dev but
 * /dev/shm, "/"); a root-owned entry of /tmp (sticky.h); an open
 * re-validated with fstat() against the check (CERT POS35-C). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/creation.h"
#include "../analysis/decisions.h"
#include "../analysis/effects.h"
#include "../analysis/feasible.h"
#include "../analysis/flow.h"
#include "../analysis/handles.h"
#include "../analysis/names.h"
#include "../analysis/prefixes.h"
#include "../analysis/replace.h"
#include "../analysis/revalidate.h"
#include "../analysis/sticky.h"
#include "../analysis/walks.h"
#include "checkuse.h"
#include "fixes.h"

/* Which uses a check pairs with, by catalogue group; no groups listed:
 * every call with the USE role. */
static const struct {
    Group check;
    int n;
    Group uses[4];
} pairs[] = {
    {G_ACCESS, 0, {0}},
    {G_STAT, 0, {0}},
    {G_LINK, 0, {0}},
    {G_RESOLVE, 0, {0}},
    /* open() as a probe, then reopening (stat() by name while the
     * descriptor is open is name-after-open's) */
    {G_OPEN, 2, {G_OPEN, G_MODIFY}},
    /* mkdir() then chown(): the new directory can be swapped */
    {G_CREATE, 3, {G_MODIFY, G_OPEN, G_ENTER}},
    /* rename(tmp, dest) then fopen(dest) */
    {G_NAMESPACE, 4, {G_OPEN, G_MODIFY, G_ENTER, G_EXEC}},
};

static bool pairs_with(const FileFunc *check, const FileFunc *use)
{
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        if (pairs[i].check != check->group)
            continue;
        if (pairs[i].n == 0)
            return (use->roles & USE) != 0;
        for (int k = 0; k < pairs[i].n; k++)
            if (pairs[i].uses[k] == use->group)
                return (use->roles & USE) || use->group == G_STAT;
    }
    return false;
}

/* The name a check learns about: the new name for rename/link/symlink. */
static int checked_name(const FileFunc *f)
{
    return f->group == G_NAMESPACE && f->path2 >= 0 ? 1 : 0;
}

/* The argument that completes a summarised call's name with its path
 * (check_perms(root, "data") acts on root/data), or NULL. */
static const Operand *name_part(const Site *s)
{
    int k = s->func->name_part - 1;
    return k >= 0 && k < s->ins->call.nargs ? &s->ins->call.args[k] : NULL;
}

static bool no_part(const Operand *o)
{
    return !o || (o->has_ival && o->ival == 0);   /* none, or NULL */
}

/* Do check and use name two different files although they share the path
 * argument: one adds a literal part the other lacks (check_perms(root,
 * NULL), then check_perms(root, "data")), or two different literals? */
static bool different_files(const Site *check, const Site *use)
{
    const Operand *a = name_part(check), *b = name_part(use);
    if (no_part(a) && no_part(b))
        return false;
    if (no_part(a) || no_part(b))
        return (no_part(a) ? b : a)->kind == OPND_STRING;
    return a->kind == OPND_STRING && b->kind == OPND_STRING && strcmp(a->key, b->key);
}

/* ---- what the use does ------------------------------------------- */

/* Creation that fails when the name exists never follows a planted link. */
static bool creates_exclusively(const Site *use)
{
    return creation_of(use->ins, use->func) == CREATE_EXCL;
}

static bool creates(const Site *use)
{
    Creation c = creation_of(use->ins, use->func);
    return c == CREATE_YES || c == CREATE_EXCL;
}

/* A use that resolves a link at the name: opens, changes, enters or runs
 * it (unlink and rename act on the link itself). */
static bool follows_links(const Site *use)
{
    Group g = use->func->group;
    if (effect_changes_link_itself(use))
        return false;
    return (g == G_OPEN || g == G_MODIFY || g == G_ENTER || g == G_EXEC) &&
           !effect_refuses_links(use);
}

/* ---- the pairing ------------------------------------------------- */

typedef struct Pairing {
    const RuleInput *in;
    const Site *check;
    Guards *guards;             /* branches on the result, errno or buffer */
    const char *buf;            /* the check's stat buffer, or NULL */
    bool links;                 /* the check looked without following links */
    bool at;                    /* the name is relative to a directory descriptor */
    bool follow_only;           /* only uses that follow a link pair with it */
    bool does_work;             /* an open whose handle the program works
                                 * through: no probe */
    bool under;                 /* the uses name files under the checked directory */
    Feasibility *feasible;      /* the check's path searches, shared by its uses */
} Pairing;

/* Does the name, from "/proc/" on, go through a process's root or
 * working directory (/proc/<pid>/root/..., /proc/self/cwd/...,
 * /proc/<pid>/task/<tid>/root/...)? That is the process's file system,
 * which it can change, not a kernel object. `s` may be a format string
 * ("/proc/%d/root%s"), and end with the literal's closing quote. */
static bool proc_foreign_fs(const char *s)
{
    if (strncmp(s, "/proc/", 6))
        return false;
    const char *c = s + 6 + strcspn(s + 6, "/");   /* past <pid> */
    if (!strncmp(c, "/task/", 6))
        c += 6 + strcspn(c + 6, "/");               /* past <tid> */
    if (*c != '/')
        return false;
    c++;
    size_t n = !strncmp(c, "root", 4) ? 4 : !strncmp(c, "cwd", 3) ? 3 : 0;
    return n && strchr("/%\"", c[n]);
}

/* Names no other process can replace: the root directory, the process's
 * own working directory "." (chdir(dir), then lstat("."), access("."),
 * open(".", O_PATH): "." is the directory entered, whatever happens to
 * the name dir since; libfuse's fusermount), and the kernel's file
 * systems (/dev is root's, but /dev/shm and /dev/mqueue are shared;
 * /proc/<pid>/root and cwd lead into a process's own file system). */
static bool kernel_owned(const char *s)
{
    if (!strcmp(s, "/") || !strcmp(s, "."))
        return true;
    if (!strncmp(s, "/dev/shm", 8) || !strncmp(s, "/dev/mqueue/", 12) || proc_foreign_fs(s))
        return false;
    return !strncmp(s, "/proc/", 6) || !strncmp(s, "/sys/", 5) || !strncmp(s, "/dev/", 5) ||
           !strcmp(s, "/proc") || !strcmp(s, "/sys");
}

bool checkuse_kernel_name(const RuleInput *in, int block, int index, const char *key)
{
    if (key[0] == '"') {
        char *s = arena_strndup(in->scratch, key + 1, strlen(key) - 2);
        return kernel_owned(s);
    }
    /* a buffer made by snprintf(buf, n, "/proc/%d/...", ...) */
    const char *sig = names_fill_before(in->scratch, in->fn, block, index, key);
    const char *fmt = sig ? strchr(sig, '|') : NULL;
    return fmt && (strstr(sig, "|\"/proc/") || strstr(sig, "|\"/sys/")) &&
           !strncmp(fmt, "|\"/", 3) && !proc_foreign_fs(fmt + 2);
}

/* Removing a name that exists and then creating it exclusively (unlink(
 * dest); open(dest, O_CREAT|O_EXCL) or link()/symlink()): whatever is
 * planted after the unlink makes the creation fail, and unlink() itself
 * never follows a link (busybox cp --remove-destination). */
/* Which successor of a two-way test of a status result (0 on success, -1
 * on failure) is taken on success: 0 or 1, or -1 for another test. */
static int success_edge(const Compare *cmp)
{
    if (cmp->value == 0 && (cmp->op == CMP_EQ || cmp->op == CMP_GE))
        return 0;   /* r == 0, r >= 0 */
    if (cmp->value == 0 && (cmp->op == CMP_NE || cmp->op == CMP_LT))
        return 1;   /* r != 0, r < 0 */
    if (cmp->value == -1)
        return cmp->op == CMP_EQ ? 1 : cmp->op == CMP_NE ? 0 : -1;
    return -1;
}

/* Is block b reached only through the edge of a test of the check's
 * status result that is taken when the check succeeded (found the name),
 * or, with found false, when it failed? */
static bool only_when(const Pairing *p, int b, bool found)
{
    const char *result = p->check->ins->dst.key;
    const Function *fn = p->in->fn;
    if (!result || p->check->func->result != RES_STATUS)
        return false;
    for (;;) {
        const Block *blk = fn->blocks[b];
        if (blk->npred == 1) {
            const Block *test = fn->blocks[blk->pred[0]];
            const Compare *cmp = &test->cmp;
            if (test->term == TERM_BRANCH && cmp->key && !strcmp(cmp->key, result) &&
                test->nsucc == 2 && success_edge(cmp) >= 0)
                return test->succ[found ? success_edge(cmp) : 1 - success_edge(cmp)] == b;
        }
        if (p->in->dom->idom[b] < 0 || p->in->dom->idom[b] == b)
            return false;
        b = p->in->dom->idom[b];
    }
}

static bool only_when_found(const Pairing *p, int b)
{
    return only_when(p, b, true);
}

static bool removed_then_created_exclusively(const Pairing *p, const Site *use)
{
    const char *n = use->func->name;
    if (use->func->inner_name || (strcmp(n, "unlink") && strcmp(n, "remove") &&
                                  strcmp(n, "unlinkat")))
        return false;
    /* Only "remove it if it is there": the check found the name and learnt
     * nothing else. Removing what a check said was absent, or older, breaks
     * what the check promised (rename -n, cpio keep-newer). */
    const char *buf = p->buf;
    if (!only_when_found(p, use->block) ||
        (buf && flow_read_after(p->in->scratch, p->in->fn, p->check, buf)))
        return false;
    int count;
    Site *later = flow_uses(p->in->scratch, p->in->fn, use, use->path->key, NULL, NULL,
                                &count);
    for (int i = 0; i < count; i++) {
        int which = later[i].path == site_path(later[i].ins, later[i].func, 0) ? 0 : 1;
        if (creation_of(later[i].ins, later[i].func) == CREATE_EXCL ||
            (later[i].func->roles & (which == 0 ? NEWNAME : NEWNAME2)))
            return true;
    }
    return false;
}

/* rename(tmp, name), tmp being the function's own temporary (made or
 * written here), or a helper doing it: an atomic replacement of name that
 * never follows a link planted there (libmount, ssh-keygen, cups, busybox
 * tar); so is link(name, backup) just before it. Not where the check found
 * the name absent: what appeared since is clobbered (a no-clobber rename
 * needs renameat2(RENAME_NOREPLACE)). */
static bool atomic_replacement(const Pairing *p, const Site *use)
{
    const RuleInput *in = p->in;
    if (replace_onto_itself(use, p->check->path->key))
        return true;
    if (!replace_is_atomic(in->scratch, in->fn, in->dom, use) &&
        !replace_backup_link(in->scratch, in->fn, in->dom, use))
        return false;
    return !only_when(p, use->block, false);
}

/* unlink(tmp) or rmdir(tmp) on an error path, where tmp is the file this
 * function made (mkstemp, an O_CREAT open) on every path before; umount()
 * of the name it mounted on every path before (libfuse: mount(), the mtab
 * entry fails, umount2()): the program undoes its own work. Removing never
 * follows a link at the name, and a mountpoint cannot be renamed or
 * removed while mounted on (EBUSY). Whatever that creation or mount
 * followed is its own finding (cronie's crontab -e, util-linux rename's
 * failed copy). */
static bool undoes_own_work(const Pairing *p, const Site *use)
{
    const char *n = use->func->inner_name ? use->func->inner_name : use->func->name;
    bool removes = !strcmp(n, "unlink") || !strcmp(n, "remove") || !strcmp(n, "rmdir") ||
                   !strcmp(n, "unlinkat");
    bool unmounts = !strcmp(n, "umount") || !strcmp(n, "umount2");
    if (!use->path->key)
        return false;
    return (removes && replace_made(p->in->fn, p->in->dom, use->path->key, use, false)) ||
           (unmounts && replace_mounted(p->in->fn, p->in->dom, use->path->key, use));
}

/* The check learns only whether the name exists, for this use:
 * access(F_OK), or a stat() whose buffer decides nothing before it. */
static bool existence_only(const Pairing *p, const Site *use)
{
    const Site *check = p->check;
    return effect_access_exists_only(check) || check->func->existence_only ||
           effect_stat_unread(p->in->scratch, p->in->fn, check, p->buf, use) ||
           effect_resolved_unread(p->in->scratch, p->in->fn, check);
}

/* Is block b reached only when the open `p` checks failed? */
static bool open_failed_at(const Pairing *p, int b)
{
    NameSet h = handles_of(p->in->scratch, p->in->fn, p->check);
    return h.n && handles_failed_at(p->in->fn, p->in->dom, &h, b);
}

/* Does the check decide whether the use runs? A use is control dependent
 * on a branch over the check's outcome; after a guard (die_if_link(p),
 * which exits unless its check passed), every use it dominates is decided:
 * the caller runs past it only if the check passed. */
static bool decided(const Pairing *p, const Site *use)
{
    const Site *check = p->check;
    if (check->func->guard)
        return check->block == use->block ? check->index < use->index
                                          : dom_dominates(p->in->dom, check->block, use->block);
    return flow_is_guarded(p->in->scratch, p->in->fn, p->in->dom, p->in->cdep, p->guards,
                           use->block);
}

/* A use of a name under the checked directory resolves the directory
 * again, following a link put there: nothing the use's flags say
 * protects it (O_NOFOLLOW, O_EXCL: the last component only). */
static PairKind judge_under(const Pairing *p, const Site *use)
{
    if (!pairs_with(p->check->func, use->func) || !decided(p, use))
        return PAIR_NONE;
    return PAIR_SYMLINK;
}

/* Is the use the same call as the check, with the same arguments (a
 * constant, a literal or the same variable each)? */
static bool same_call(const Ins *a, const Ins *b)
{
    const Call *x = &a->call, *y = &b->call;
    if (!x->callee || !y->callee || strcmp(x->callee, y->callee) || x->nargs != y->nargs)
        return false;
    for (int i = 0; i < x->nargs; i++) {
        const Operand *o = &x->args[i], *q = &y->args[i];
        bool same = o->has_ival ? q->has_ival && o->ival == q->ival
                    : (o->kind == OPND_LVALUE || o->kind == OPND_STRING) &&
                          o->kind == q->kind && !strcmp(o->key, q->key);
        if (!same)
            return false;
    }
    return true;
}

/* Did the use run before the check, in the same pass of a loop (it
 * dominates the check)? The check then looks at what the use did, and
 * the next run is a retry of a call already made with no check before it
 * (mutt_dotlock: link(unique, lock); stat(unique) for st_nlink == 2,
 * the NFS recipe of open(2); again while it is not). Swapping the file
 * before that check is no different from swapping it before the first
 * run: the pair is no race of the check. */
static bool retried_after_check(const Pairing *p, const Site *use)
{
    const Site *check = p->check;
    return use->block == check->block ? use->index < check->index
                                      : dom_dominates(p->in->dom, use->block, check->block);
}

/* "." is the working directory: the lookup starts at the process's own
 * directory inode, which no other process can re-point (busybox
 * switch_root: chdir(newroot), stat("."), mount(".", "/", MS_MOVE),
 * chroot("."); libfuse fusermount: chdir(mnt), lstat("."), open(".")). */
static bool names_working_dir(const Operand *path)
{
    return path && path->kind == OPND_STRING &&
           (!strcmp(path->key, "\".\"") || !strcmp(path->key, "\"./\""));
}

/* Is path "." at instruction i of blk, literally or through assignments
 * earlier in the block (mnt = *mntp = ".")? */
static bool holds_working_dir(const Block *blk, int i, const Operand *path)
{
    for (int hops = 0; path && path->kind == OPND_LVALUE && hops < 4; hops++) {
        const Operand *from = NULL;
        for (int k = i - 1; k >= 0 && !from; k--)
            if (blk->ins[k].kind == INS_ASSIGN && blk->ins[k].dst.kind == OPND_LVALUE &&
                !strcmp(blk->ins[k].dst.key, path->key)) {
                from = &blk->ins[k].src;
                i = k;
            }
        path = from;
    }
    return names_working_dir(path);
}

/* chdir(dir), then the check asked again of "." (libfuse and ntfs-3g
 * fusermount's check_perm(): stat(mnt), chdir(mnt), lstat("."), access("."),
 * the mount on "."): whatever the name led to, the checks that decide are
 * made on the directory entered, as fstat() after open() would. */
static bool rechecked_on_working_dir(const Pairing *p, const Site *use)
{
    const Function *fn = p->in->fn;
    if (use->func->group != G_ENTER || strcmp(use->func->name, "chdir"))
        return false;
    for (int b = 0; b < fn->nblocks; b++) {
        if (!dom_dominates(p->in->dom, use->block, b))
            continue;
        for (int i = b == use->block ? use->index + 1 : 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            const FileFunc *f = ins->kind == INS_CALL ? site_libc_func(ins) : NULL;
            if (f && f->group == p->check->func->group &&
                holds_working_dir(fn->blocks[b], i, site_path(ins, f, 0)))
                return true;
        }
    }
    return false;
}

static PairKind judge(const Pairing *p, const Site *use)
{
    const Site *check = p->check;
    if (use->ins == check->ins || !pairs_with(check->func, use->func) ||
        different_files(check, use) || names_working_dir(use->path) ||
        checkuse_cwd_moved(p->in, check, use))
        return PAIR_NONE;
    if (p->under)
        return judge_under(p, use);
    /* open(p, O_RDWR) failing, then open(p, O_RDONLY | extra): a retry that
     * asks for no more, relying on nothing the probe learnt. Creating or
     * truncating after a probe is a race. */
    if (check->func->group == G_OPEN && use->func->group == G_OPEN && !creates(use) &&
        !effect_truncates(use))
        return PAIR_NONE;
    /* The same call again, after the failure was dealt with (cups log.c:
     * cupsFileOpen(name, "a") failed, the log directory is fixed, then
     * the same call; postfix's sane_rename(old, new), which stat()s the
     * names when rename() fails, again after make_dirs()): it asks no
     * more than the first did, and the first was the work itself. */
    if (same_call(check->ins, use->ins) || retried_after_check(p, use))
        return PAIR_NONE;
    /* open(p, O_NOFOLLOW) failed (ELOOP: a link), and the fallback changes
     * p by name, following the link the open refused */
    if (check->func->group == G_OPEN && use->func->group == G_MODIFY &&
        !(effect_refuses_links(check) && follows_links(use) && open_failed_at(p, use->block)))
        return PAIR_NONE;
    /* fp = fopen(f, "w"); fprintf(fp, ...); fclose(fp); ... fopen(f, "w"):
     * the first open was the work, not a look at the file. Only where it
     * failed (the file was absent, the O_NOFOLLOW fallback) did it learn
     * something. */
    if (p->does_work && !open_failed_at(p, use->block))
        return PAIR_NONE;
    /* link(file, lock) failed: someone holds the lock; open(lock) to read
     * the holder's pid. rename(a, b) failed with EXDEV: copy a to b. A
     * failed rename() or link() changed nothing and learnt nothing about
     * the file at the name (shadow's commonio.c, busybox mv). */
    if (check->func->group == G_NAMESPACE && only_when(p, use->block, false))
        return PAIR_NONE;
    int which = use->path == site_path(use->ins, use->func, 0) ? 0 : 1;
    if (use->func->roles & (which == 0 ? NEWNAME : NEWNAME2))
        return PAIR_NONE;   /* mkdir, symlink: fail if the name exists */
    /* a name this call made (mkdir) is no link either: opening it with
     * O_NOFOLLOW (and fstat() of the descriptor) is the safe way back in;
     * so is it after realpath() resolved every link on the way (then
     * open(O_PATH|O_NOFOLLOW) and descriptor calls only), and after a
     * check whose buffer the program tests for a link (S_ISLNK): a use that
     * refuses links is then the safe idiom (util-linux umount2(target,
     * flags | UMOUNT_NOFOLLOW) after mnt_safe_lstat()) */
    bool no_link_then = p->links || (check->func->roles & NEWNAME) ||
                        check->func->group == G_RESOLVE ||
                        effect_tests_link_type(p->in->fn, p->buf);
    /* *at() calls protect the directory part only: after a link check of
     * (dirfd, name), a use that follows a link there is the race */
    if (p->follow_only && (!follows_links(use) || effect_read_only(use)))
        return PAIR_NONE;   /* recursing into a listed directory: too common to say */
    /* O_NOFOLLOW keeps "not a link" true, not "owned by root": a regular
     * file of someone else's can take the checked one's place */
    bool refusal_enough = no_link_then && effect_refuses_links(use) &&
                          !effect_learns_owner(p->in->scratch, p->in->fn, check);
    if (creates_exclusively(use) || refusal_enough ||
        effect_new_dir_changed_itself(check, use) ||
        removed_then_created_exclusively(p, use) || atomic_replacement(p, use) ||
        undoes_own_work(p, use) || rechecked_on_working_dir(p, use))
        return PAIR_NONE;
    if (!decided(p, use) ||
        (p->links && sticky_root_entry(p->in->fn, p->in->dom, check, p->buf, use->block)) ||
        feasible_pair_infeasible(p->feasible, use) ||
        feasible_copy_infeasible(p->in->scratch, p->in->fn, p->in->cdep, p->check->path->key,
                                 use))
        return PAIR_NONE;
    if (use->func->result == RES_FD || use->func->result == RES_FILE)
        if (revalidated(p->in->scratch, p->in->fn, use, p->buf))
            return PAIR_NONE;   /* CERT POS35-C */
    if (existence_only(p, use) && effect_read_only(use))
        return PAIR_EXISTS_READ;
    return p->links ? PAIR_SYMLINK : PAIR_RACE;
}

/* ---- reporting ---------------------------------------------------- */

/* access() with R_OK/W_OK/X_OK (or a wrapper's check): a question about a
 * user's permission, not about the file's existence. */
static bool permission_check(const Site *check)
{
    return check->func->group == G_ACCESS && !effect_access_exists_only(check);
}

/* What to do instead, for what the use means to do with the file: the
 * remedy for a creation (O_EXCL) is wrong for an append or an overwrite. */
static const char *advice(const Pairing *p, const Site *use)
{
    const Site *check = p->check;
    Arena *a = p->in->scratch;
    const char *checker = check->func->name;
    if (p->at)
        return "a directory descriptor protects only the directory part: pass "
               "AT_SYMLINK_NOFOLLOW (O_NOFOLLOW for openat()) and use the descriptor";
    if (p->links && effect_refuses_links(use))
        return "O_NOFOLLOW refuses a link, not another regular file put in the checked "
               "one's place: fstat() the descriptor and check its owner there";
    if (p->links && use->func->group == G_OPEN)
        return "open it with O_NOFOLLOW, then fstat() the descriptor and compare st_ino and "
               "st_dev with the lstat() result (CERT POS35-C)";
    if (p->links && use->func->group == G_MODIFY)
        return "open it once with O_NOFOLLOW and operate on the descriptor (fchmod(), "
               "fchown(), futimens())";
    if (use->func->group == G_OPEN && permission_check(check) &&
        effect_access_effective_ids(check))   /* eaccess(): no real user to ask about */
        return "open it without asking first and handle EACCES";
    if (use->func->group == G_OPEN && permission_check(check))
        return "open it without asking first and handle EACCES; a set-user-ID program "
               "checking for the real user should drop privileges (seteuid(getuid())) and "
               "open it, so that the kernel checks";
    if (creation_appends(use->ins, use->func))
        return arena_printf(a, "open it once with O_APPEND|O_NOFOLLOW (for a stream, "
                               "fdopen() that descriptor), then fstat() the descriptor and "
                               "check what %s() checked", checker);
    bool exists_check = existence_only(p, use);
    if (creates(use) && exists_check && !only_when(p, use->block, true))
        return "create it with open(O_CREAT|O_EXCL) (fopen mode \"wx\") and handle EEXIST";
    if (use->func->group == G_OPEN && (creates(use) || effect_truncates(use)))
        return arena_printf(a, "open it first with O_NOFOLLOW and without O_CREAT|O_TRUNC, "
                               "fstat() the descriptor and check what %s() checked, then "
                               "ftruncate() it", checker);
    if (use->func->group == G_OPEN && !effect_read_only(use))
        return arena_printf(a, "open it once with O_NOFOLLOW, fstat() the descriptor and "
                               "check what %s() checked, then use the descriptor", checker);
    if (use->func->group == G_STAT)
        return "use fstat() on the descriptor the open returned";
    if (use->func->fix)
        return use->func->fix;
    return "operate on a descriptor you opened once";
}

/* For a call of a program function summarised as a check or use: a note
 * where, inside it, the libc call acts on the name. */
static void chain_notes(Findings *out, Finding *f, const Site *s, const char *verb)
{
    const FileFunc *fn = s->func;
    if (!fn->inner_file)
        return;
    /* the summary (and its strings) may not outlive the translation unit */
    SrcLoc at = {arena_strdup(out->arena, fn->inner_file), fn->inner_line, fn->inner_col};
    const char *what = fn->global ? arena_printf(out->arena, "'%s'", fn->global->key)
                                  : "its argument";
    finding_note_as(out, f, at, ROLE_INSIDE,
                    arena_printf(out->arena, "%s() %s %s with %s() here", fn->name, verb, what,
                                 fn->inner_name));
}

/* The edit that does what the advice says, where it is mechanical: after
 * a link check, O_NOFOLLOW on the open; where the use runs only when an
 * existence check found nothing (the program means to create the file),
 * exclusive creation (O_EXCL, fopen "wx"). */
static void attach_machine_fix(const Pairing *p, Findings *out, Finding *f, const Site *use,
                               PairKind kind)
{
    if (use->func->inner_name)
        return;   /* a wrapper's arguments are its own business */
    if (kind == PAIR_SYMLINK)
        fix_add_open_flag(out, f, use->ins, use->func, "O_NOFOLLOW", O_NOFOLLOW);
    else if (kind == PAIR_RACE && creation_of(use->ins, use->func) == CREATE_YES &&
             existence_only(p, use) && only_when(p, use->block, false))
        fix_create_exclusively(out, f, use->ins, use->func);
}

/* The finding of a use first reported by check p. */
static Finding *new_finding(const Pairing *p, Findings *out, const Site *use)
{
    const Site *check = p->check;
    const char *name = site_display_name(out->arena, check->path);
    const char *use_name = site_display_name(out->arena, use->path);
    const char *msg = p->under
        ? arena_printf(out->arena,
              "%s() of '%s', under '%s', after %s() checked that directory: another process "
              "can replace the directory with a link in between, and O_NOFOLLOW or O_EXCL "
              "protect only the last component; open the directory once with "
              "O_DIRECTORY|O_NOFOLLOW and use openat() relative to its descriptor",
              use->func->name, use_name, name, check->func->name)
        : arena_printf(out->arena,
              "%s() of '%s' after %s() checked it: another process can replace the file in "
              "between; %s",
              use->func->name, use_name, check->func->name, advice(p, use));
    return finding_add(out, p->in->rule, p->in->fn, use->ins->loc, msg);
}

static void check_note(Findings *out, Finding *f, const Site *check)
{
    const char *name = site_display_name(out->arena, check->path);
    finding_note(out, f, check->ins->loc,
                 arena_printf(out->arena, "'%s' checked here by %s()", name, check->func->name));
    chain_notes(out, f, check, "checks");
}

/* ---- the search --------------------------------------------------- */

/* How a check is seen: its outcome (the seeds of the guards), its
 * buffer, its name's uses (found once the guards say which blocks the
 * check decides: a use nothing decides is never a pair). */
typedef struct CheckView {
    const Site *check;
    const Site *uses;
    int nuses;
    const char *const *seeds;   /* besides the result and errno */
    int nseeds;
    const char *buf;
    bool links, at;
    bool follow_only;           /* *at() pairs and walks: a link there is the race */
    bool by_entry;              /* a walk: its entry's fields are the outcome, not
                                 * the entry pointer (the loop's NULL test) */
    bool under;                 /* uses of names under the checked directory */
} CheckView;

/* An open is a check only when it opens to look: its handle only tested
 * and closed. One whose handle is written, read or handed on is the
 * program's work (write the file, or read it and write it back): what
 * runs where it succeeded is not decided by a look at the file. */
static bool opens_for_work(const RuleInput *in, const Site *check)
{
    if (check->func->group != G_OPEN)
        return false;
    NameSet h = handles_of(in->scratch, in->fn, check);
    return handles_worked_through(in->fn, &h);
}

static Pairing pairing_of(const RuleInput *in, const CheckView *v)
{
    const Site *check = v->check;
    const char *seeds[2 + WALK_MAX_SEEDS];
    int nseeds = 0;
    if (check->ins->dst.kind != OPND_NONE && !v->by_entry)
        seeds[nseeds++] = check->ins->dst.key;
    if (!v->by_entry)
        seeds[nseeds++] = "errno";
    for (int i = 0; i < v->nseeds && i < WALK_MAX_SEEDS; i++)
        seeds[nseeds++] = v->seeds[i];
    /* A descriptor's later uses (write(fd) failing...) decide nothing about
     * the name: for open probes, only direct tests of the result count. */
    bool through_calls = check->func->group != G_OPEN;
    Guards *guards = flow_guards(in->scratch, in->fn, check, seeds, nseeds, through_calls);
    if (through_calls)   /* not for open probes: see above */
        decisions_add_flags(in->scratch, in->fn, in->dom, in->cdep, check, guards);
    return (Pairing){in, check, guards, v->buf, v->links, v->at, v->follow_only,
                     opens_for_work(in, check), v->under,
                     feasible_begin(in->scratch, in->fn, in->cdep, check)};
}

/* Which blocks a use must be in for the check to decide it (decided()):
 * after a guard function, those the check dominates. */
static const BlockSet *decided_blocks(const Pairing *p)
{
    const RuleInput *in = p->in;
    if (!p->check->func->guard)
        return flow_decided(in->scratch, in->fn, in->dom, in->cdep, p->guards);
    BlockSet *d = ARENA_NEW(in->scratch, BlockSet);
    *d = flow_dominated(in->scratch, in->fn, in->dom, p->check->block);
    return d;
}

/* ---- one run for the three rules ----------------------------------
 *
 * The engine judges every pair once per function, whatever its kind, and
 * keeps the pairs that are races (in the order found) until the rules of
 * the function are done; each rule then reports the pairs of its kind. */

typedef struct Pair {
    Site check, use;
    PairKind kind;
    const char *buf;
    bool links, at, under;
} Pair;

typedef struct Pairs {
    Arena *a;                   /* the function's shared arena */
    Pair *items;
    int n, cap;
} Pairs;

/* Keep the uses that make a race with p's check (with `only`: only that
 * kind). */
static void judge_uses(const Pairing *p, Pairs *out, const Site *uses, int n, PairKind only)
{
    for (int i = 0; i < n; i++) {
        PairKind kind = judge(p, &uses[i]);
        if (kind == PAIR_NONE || (only != PAIR_NONE && kind != only))
            continue;
        Pair pair = {*p->check, uses[i], kind, p->buf, p->links, p->at, p->under};
        ARENA_PUSH(out->a, out->items, out->n, out->cap, pair);
    }
}

static void check_one(const RuleInput *in, Pairs *out, const CheckView *v)
{
    const Site *check = v->check;
    if (!v->nuses || checkuse_kernel_name(in, check->block, check->index, check->path->key))
        return;
    Pairing p = pairing_of(in, v);
    judge_uses(&p, out, v->uses, v->nuses, PAIR_NONE);
    feasible_end(p.feasible);
}

static bool same_as_check(const Function *fn, const Operand *dirfd, const void *check_dirfd)
{
    return site_same_dirfd(fn, check_dirfd, dirfd);
}

static bool has_use(const Site *uses, int n, const Ins *ins)
{
    for (int i = 0; i < n; i++)
        if (uses[i].ins == ins)
            return true;
    return false;
}

/* open(resolved, O_PATH): the resolved name pinned to a descriptor that
 * neither reads nor writes, for fstat() and calls on it: the fix, not the
 * race (firejail's disable_file, bubblewrap's bind_mount). */
static bool pins_only(const Site *use)
{
    long long flags;
    return use->func->group == G_OPEN && site_flags(use->ins, use->func, &flags) &&
           (flags & O_PATH);
}

/* realpath(p, buf), r = realpath(p, NULL): the resolved name, in the
 * buffer or the result, names the file realpath() looked at; its later
 * uses (in the blocks the check decides) are uses of what was checked. */
static Site *add_resolved_uses(Arena *a, const Function *fn, const Site *check,
                               const BlockSet *within, Site *uses, int *n)
{
    if (check->func->group != G_RESOLVE || check->func->inner_name)
        return uses;
    const char *resolved[2] = {site_out_buffer(check), check->ins->dst.key};
    for (int k = 0; k < 2; k++) {
        int m;
        Site *more = resolved[k] ? flow_uses_within(a, fn, check, resolved[k], NULL, NULL,
                                                    within, &m)
                                 : NULL;
        if (!more || !m)
            continue;
        Site *all = ARENA_ARRAY(a, Site, *n + m);
        if (*n)
            memcpy(all, uses, sizeof(Site) * (size_t)*n);
        for (int i = 0; i < m; i++)
            if (!has_use(all, *n, more[i].ins) && !pins_only(&more[i]))
                all[(*n)++] = more[i];
        uses = all;
    }
    return uses;
}

/* A catalogued check (or a summary's): its name by itself, or, for a link
 * check relative to a directory descriptor, the (descriptor, name) pair. */
/* Each check's searches get their own arena, released when the check is
 * done: what they leave (use lists, guard maps, name sets per block) is
 * the size of the function, and kept for every check it made memory grow
 * with checks x blocks (4 GB for 500 if-pairs in one function). Findings
 * live in out's arena. */
static void check_call(const RuleInput *in, Pairs *out, const Site *check, const Operand *dirfd)
{
    Arena per_check = {0};
    RuleInput mine = *in;
    mine.scratch = &per_check;
    const char *key = check->path->key, *buf = site_out_buffer(check);
    CheckView v = {check, NULL, 0, &buf, buf ? 1 : 0, buf, effect_checks_links(check),
                   dirfd != NULL, dirfd != NULL, false, false};
    Pairing p = pairing_of(&mine, &v);
    const BlockSet *within = decided_blocks(&p);
    if (within->n && !checkuse_kernel_name(&mine, check->block, check->index, key)) {
        int n;
        Site *uses = flow_uses_within(&per_check, in->fn, check, key,
                                      dirfd ? same_as_check : NULL, dirfd, within, &n);
        uses = add_resolved_uses(&per_check, in->fn, check, within, uses, &n);
        judge_uses(&p, out, uses, n, PAIR_NONE);
        if (p.links && !dirfd) {   /* lstat(dir), then dir/file: toctou-symlink-check's */
            p.under = true;
            uses = prefix_uses(&per_check, in->fn, in->dom->idom, check, key, &n);
            judge_uses(&p, out, uses, n, PAIR_SYMLINK);
        }
    }
    feasible_end(p.feasible);
    arena_free(&per_check);
}

/* The walks live in the shared arena: the pairs point into them. */
static void check_walks(const RuleInput *in, Pairs *out)
{
    RuleInput mine = *in;
    mine.scratch = out->a;
    int nwalks;
    WalkCheck *walks = walks_of(out->a, in->fn, in->dom->idom, &nwalks);
    for (int k = 0; k < nwalks; k++) {
        int n;
        Site *uses = walks_uses(out->a, in->fn, &walks[k], &n);
        CheckView v = {&walks[k].site, uses, n, walks[k].seeds, walks[k].nseeds, walks[k].buf,
                       walks[k].links, false, true, true, false};
        check_one(&mine, out, &v);
    }
}

static void check_site(const RuleInput *in, Pairs *out, const SiteIter *it, const FileFunc *f)
{
    const Operand *dirfd = NULL;
    const Operand *path = site_path(it->ins, f, checked_name(f));
    if (!path && f->group != G_NAMESPACE)
        path = site_path_at(it->ins, f, 0, &dirfd);
    Site check = {it->block, it->index, it->ins, f, path};
    if (path && (!dirfd || effect_checks_links(&check)))
        check_call(in, out, &check, dirfd);
}

enum { MAX_CHECK_VIEWS = 8 };

static Pairs *find_pairs(const RuleInput *in)
{
    Pairs *out = ARENA_NEW(&in->shared->arena, Pairs);
    out->a = &in->shared->arena;
    for (SiteIter it = site_iter_all(in->fn, in->dom->idom); site_next(&it);) {
        const FileFunc *f = site_check_func(it.ins);   /* libc or a summary */
        if (!f)
            continue;
        check_site(in, out, &it, f);
        if (it.func)
            continue;
        /* a summary's checks of globals, besides its first check */
        const FileFunc *views[MAX_CHECK_VIEWS];
        int n = site_views(it.ins, views, MAX_CHECK_VIEWS);
        for (int v = 0; v < n; v++)
            if (views[v] != f && views[v]->global && (views[v]->roles & CHECK))
                check_site(in, out, &it, views[v]);
    }
    check_walks(in, out);
    return out;
}

/* ---- one finding per use --------------------------------------------
 *
 * A use decided by many checks of one name (an else-if chain of access()
 * calls, a tangle of gotos) gets one note for the nearest of them, the
 * check it rests on, and one note that counts the others and says where
 * the first one is: not a note per check (500 else-ifs gave 107k notes). */

static int line_col_cmp(SrcLoc a, SrcLoc b)
{
    return a.line != b.line ? (a.line < b.line ? -1 : 1) : (a.col > b.col) - (a.col < b.col);
}

static bool before(SrcLoc check, SrcLoc use)
{
    return !strcmp(check.file, use.file) && line_col_cmp(check, use) < 0;
}

/* Is check a nearer to the use than check b? The last one before it in
 * the file; without one before it (a loop's back edge), the last one. */
static bool nearer(SrcLoc a, SrcLoc b, SrcLoc use)
{
    if (before(a, use) != before(b, use))
        return before(a, use);
    return line_col_cmp(a, b) > 0;
}

/* The checks of one name that decide a use. */
typedef struct NameChecks {
    const char *name;
    const Pair *kept;           /* the nearest */
    const Ins *last;            /* the last check counted (a check's pairs come together) */
    const Site *first_other;    /* the earliest of the others */
    int others;
} NameChecks;

static void count_check(NameChecks *g, const Pair *x)
{
    if (x->check.ins == g->last)
        return;   /* the same check again (another view of the use) */
    g->last = x->check.ins;
    const Pair *other = x;
    if (nearer(x->check.ins->loc, g->kept->check.ins->loc, x->use.ins->loc)) {
        other = g->kept;
        g->kept = x;
    }
    g->others++;
    if (!g->first_other || line_col_cmp(other->check.ins->loc, g->first_other->ins->loc) < 0)
        g->first_other = &other->check;
}

/* The note that stands for the checks not shown. */
static void others_note(Findings *out, Finding *f, const NameChecks *g, SrcLoc use)
{
    SrcLoc at = g->first_other->ins->loc;
    const char *where = !strcmp(at.file, use.file)
        ? arena_printf(out->arena, "line %d", at.line)
        : arena_printf(out->arena, "%s:%d", at.file, at.line);
    const char *text = g->others == 1
        ? arena_printf(out->arena, "and 1 other check of '%s' decides this use (at %s)", g->name,
                       where)
        : arena_printf(out->arena, "and %d other checks of '%s' decide this use (first at %s)",
                       g->others, g->name, where);
    finding_note(out, f, at, text);
}

/* Report one use from its pairs (in the order found). */
static void report_use(const RuleInput *in, Findings *out, const Pair *const *of_use, int n,
                       const char *const *names)
{
    NameChecks *groups = ARENA_ARRAY(in->scratch, NameChecks, n);
    int ngroups = 0;
    for (int i = 0; i < n; i++) {
        int g = 0;
        while (g < ngroups && strcmp(groups[g].name, names[i]))
            g++;
        if (g == ngroups)
            groups[ngroups++] = (NameChecks){names[i], of_use[i], of_use[i]->check.ins, NULL, 0};
        else
            count_check(&groups[g], of_use[i]);
    }
    const Site *use = &of_use[0]->use;
    Finding *f = findings_at(out, in->rule, use->ins->loc);
    bool fresh = !f;
    for (int g = 0; g < ngroups; g++) {
        const Pair *k = groups[g].kept;
        Pairing p = {.in = in, .check = &k->check, .buf = k->buf, .links = k->links,
                     .at = k->at, .under = k->under};
        if (!f)
            f = new_finding(&p, out, &k->use);
        check_note(out, f, &k->check);
        if (groups[g].others)
            others_note(out, f, &groups[g], use->ins->loc);
        if (g == 0 && fresh)
            chain_notes(out, f, use, "uses");
    }
    for (int i = 0; i < n; i++) {
        const Pair *x = of_use[i];
        Pairing p = {.in = in, .check = &x->check, .buf = x->buf, .links = x->links,
                     .at = x->at, .under = x->under};
        attach_machine_fix(&p, out, f, &x->use, x->kind);
    }
}

typedef struct Ranked {
    const Pair *pair;
    int order;                  /* place in the pairs found */
    int first;                  /* order of its use's first pair */
} Ranked;

static int by_use_place(const void *pa, const void *pb)
{
    const Ranked *a = pa, *b = pb;
    SrcLoc x = a->pair->use.ins->loc, y = b->pair->use.ins->loc;
    int c = strcmp(x.file, y.file);
    if (!c)
        c = line_col_cmp(x, y);
    return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int by_first_then_order(const void *pa, const void *pb)
{
    const Ranked *a = pa, *b = pb;
    if (a->first != b->first)
        return (a->first > b->first) - (a->first < b->first);
    return (a->order > b->order) - (a->order < b->order);
}

static bool same_place_pairs(const Ranked *a, const Ranked *b)
{
    SrcLoc x = a->pair->use.ins->loc, y = b->pair->use.ins->loc;
    return !strcmp(x.file, y.file) && !line_col_cmp(x, y);
}

void checkuse_run(const RuleInput *in, Findings *out, PairKind want)
{
    if (!in->shared->checkuse)
        in->shared->checkuse = find_pairs(in);
    const Pairs *found = in->shared->checkuse;
    Ranked *r = ARENA_ARRAY(in->scratch, Ranked, found->n + 1);
    int n = 0;
    for (int i = 0; i < found->n; i++)
        if (found->items[i].kind == want)
            r[n++] = (Ranked){&found->items[i], i, 0};
    /* group the pairs by use, uses in the order their first pair was found */
    qsort(r, (size_t)n, sizeof *r, by_use_place);
    for (int i = 0; i < n; i++)
        r[i].first = i && same_place_pairs(&r[i - 1], &r[i]) ? r[i - 1].first : r[i].order;
    qsort(r, (size_t)n, sizeof *r, by_first_then_order);
    const Pair **of_use = ARENA_ARRAY(in->scratch, const Pair *, n + 1);
    const char **names = ARENA_ARRAY(in->scratch, const char *, n + 1);
    for (int i = 0, j; i < n; i = j) {
        for (j = i; j < n && r[j].first == r[i].first; j++) {
            of_use[j - i] = r[j].pair;
            names[j - i] = j > i && r[j - 1].pair->check.ins == r[j].pair->check.ins
                ? names[j - i - 1]
                : site_display_name(in->scratch, r[j].pair->check.path);
        }
        report_use(in, out, of_use, j - i, names);
    }
}
