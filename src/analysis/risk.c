/* risk.c - the reasons of each finding and the level they give; see risk.h.
 *
 * Four questions, each answered by facts in the code:
 *   privilege  the program the function runs in calls the setuid family
 *              or capset(), chown()s files to others, is a PAM module
 *              (raise: added by risk_program(), once the run joined the
 *              program's functions); the use runs after the rights were
 *              given up (lowers, decisively);
 *   place      the name is under /tmp, $TMPDIR, a directory the program
 *              makes writable by others, comes from a directory listing,
 *              the environment, or a privileged program's command line
 *              (raise); it is a fixed name under /etc, /usr... (lowers);
 *   use        follows a final link and writes, changes, runs, mounts or
 *              enters it (raises); reads it, or unlink()/rename() (lowers);
 *   check      tested owner, mode, type or link-ness, or the real user's
 *              rights in a set-user-ID program (raises); only size or
 *              times (lowers); only existence, or rights asked with the
 *              ids the use runs with (eaccess(), access() in a program that
 *              runs as root but is not set-ID), before a use that does not
 *              create (lowers, decisively: the check decides nothing).
 *
 * The level: a decisive lowering makes it low. Otherwise privilege and
 * place say whether anyone else can reach the name (exposure); exposed,
 * the sum of all weights ranks it (>= 3 high, >= 1 medium); not exposed,
 * it is at most medium, and only when the use and check both raise. */
#include "risk.h"

#include <string.h>
#include <unistd.h>

#include "../rules/rules.h"
#include "call_places.h"
#include "creation.h"
#include "effects.h"
#include "handles.h"
#include "listing.h"
#include "names.h"
#include "origin.h"
#include "outcome.h"
#include "prefixes.h"
#include "remade.h"
#include "rights.h"
#include "risk_facts.h"
#include "../util/strmap.h"

enum { DECISIVE = -3 };

typedef struct Assess {
    Arena *a;
    const RiskFacts *rf;
    const Function *fn;
    const DomTree *dom;
    Findings *out;
    Finding *f;
    OriginCtx *origin;
    const CallPlaces *calls;    /* the function's calls by place */
    RightsFlow *rights;         /* the function's rights, once asked */
    const Remade *remade;       /* the function's calls that create a name */
} Assess;

static void reason(Assess *s, SrcLoc loc, RiskFactor factor, int weight, const char *text)
{
    RiskReason r = {loc, text, factor, weight};
    finding_reason(s->out, s->f, &r);
}

static bool same_loc(SrcLoc a, SrcLoc b)
{
    return a.line == b.line && a.col == b.col && a.file && b.file && !strcmp(a.file, b.file);
}

/* The catalogued call at loc in fn, as a site (check: its CHECK view). */
/* The first call at loc (in program order) that names a file. */
static bool site_at(const Assess *s, SrcLoc loc, bool check, Site *out)
{
    int b, i;
    for (int cursor = -1; call_places_next(s->calls, loc, &cursor, &b, &i);) {
        const Ins *ins = &s->fn->blocks[b]->ins[i];
        const FileFunc *f = check ? site_check_func(ins) : site_func(ins);
        const Operand *p = f ? site_path(ins, f, 0) : NULL;
        if (f && !p)
            p = site_path(ins, f, 1);
        if (f && !p && f->path >= 0 && f->path < ins->call.nargs)
            p = &ins->call.args[f->path];   /* relative to a directory descriptor */
        if (!f || !p)
            continue;
        *out = (Site){b, i, ins, f, p};
        return true;
    }
    return false;
}

static const char *called(const FileFunc *f)
{
    return f->inner_name ? f->inner_name : f->name;
}

/* ---- privilege ------------------------------------------------------ */

/* The program's privilege is added by risk_program(), once the run knows
 * which program the function belongs to; here, what the function shows. */
