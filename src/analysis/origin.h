/* origin.h - what a file name is made of, looking back from a call that
 * uses it.
 *
 * The reaching definitions of the name's storage are followed through
 * copies (q = p, temporaries, casts), fills (snprintf, strcpy, strcat...)
 * and the calls that make names (tmpnam, mktemp, mkdtemp, getenv), and the
 * answer is a small set of "shapes": the name's text, one per way the
 * function can make it, with the parts that are not literal abstracted:
 *
 *     *            a part the program decides: a variable or parameter,
 *                  getpid(), time(), a number
 *     ?            a part nothing here decides: an unknown call's result,
 *                  rand(), input read into a buffer
 *     $TMPDIR      getenv("TMPDIR") (also TMP, TEMP, TEMPDIR)
 *     {tempname}   a name made by tmpnam(), tempnam(), mktemp()...
 *     {mkdtemp}    a private directory made by mkdtemp()
 *     {mkstemp}    a file mkstemp() created exclusively
 *
 * e.g. snprintf(b, n, "%s/app.%d.lock", getenv("TMPDIR"), getpid())
 * gives "$TMPDIR/app.*.lock".
 *
 * What counts as a definition of a buffer: an assignment to it, a fill,
 * the name-making calls above, a few library calls known to write their
 * buffer (fgets, getcwd, realpath, readlink, read...), a call of the
 * program's own functions or through a pointer that receives it, and any
 * call that receives its address. Other library calls that receive a
 * buffer (printf, puts, a logging function declared elsewhere) are taken
 * not to change it. */
#ifndef FSRACE_ORIGIN_H
#define FSRACE_ORIGIN_H
#include <stdbool.h>

#include "../ir/ir.h"

enum { ORIGIN_MAX_SHAPES = 8 };

typedef struct Shape {
    const char *text;
    const Ins *maker;       /* the {tempname} call text derives from, or NULL */
} Shape;

typedef struct Shapes {
    Shape item[ORIGIN_MAX_SHAPES];
    int n;
} Shapes;

/* Per function: what it defines, computed once, so that names it never
 * assigns (parameters, globals) are answered without a search. */
typedef struct OriginCtx OriginCtx;
OriginCtx *origin_ctx(Arena *a, const Function *fn);

/* The shapes of the name operand `o` holds just before instruction
 * (block, index). Never empty: an unknown name is "?". */
Shapes origin_shapes(OriginCtx *c, int block, int index, const Operand *o);

/* The call whose result `o` holds just before (block, index), following
 * copies and fileno()/dup(): the open() behind a descriptor. NULL if no
 * call does; the first one found if several may. *cb, *ci: its place. */
const Ins *origin_call(OriginCtx *c, int block, int index, const Operand *o, int *cb, int *ci);

/* Is the name under a directory other users can write: /tmp, /var/tmp,
 * /dev/shm or $TMPDIR, with a file name after it? */
bool shape_in_shared_dir(const char *text);
/* Can another user tell the name in advance: nothing in it is unknown
 * ("?") or made unique ({tempname}, {mkdtemp}, {mkstemp})? */
bool shape_predictable(const char *text);
/* Only literal text (and $TMPDIR): the same file wherever it is used. */
bool shape_is_literal(const char *text);
/* The text after the last '/'. */
const char *shape_basename(const char *text);

#endif
