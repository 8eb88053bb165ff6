/* insecure_temp_file.c - CWE-377, CWE-379: a temporary file created by a
 * name another user can take first.
 *
 *     char *name = tmpnam(NULL);               <- a name, not a file
 *     fd = open(name, O_RDWR | O_CREAT, 0600); <- opens whatever is there
 *
 * tmpnam(), tempnam() and mktemp() return a name that did not exist when
 * they looked; between that and the open another process can create it,
 * typically as a symbolic link to a file of the victim's, and an open
 * without O_EXCL follows it. The same holds for any predictable name in a
 * directory everyone can write (/tmp, /var/tmp, /dev/shm, $TMPDIR).
 *
 * Two rules come out of this file:
 *  - insecure-temp-file: such a name created without O_EXCL (open()
 *    with O_CREAT, creat(), fopen() "w"/"a" without "x", freopen()).
 *  - insecure-temp-name (off by default): a tmpnam()/mktemp()... name that
 *    nothing in the function creates or opens; whoever does must use
 *    O_EXCL, and nothing here shows that it does.
 * Lock files are lockfile-race's (see lockfile_race.c): a lock file in
 * /tmp created without O_EXCL and not locked with flock()/fcntl() is
 * reported there, once. */
#include <string.h>

#include "../analysis/creation.h"
#include "../analysis/lockfile.h"
#include "../analysis/origin.h"
#include "../analysis/sites.h"
#include "rules.h"

/* The catalogue entry of a libc call (never a program function). */
/* ---- insecure-temp-file -------------------------------------------- */

static const Shape *tempname_shape(const Shapes *s)
{
    for (int i = 0; i < s->n; i++)
        if (s->item[i].maker)
            return &s->item[i];
    return NULL;
}

static const Shape *shared_shape(const Shapes *s)
{
    for (int i = 0; i < s->n; i++)
        if (shape_in_shared_dir(s->item[i].text) && shape_predictable(s->item[i].text))
            return &s->item[i];
    return NULL;
}

static const char *const fix =
    "use mkstemp() (or open with O_CREAT|O_EXCL|O_NOFOLLOW and handle EEXIST)";

/* "'name'" for a variable, else "a file" (fopen(tmpnam(NULL), "w")). */
static const char *what(Arena *a, const Operand *path)
{
    if (path->kind == OPND_LVALUE)
        return arena_printf(a, "'%s'", site_display_name(a, path));
    if (path->kind == OPND_STRING)
        return path->text ? path->text : path->key;
    return "a file";
}

static void report_tempname(const RuleInput *in, Findings *out, const Ins *use,
                            const Operand *path, const Shape *s)
{
    const char *maker = s->maker->call.callee;
    const char *msg = arena_printf(out->arena,
        "%s() creates %s, named by %s(), without O_EXCL: another process can create that "
        "name first, or plant a symbolic link there, and the program opens its file; %s",
        use->call.callee, what(out->arena, path), maker, fix);
    Finding *f = finding_add(out, in->rule, in->fn, use->loc, msg);
    f->role = ROLE_CREATE;
    finding_note_as(out, f, s->maker->loc, ROLE_NAME,
                 arena_printf(out->arena, "name made here by %s(): predictable, and not "
                              "reserved until something creates it", maker));
}

/* An append (a log) means to reuse the file: O_EXCL would fail the second
 * time, so the remedy is to check what the descriptor reached. */
static const char *const append_fix =
    "keep it in a directory only its owner can write, or open it with "
    "O_APPEND|O_NOFOLLOW and fstat() the descriptor: use it only if it is a regular "
    "file you own (st_uid) with one link (st_nlink == 1)";

static void report_shared(const RuleInput *in, Findings *out, const Ins *use,
                          const FileFunc *f, const Operand *path, const Shape *s)
{
    bool append = creation_appends(use, f);
    const char *msg = arena_printf(out->arena,
        "%s() creates %s in a shared directory%s without O_EXCL: another user can create "
        "that predictable name first, or plant a symbolic link there; %s%s",
        use->call.callee, what(out->arena, path),
        path->kind == OPND_STRING ? "" : arena_printf(out->arena, " (\"%s\")", s->text),
        append ? append_fix : fix,
        append ? "" : ", or create the file inside a private directory made by mkdtemp()");
    finding_add(out, in->rule, in->fn, use->loc, msg)->role = ROLE_CREATE;
}