static void assess_privilege(Assess *s, const Site *use)
{
    const Ins *drop = rights_dropped_before(s->rights, use->block, use->index);
    const FileFunc *f = use->func;
    if (drop)
        reason(s, drop->loc, RISK_PRIVILEGE, DECISIVE,
               arena_printf(s->a, "it runs after %s() gave the rights up", drop->call.callee));
    else if (f->dropped_by)   /* inside the wrapper: Panic()'s setuid(own_uid), chmod() */
        reason(s, (SrcLoc){f->drop_file, f->drop_line, f->drop_col}, RISK_PRIVILEGE, DECISIVE,
               arena_printf(s->a, "%s() uses it after %s() gave the rights up", f->name,
                            f->dropped_by));
}

/* ---- where the name lives ------------------------------------------- */

static const char *const system_dirs[] = {"/etc/", "/usr/", "/var/lib/", "/run/", "/var/run/",
                                          "/lib/", "/lib64/", "/bin/", "/sbin/", "/boot/",
                                          "/var/log/", NULL};

/* A service's own directories: root makes one per service (at's
 * /var/spool/cron/atjobs, daemon:daemon 1770; /var/spool/postfix), and
 * only root and that service's user or group write in it. Not decisive:
 * one the program makes writable by others is a shared place. */
static const char *const service_dirs[] = {"/var/spool/", "/var/cache/", NULL};

/* Except the mail spool: every user's mail agent makes its dot-lock there
 * (the directory is 1777 on many systems, group mail with set-group-ID
 * lockers on others), and a mailbox swapped for a link while root delivers
 * is the classic mail-delivery race. */
static const char *const shared_spools[] = {"/var/spool/mail/", "/var/mail/", NULL};

static const char *dir_in(const char *shape, const char *const *dirs)
{
    for (int i = 0; dirs[i]; i++)
        if (!strncmp(shape, dirs[i], strlen(dirs[i])) && !strchr(shape, '?') &&
            !strstr(shape, ".."))
            return dirs[i];
    return NULL;
}

static const char *system_dir(const char *shape)
{
    const char *d = dir_in(shape, system_dirs);
    if (d || dir_in(shape, shared_spools))
        return d;
    return dir_in(shape, service_dirs);
}

static const char *who_writes(const char *dir)
{
    return dir_in(dir, service_dirs) ? "only root and the service's own user write"
                                     : "only root can write";
}

static bool under(const char *shape, const char *dir)
{
    size_t n = strlen(dir);
    return !strncmp(shape, dir, n) && (shape[n] == '/' || dir[n - 1] == '/');
}

static bool shared_place(Assess *s, const Site *use, const Shapes *sh)
{
    for (int k = 0; k < sh->n; k++) {
        const char *t = sh->item[k].text;
        if (shape_in_shared_dir(t) || strstr(t, "{tempname}")) {
            reason(s, use->ins->loc, RISK_PLACE, 2,
                   arena_printf(s->a, "'%s' is in a directory every user can write", t));
            return true;
        }
        for (int d = 0; d < s->rf->nshared; d++)
            if (under(t, s->rf->shared[d].dir)) {
                reason(s, s->rf->shared[d].loc, RISK_PLACE, 2,
                       arena_printf(s->a, "the program makes %s writable by others (mode %llo)",
                                    s->rf->shared[d].dir, s->rf->shared[d].mode));
                return true;
            }
    }
    return false;
}

/* Does the name come from a directory listing: an entry's name here, a
 * walker's parameter (nftw()), or a parameter some caller in the unit
 * passes an entry's name to (chattr -R: change_attributes(path) from
 * chattr_dir_proc())? *at: the code that shows it. */
static bool listed_name(Assess *s, const Site *use, SrcLoc *at)
{
    const char *key = use->path->key;
    const char *fill = names_fill_before(s->a, s->fn, use->block, use->index, key);
    *at = use->ins->loc;
    if (listing_entry(s->fn, key) || listing_in_fill(s->fn, fill) || listing_fills(s->fn, key))
        return true;
    int len;
    const char *root = ir_key_root(key, &len);
    for (int p = 0; p < s->fn->nparams; p++) {
        if (strncmp(root, s->fn->vars[p].key, (size_t)len) || s->fn->vars[p].key[len])
            continue;
        if (p == 0 && risk_facts_walker(s->rf, s->fn->name))
            return true;
        const SrcLoc *call = risk_facts_listed_param(s->rf, s->fn->name, p, NULL);
        if (call)
            *at = *call;
        return call != NULL;
    }
    return false;
}

