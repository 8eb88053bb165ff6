/* sites.h - where a function calls a catalogued file function by name:
 * the call, its catalogue entry, and the name's access path. */
#ifndef FSRACE_SITES_H
#define FSRACE_SITES_H
#include <stdbool.h>

#include "../ir/ir.h"
#include "../model/catalog.h"

typedef struct Site {
    int block, index;           /* position of the call in the CFG */
    const Ins *ins;
    const FileFunc *func;
    const Operand *path;        /* the path argument naming the file */
} Site;

/* The catalogue entry of a call to a libc file function, or the summary of
 * a program function that checks or uses a name (its use effect first),
 * or NULL (calls through pointers, functions that do neither). */
const FileFunc *site_func(const Ins *ins);
/* The catalogue entry of a libc call only (no summaries), or NULL. */
const FileFunc *site_libc_func(const Ins *ins);
/* Same, for the call seen as a check (CHECK role), or NULL. */
const FileFunc *site_check_func(const Ins *ins);
/* Every way the call acts on names: its catalogue entry, or each effect
 * of its summary; returns how many (at most max). */
int site_views(const Ins *ins, const FileFunc **out, int max);
/* Path argument `which` (0: path, 1: path2) when it names a file by a
 * trackable name: a variable/field path or a string literal, relative to
 * the current directory (AT_FDCWD), and not /proc/self/fd/N. */
const Operand *site_path(const Ins *ins, const FileFunc *f, int which);
/* Path argument `which` relative to a directory descriptor the program
 * holds (not AT_FDCWD): the name, and in *dirfd the descriptor; NULL when
 * the call has no such pair (site_path() covers the rest). */
const Operand *site_path_at(const Ins *ins, const FileFunc *f, int which, const Operand **dirfd);
/* Do two directory-descriptor operands of one function hold the same
 * descriptor: one variable, or calls of one function on the same keys
 * (dirfd(d) twice)? */
bool site_same_dirfd(const Function *fn, const Operand *a, const Operand *b);
/* The storage a check fills (its struct stat buffer, readlink's target),
 * or NULL. */
const char *site_out_buffer(const Site *s);
/* Integer flags argument, if the call has one and it is a constant. */
bool site_flags(const Ins *ins, const FileFunc *f, long long *flags);
/* The flag bits the call sets whatever its non-constant flags hold:
 * all of them when site_flags() knows them, else the constant bits OR'ed
 * into the argument (`flags | O_NOFOLLOW`, `O_EXCL | (w ? O_RDWR :
 * O_RDONLY)`) and those a summarised wrapper adds. */
long long site_flags_set(const Ins *ins, const FileFunc *f);
/* fopen-style mode string argument, or NULL. */
const char *site_mode(const Ins *ins, const FileFunc *f);
/* Every reachable call of a catalogued libc function, in block order:
 *     for (SiteIter it = site_iter(fn, dom->idom); site_next(&it);)
 *         ... it.block, it.index, it.ins, it.func ... */
typedef struct SiteIter {
    const Function *fn;
    const int *idom;        /* idom[b] < 0: block b is unreachable */
    bool all;               /* every instruction, not only libc calls */
    int block, index;
    const Ins *ins;
    const FileFunc *func;   /* its catalogue entry, NULL if none */
} SiteIter;

SiteIter site_iter(const Function *fn, const int *idom);
/* Every reachable instruction, libc call or not. */
SiteIter site_iter_all(const Function *fn, const int *idom);
bool site_next(SiteIter *it);

/* The key as users read it: "p" for "p'2". */
const char *site_display_key(Arena *a, const char *key);
/* An operand's name as users read it: a call's result as the call. */
const char *site_display_name(Arena *a, const Operand *o);

#endif