void rule_insecure_temp_file(const RuleInput *in, Findings *out)
{
    const Function *fn = in->fn;
    OriginCtx *origins = origin_ctx(in->scratch, fn);
    LockfileScan *scan = NULL;
    for (SiteIter it = site_iter(fn, in->dom->idom); site_next(&it);) {
        const Operand *path = creation_of(it.ins, it.func) == CREATE_YES
                                  ? creation_path(it.ins, it.func) : NULL;
        if (!path)
            continue;
        Shapes s = origin_shapes(origins, it.block, it.index, path);
        const Shape *t = tempname_shape(&s);
        if (t) {
            report_tempname(in, out, it.ins, path, t);
            continue;
        }
        t = shared_shape(&s);
        if (!t)
            continue;
        if (!scan)
            scan = lockfile_scan(in->scratch, origins, fn, in->dom, in->cdep);
        if (lockfile_judge(scan, it.block, it.index).what == LOCKFILE_OK)   /* else lockfile-race's */
            report_shared(in, out, it.ins, it.func, path, t);
    }
}

/* ---- insecure-temp-name -------------------------------------------- */

static bool makes_tempname(const Ins *ins)
{
    static const char *const makers[] = {
        "tmpnam", "tmpnam_r", "tempnam", "mktemp", "_mktemp", "_wmktemp", "_tempnam",
        "_wtempnam", "_wtmpnam", "_tmpnam", "tmpnam_s", "_wtmpnam_s", "_mktemp_s",
        "_wmktemp_s", NULL,
    };
    if (ins->kind != INS_CALL || ins->call.kind != CALLEE_EXTERNAL || !ins->call.callee)
        return false;
    for (int i = 0; makers[i]; i++)
        if (!strcmp(makers[i], ins->call.callee))
            return true;
    return false;
}

/* Does argument `which` (0: path, 1: path2) of the call create a file by
 * that name: open with O_CREAT, fopen "w", creat, mkdir, mkfifo, mknod,
 * the new name of link, symlink or rename? */
static bool creates_by(const Ins *ins, const FileFunc *f, int which)
{
    if (f->group == G_OPEN)
        return which == 0 && creation_of(ins, f) != CREATE_NO;
    if (f->group == G_CREATE)
        return which == 0;
    if (f->roles & (which ? NEWNAME2 : NEWNAME))
        return true;
    return f->group == G_NAMESPACE && which == 1;   /* rename(old, new) */
}

/* Mark the makers whose names reach a call that creates a file by them. */
static void mark_used(const RuleInput *in, const Ins **used, int *nused, int max)
{
    const Function *fn = in->fn;
    OriginCtx *origins = origin_ctx(in->scratch, fn);
    for (SiteIter it = site_iter(fn, in->dom->idom); site_next(&it);)
        for (int which = 0; which < 2; which++) {
            int arg = which ? it.func->path2 : it.func->path;
            if (arg < 0 || arg >= it.ins->call.nargs || !creates_by(it.ins, it.func, which))
                continue;
            Shapes s = origin_shapes(origins, it.block, it.index, &it.ins->call.args[arg]);
            for (int k = 0; k < s.n; k++)
                if (s.item[k].maker && *nused < max)
                    used[(*nused)++] = s.item[k].maker;
        }
}

void rule_insecure_temp_name(const RuleInput *in, Findings *out)
{
    enum { MAX_USED = 256 };
    const Ins *used[MAX_USED];
    int nused = 0;
    bool marked = false;
    const Function *fn = in->fn;
    for (int b = 0; b < fn->nblocks; b++) {
        if (in->dom->idom[b] < 0)
            continue;
        const Block *blk = fn->blocks[b];
        for (int i = 0; i < blk->nins; i++) {
            const Ins *ins = &blk->ins[i];
            if (!makes_tempname(ins))
                continue;
            if (!marked) {
                mark_used(in, used, &nused, MAX_USED);
                marked = true;
            }
            bool is_used = false;
            for (int k = 0; k < nused && !is_used; k++)
                is_used = used[k] == ins;
            if (is_used)
                continue;
            const char *msg = arena_printf(out->arena,
                "%s() makes a name that no call in this function creates a file by: another "
                "process can create it first, so whoever does must use O_CREAT|O_EXCL; use "
                "mkstemp() for a file, mkdtemp() for a directory",
                ins->call.callee);
            finding_add(out, in->rule, fn, ins->loc, msg)->role = ROLE_NAME;
        }
    }
}