static bool from_command_line(const Site *use)
{
    int len;
    const char *root = ir_key_root(use->path->key, &len);
    return (len == 4 && !strncmp(root, "argv", 4)) || (len == 6 && !strncmp(root, "optarg", 6));
}

static bool from_environment(Assess *s, const Site *use)
{
    int cb, ci;
    const Ins *def = origin_call(s->origin, use->block, use->index, use->path, &cb, &ci);
    return def && def->call.callee && !strcmp(def->call.callee, "getenv");
}

static const Ins *first_call_of(const Function *fn, const char *callee)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b]->nins; i++) {
            const Ins *ins = &fn->blocks[b]->ins[i];
            if (ins->kind == INS_CALL && ins->call.callee && !strcmp(ins->call.callee, callee))
                return ins;
        }
    return NULL;
}

/* Is every way of making the name under a directory the program made for
 * itself: mkdtemp() (nobody could have made it first), or mkdir(dir,
 * 0700) of a fixed name (RiskFacts)? Nobody else can write in it. */
static bool private_place(Assess *s, const Site *use, const Shapes *sh)
{
    SrcLoc at = {0};
    const char *dir = NULL;
    for (int k = 0; k < sh->n; k++) {
        const char *t = sh->item[k].text;
        const char *found = !strncmp(t, "{mkdtemp}", 9) ? "mkdtemp()" : NULL;
        for (int d = 0; !found && d < s->rf->nprivate; d++)
            if (under(t, s->rf->private_dirs[d].dir) || !strcmp(t, s->rf->private_dirs[d].dir)) {
                found = s->rf->private_dirs[d].dir;
                at = s->rf->private_dirs[d].loc;
            }
        if (!found)
            return false;
        dir = found;
    }
    if (!dir)
        return false;
    bool made = !strcmp(dir, "mkdtemp()");
    const Ins *maker = made ? first_call_of(s->fn, "mkdtemp") : NULL;
    if (maker)
        at = maker->loc;
    reason(s, at.line ? at : use->ins->loc, RISK_PLACE, made ? DECISIVE : -2,
           made ? "the name is in a private directory the program made with mkdtemp()"
                : arena_printf(s->a, "the name is in %s, which the program made with mode 0700",
                               dir));
    return true;
}

/* Is the name relative: a readdir() entry's own name, here or passed to
 * the parameter it is in (atd's run_file(dirent->d_name)), or literal
 * text not starting with '/'? */
static bool relative_name(Assess *s, const Site *use, const Shapes *sh)
{
    const char *key = use->path->key;
    if (risk_facts_entry_name(s->fn, key))
        return true;
    int len;
    const char *root = ir_key_root(key, &len);
    for (int p = 0; key && p < s->fn->nparams; p++) {
        bool bare = false;
        if (!strncmp(root, s->fn->vars[p].key, (size_t)len) && !s->fn->vars[p].key[len] &&
            !key[len] && risk_facts_listed_param(s->rf, s->fn->name, p, &bare))
            return bare;
    }
    for (int k = 0; k < sh->n; k++)
        if (!shape_is_literal(sh->item[k].text) || sh->item[k].text[0] == '/')
            return false;
    return sh->n > 0;
}

/* A relative name in a unit whose every chdir() goes to a literal
 * directory under root's or a service's own (at: chdir(ATJOB_DIR), then
 * opendir(".")): it names a file there, whoever listed it. (Before the
 * first chdir() it would resolve where the program was started: the
 * working directory of a daemon or of the commands that list their spool
 * is the one they moved to.) */
static bool in_working_dir(Assess *s, const Site *use, const Shapes *sh)
{
    if (!s->rf->ncwd || s->rf->cwd_unknown || !relative_name(s, use, sh))
        return false;
    const char *under = NULL;
    for (int d = 0; d < s->rf->ncwd; d++) {
        const char *dir = arena_printf(s->a, "%s/", s->rf->cwd[d].dir);
        if (!(under = system_dir(dir)))
            return false;
    }
    reason(s, s->rf->cwd[0].loc, RISK_PLACE, -2,
           arena_printf(s->a, "relative names resolve in %s%s, where the program chdir()s: "
                              "under %s, which %s", s->rf->cwd[0].dir,
                        s->rf->ncwd > 1 ? " or another such directory" : "", under,
                        who_writes(s->rf->cwd[0].dir)));
    return true;
}

static void assess_place(Assess *s, const Site *use)
{
    Shapes sh = origin_shapes(s->origin, use->block, use->index, use->path);
    if (private_place(s, use, &sh) || shared_place(s, use, &sh) || in_working_dir(s, use, &sh))
        return;
    SrcLoc at = use->ins->loc, listed;
    if (listed_name(s, use, &listed))
        reason(s, listed, RISK_PLACE, 1,
               "the name comes from a directory listing: whoever writes that directory chooses it");
    else if (from_command_line(use))
        s->f->pending.argv = at;   /* matters if the program is privileged */
    else if (from_environment(s, use))
        reason(s, at, RISK_PLACE, 1, "the name comes from the environment (getenv())");
    else {
        const char *dir = sh.n ? system_dir(sh.item[0].text) : NULL;
        for (int k = 1; dir && k < sh.n; k++)
            if (!system_dir(sh.item[k].text))
                dir = NULL;
        /* a fixed name there: nobody but root can replace it (decisive) */
        bool fixed = dir && sh.n == 1 && shape_is_literal(sh.item[0].text);
        bool service = dir && dir_in(dir, service_dirs);
        if (dir)
            reason(s, at, RISK_PLACE, fixed && !service ? DECISIVE : -2,
                   arena_printf(s->a, "'%s' is under %s, which %s", sh.item[0].text, dir,
                                who_writes(dir)));
    }
}

/* ---- what the use does ---------------------------------------------- */

static bool creates(const Site *use)
{
    Creation c = creation_of(use->ins, use->func);
    return c == CREATE_YES || c == CREATE_EXCL;
}

/* under: the use names a file under the checked directory (prefixes.h),
 * which it resolves again whatever its flags say; owner: the check
 * learnt the file's owner, which refusing a link does not keep true. */
/* Is the use a program function that walks the directory itself and acts
 * on its entries (cups' cupsdCleanFiles(dir) unlinks each one; busybox's
 * iterate_on_dir() hands each to a callback)? What it does to the entries
 * lands in whatever the name leads to. One that only lists the names
 * (libfuse's check_dir_contents(): readdir, strcmp) reads, like a plain
 * opendir() (the summary's `walks`, analysis/walks.h). */
static bool walks_directory(const FileFunc *f)
{
    return f->group == G_OPEN && f->walks && !(f->roles & OPEN);
}

/* Does the open's descriptor serve to change the file (a SET ioctl(),
 * fchmod()), here or inside the wrapper the use is? Then even a read-only
 * open is no read. The call that does, or the wrapper's name. */
static const char *changed_through(Assess *s, const Site *use)
{
    if (use->func->group != G_OPEN || use->func->result == RES_DIR)
        return NULL;
    if (use->func->changes_by_fd)
        return use->func->name;
    NameSet h = handles_of(s->a, s->fn, use);
    const Ins *by = handles_changed_through(s->fn, &h);
    return by ? by->call.callee : NULL;
}

static void assess_use(Assess *s, const Site *use, const char *under, bool owner)
{
    const char *changer = changed_through(s, use);
    const char *name = called(use->func);
    SrcLoc at = use->ins->loc;
    Group g = use->func->group;
    if (under)
        reason(s, at, RISK_USE, 1,
               arena_printf(s->a, "%s() follows a link put in place of '%s'", name,
                            site_display_key(s->a, under)));
    else if (effect_refuses_links(use) && owner)
        reason(s, at, RISK_USE, 0,
               arena_printf(s->a, "%s() refuses a link, not another owner's file", name));
    else if (effect_refuses_links(use))
        reason(s, at, RISK_USE, -1, arena_printf(s->a, "%s() refuses a symbolic link", name));
    else if (g == G_NAMESPACE)
        reason(s, at, RISK_USE, -1,
               arena_printf(s->a, "%s() does not follow a final symbolic link", name));
    else if (walks_directory(use->func))
        reason(s, at, RISK_USE, 1,
               arena_printf(s->a, "%s() follows a link and recurses into its target", name));
    else if (changer)
        reason(s, at, RISK_USE, 1,
               arena_printf(s->a, "%s() follows a link, and %s() changes the file it opened",
                            name, changer));
    else if (g == G_STAT || (g == G_OPEN && use->func->result != RES_DIR && effect_read_only(use)))
        reason(s, at, RISK_USE, -1, arena_printf(s->a, "%s() only reads the file", name));
    /* Only a direct call: a helper's summary stands for one of its uses,
     * and the helper may chmod() the same name too (util-linux
     * change_file_status(): lchown, chmod with set-ID bits, then utimes). */
    else if (g == G_MODIFY && !strncmp(name, "utime", 5) && !use->func->inner_name)
        reason(s, at, RISK_USE, -2,
               arena_printf(s->a, "%s() changes only the times of the file it reaches", name));
    else if (g == G_MODIFY && name[0] == 'l')
        reason(s, at, RISK_USE, -1,
               arena_printf(s->a, "%s() does not follow a final symbolic link", name));
    else if (g == G_MODIFY)
        reason(s, at, RISK_USE, 1, arena_printf(s->a, "%s() follows a link and changes its target", name));
    else if (g == G_OPEN && use->func->result != RES_DIR && (creates(use) || !effect_read_only(use)))
        reason(s, at, RISK_USE, 1, arena_printf(s->a, "%s() follows a link and writes", name));
    else if (g == G_EXEC || g == G_MOUNT || (g == G_ENTER && strcmp(name, "chdir")))
        reason(s, at, RISK_USE, 1, arena_printf(s->a, "%s() follows a link and acts on its target", name));
}

/* ---- what the check tested ------------------------------------------ */

typedef enum Fields { FIELD_SECURITY = 1, FIELD_SIZE_TIME = 2 } Fields;

static int field_kind(const char *field)
{
    static const char *const security[] = {"st_mode", "st_uid", "st_gid", "st_ino", "st_dev",
                                           "st_nlink", NULL};
    for (int i = 0; security[i]; i++)
        if (!strncmp(field, security[i], strlen(security[i])))
            return FIELD_SECURITY;
    return FIELD_SIZE_TIME;
}

static int fields_in(const char **reads, int n, const char *buf)
{
    size_t len = strlen(buf);
    int kinds = 0;
    for (int i = 0; i < n; i++) {
        const char *r = reads[i];
        if (strncmp(r, buf, len))
            continue;
        const char *f = r[len] == '.' ? r + len + 1 : !strncmp(r + len, "->", 2) ? r + len + 2 : NULL;
        if (f && !strncmp(f, "st_", 3))
            kinds |= field_kind(f);
    }
    return kinds;
}

/* Which fields of the stat buffer the function reads anywhere, other than
 * to pass them on. */
static int fields_read(const Function *fn, const char *buf)
{
    int kinds = 0;
    for (int b = 0; b < fn->nblocks; b++) {
        const Block *blk = fn->blocks[b];
        kinds |= fields_in(blk->cond.reads, blk->cond.nreads, buf);
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            kinds |= fields_in(ins->src.reads, ins->src.nreads, buf);
            for (int k = 0; ins->kind == INS_CALL && !effect_passes_on(ins) && k < ins->call.nargs; k++)
                kinds |= fields_in(ins->call.args[k].reads, ins->call.args[k].nreads, buf);
        }
    }
    return kinds;
}

static int access_mode(const Site *check)
{
    int m = check->func->path + 1;
    if (check->func->inner_name || m >= check->ins->call.nargs ||
        !check->ins->call.args[m].has_ival)
        return -1;
    return (int)check->ins->call.args[m].ival;
}

/* Is the use reached only through the failure edge of a test of the
 * check's status (at 3.1.16 at.c:310: `if (stat(atfile, &st) != 0) if
 * (errno != ENOENT) perr(...)`, perr() unlinks)? A stat() of libc's,
 * which returns 0 on success and -1 on failure (a wrapper's answer may
 * mean either); not access(), whose failure is an answer: the user may not. */
static bool only_when_failed(const Assess *s, const Site *check, const Site *use)
{
    if (!check->ins->dst.key || check->func->inner_name || check->func->group != G_STAT ||
        check->func->result != RES_STATUS)
        return false;
    return outcome_failed_at(s->a, s->fn, s->dom, check, use->block);
}

static void assess_check(Assess *s, const Site *check, const Site *use)
{
    const char *name = called(check->func);
    SrcLoc at = check->ins->loc;
    if (!creates(use) && only_when_failed(s, check, use)) {
        reason(s, at, RISK_CHECK, DECISIVE,
               arena_printf(s->a, "the use runs only when %s() failed: the check learnt "
                                  "nothing about the file it acts on", name));
        return;
    }
    if (effect_existence_only(s->a, s->fn, check, use)) {
        if (!creates(use))
            reason(s, at, RISK_CHECK, DECISIVE,
                   arena_printf(s->a, "%s() only asked whether the name exists, and the use "
                                      "does not create it", name));
        return;
    }
    const char *buf = check->func->group == G_STAT ? site_out_buffer(check) : NULL;
    int kinds = buf ? fields_read(s->fn, buf) : 0;
    if (effect_compares_target(s->fn, check)) {
        reason(s, at, RISK_CHECK, -1,
               arena_printf(s->a, "%s() compared where the link points: an up-to-date test",
                            name));
        return;
    }
    /* lstat() whose buffer gives only st_mtime or st_size tested no link */
    if (effect_checks_links(check) && kinds != FIELD_SIZE_TIME) {
        reason(s, at, RISK_CHECK, 1, arena_printf(s->a, "%s() tested whether it is a link", name));
        return;
    }
    int mode = check->func->group == G_ACCESS ? access_mode(check) : -1;
    if (mode > 0 && effect_access_effective_ids(check)) {
        reason(s, at, RISK_CHECK, creates(use) ? 0 : DECISIVE,
               arena_printf(s->a, "%s() asks with the effective ids, the ones the use runs "
                                  "with: a swap gains nothing it could not before", name));
        return;
    }
    if (mode > 0) {   /* who asks: known once the program is (risk_program()) */
        s->f->pending.access = at;
        s->f->pending.creates = creates(use);
        return;
    }
    if (kinds & FIELD_SECURITY)
        reason(s, at, RISK_CHECK, 1,
               arena_printf(s->a, "%s() tested the owner, mode or type", name));
    else if (kinds == FIELD_SIZE_TIME)
        reason(s, at, RISK_CHECK, -1, arena_printf(s->a, "%s() tested only size or times", name));
}

/* ---- per finding ---------------------------------------------------- */

/* A finding on a call that names no file (insecure-temp-name's tmpnam()):
 * only where the name it makes lives. */
static void assess_name_maker(Assess *s)
{
    static const char *const makers[] = {"tmpnam", "tmpnam_r", "tempnam", "mktemp", NULL};
    int b, i;
    for (int cursor = -1; call_places_next(s->calls, s->f->loc, &cursor, &b, &i);) {
        const Ins *ins = &s->fn->blocks[b]->ins[i];
        if (!ins->call.callee)
            continue;
        for (int k = 0; makers[k]; k++)
            if (!strcmp(ins->call.callee, makers[k]))
                reason(s, ins->loc, RISK_PLACE, 2,
                       arena_printf(s->a, "%s() makes names another user can take first",
                                    makers[k]));
    }
}

/* Is the file part of a test program: named test_*.c or *_test.c, or in
 * a directory named test or tests (libfuse test/test_syscalls.c)? Its
 * files are the ones the test made for itself, and whoever runs the tests
 * runs it with their own rights. (Only the file's own directory counts: a
 * project checked out under ~/tests is no test program.) */
static bool test_program_file(const char *file)
{
    static const char *const dirs[] = {"test", "tests", "testsuite", NULL};
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    if (!strncmp(base, "test_", 5) || !strncmp(base, "test-", 5) ||
        (n > 7 && (!strcmp(base + n - 7, "_test.c") || !strcmp(base + n - 7, "-test.c"))))
        return true;
    const char *parent = base - 1;
    while (parent > file && parent[-1] != '/')
        parent--;
    for (int i = 0; dirs[i] && parent < base; i++)
        if ((size_t)(base - 1 - parent) == strlen(dirs[i]) &&
            !strncmp(parent, dirs[i], strlen(dirs[i])))
            return true;
    return false;
}

static void assess_one(Assess *s)
{
    Finding *f = s->f;
    if (f->function_loc.file && test_program_file(f->function_loc.file))
        reason(s, f->function_loc, RISK_PLACE, DECISIVE,
               "the function is part of a test program: it works on the files the test made "
               "for itself, run by whoever runs the tests");
    Site use;
    /* a call on a descriptor (late-permissions' fchown) is about the file
     * its note opened: the open is where the name lives */
    bool by_name = site_at(s, f->loc, false, &use);
    if (!by_name && !(f->nnotes && site_at(s, f->notes[0].loc, false, &use) &&
                      use.func->group == G_OPEN)) {
        assess_name_maker(s);
        return;
    }
    Site check;
    bool checked = false;
    for (int k = 0; k < f->nnotes && !checked; k++)   /* the first check speaks for the pair */
        checked = site_at(s, f->notes[k].loc, true, &check) && check.ins != use.ins;
    const char *dir = checked ? check.path->key : NULL;
    bool under = dir && use.path->key && strcmp(use.path->key, dir) &&
                 prefix_path_below(s->a, s->fn, use.block, use.index, use.path, dir);
    assess_privilege(s, &use);
    assess_place(s, &use);
    assess_use(s, &use, under ? dir : NULL,
               checked && effect_learns_owner(s->a, s->fn, &check));
    Site made;
    if (checked && remade_between(s->a, s->remade, &check, &use, &made))
        reason(s, made.ins->loc, RISK_CHECK, 0,
               arena_printf(s->a, "%s() made the name anew after the check: what the check "
                                  "tested does not speak for it", called(made.func)));
    else if (checked)
        assess_check(s, &check, &use);
}

/* The function a finding is in: by name through `by_name` (the first
 * function of that name), else the first of that name and place. */
static int function_of(Function *const *fns, int n, const StrMap *by_name, const Finding *f)
{
    int k;
    if (strmap_get(by_name, f->function, &k) && same_loc(fns[k]->loc, f->function_loc))
        return k;
    for (k = 0; k < n; k++)
        if (!strcmp(fns[k]->name, f->function) && same_loc(fns[k]->loc, f->function_loc))
            return k;
    return -1;
}

void risk_assess(Arena *scratch, const RiskFacts *rf, Function *const *fns, const DomTree *dom,
                 int n, Findings *out, int first)
{
    StrMap by_name = {0};
    for (int k = n - 1; k >= 0; k--)
        strmap_put(&by_name, fns[k]->name, k);
    /* what each function's findings share, made for its first one */
    OriginCtx **origins = ARENA_ARRAY(scratch, OriginCtx *, n + 1);
    const CallPlaces **calls = ARENA_ARRAY(scratch, const CallPlaces *, n + 1);
    RightsFlow **rights = ARENA_ARRAY(scratch, RightsFlow *, n + 1);
    const Remade **remade = ARENA_ARRAY(scratch, const Remade *, n + 1);
    for (int i = first; i < out->n; i++) {
        Finding *f = &out->items[i];
        if (!strcmp(f->rule->id, "lock-order")) {
            RiskReason r = {f->loc, "a deadlock does not depend on who can write a directory",
                            RISK_RULE, 0};
            finding_reason(out, f, &r);
        }
        int k = f->nreasons ? -1 : function_of(fns, n, &by_name, f);
        if (k >= 0) {
            if (!origins[k]) {
                origins[k] = origin_ctx(scratch, fns[k]);
                calls[k] = call_places(scratch, fns[k]);
                rights[k] = rights_flow(scratch, fns[k]);
                remade[k] = remade_index(scratch, fns[k]);
            }
            Assess s = {scratch, rf, fns[k], &dom[k], out, f, origins[k], calls[k], rights[k],
                        remade[k]};
            assess_one(&s);
        }
        f->risk = risk_level(f);
    }
    strmap_free(&by_name);
}

/* ---- the program's part (risk_program) ----------------------------- */

/* Move the last reason to position `at` (the program's privilege leads,
 * as it is the first question). */
static void move_last_to(Finding *f, int at)
{
    RiskReason last = f->reasons[f->nreasons - 1];
    memmove(&f->reasons[at + 1], &f->reasons[at],
            sizeof *f->reasons * (size_t)(f->nreasons - 1 - at));
    f->reasons[at] = last;
}

static void add_reason(Findings *out, Finding *f, int at, SrcLoc loc, RiskFactor factor,
                       int weight, const char *text)
{
    RiskReason r = {loc, text, factor, weight};
    finding_reason(out, f, &r);
    if (at >= 0)
        move_last_to(f, at);
}

/* access() asks with the real ids: a question about someone else only
 * when the program is set-user-ID; with the same ids (a daemon started as
 * root), the check decides nothing a swap could abuse; with no sign of
 * privilege at all (util-linux's flock, script), nothing raises it. */
static void access_reason(Findings *out, Finding *f, bool privileged, bool setid)
{
    const RiskPending *p = &f->pending;
    if (setid)
        add_reason(out, f, -1, p->access, RISK_CHECK, 2,
                   "access() tests the real user's rights, the use runs with the program's");
    else if (privileged)
        add_reason(out, f, -1, p->access, RISK_CHECK, p->creates ? 0 : DECISIVE,
                   "access() asks with the ids the use runs with: the program shows it runs "
                   "as root, not that it is set-user-ID");
    else   /* set-ID installs are not visible in the code: no raise without a sign */
        add_reason(out, f, -1, p->access, RISK_CHECK, 0,
                   "access() tests the real user's rights: a race if the program is "
                   "set-user-ID, and nothing shows it is");
}

void risk_program(Findings *out, Finding *f, const RiskReason *privileged,
                  const RiskReason *setid, const RiskReason *dropped)
{
    for (int k = 0; k < f->nreasons; k++)
        if (f->reasons[k].factor == RISK_RULE)
            return;
    const RiskReason *sign = setid ? setid : privileged;
    int front = 0;
    if (sign)
        add_reason(out, f, front++, sign->loc, RISK_PRIVILEGE, sign->weight, sign->text);
    if (dropped)
        add_reason(out, f, front++, dropped->loc, RISK_PRIVILEGE, DECISIVE, dropped->text);
    if (sign && f->pending.argv.line)
        add_reason(out, f, front++, f->pending.argv, RISK_PLACE, 1,
                   "the name comes from the command line of a privileged program");
    if (f->pending.access.line)
        access_reason(out, f, sign != NULL, setid != NULL);
    f->risk = risk_level(f);
}

RiskLevel risk_level(const Finding *f)
{
    int exposure = 0, action = 0;
    for (int i = 0; i < f->nreasons; i++) {
        const RiskReason *r = &f->reasons[i];
        if (r->factor == RISK_RULE)
            return RISK_MEDIUM;
        if (r->weight <= DECISIVE)
            return RISK_LOW;
        if (r->factor == RISK_PRIVILEGE || r->factor == RISK_PLACE)
            exposure += r->weight;
        else
            action += r->weight;
    }
    if (exposure > 0)
        return exposure + action >= 3 ? RISK_HIGH : exposure + action >= 1 ? RISK_MEDIUM
                                                                          : RISK_LOW;
    return exposure == 0 && action >= 2 ? RISK_MEDIUM : RISK_LOW;
}

const char *risk_name(RiskLevel r)
{
    return r == RISK_HIGH ? "high" : r == RISK_MEDIUM ? "medium" : "low";
}

bool risk_parse(const char *s, RiskLevel *out)
{
    for (int r = RISK_LOW; r <= RISK_HIGH; r++)
        if (!strcmp(s, risk_name((RiskLevel)r))) {
            *out = (RiskLevel)r;
            return true;
        }
    return false;
}
