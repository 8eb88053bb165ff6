/* replace.h - a name replaced by the program's own file, not followed:
 *
 *     fd = mkstemp(tmp); write(fd, ...); close(fd);
 *     rename(tmp, name);          <- replaces the directory entry `name`
 *
 * rename() swaps the entry itself: a link or another file put at `name`
 * since a check is replaced, never followed, so nothing the check learnt
 * about `name` can be turned against the program (libmount's tab_update,
 * ssh-keygen -R, busybox tar, cups' RSS notifier). The source must be a
 * file the program made or wrote (its temporary), not a name it was
 * given: then the rename is the atomic-update idiom, and its source is
 * the program's own. The same holds through helpers: xrename(tmp, name),
 * or one that writes its temporary and renames it over its argument
 * (FileFunc.replaced_by, FileFunc.replaces). */
#ifndef FSRACE_REPLACE_H
#define FSRACE_REPLACE_H
#include "dom.h"
#include "sites.h"

/* Does fn make `key` exclusively (mkstemp(key), an O_EXCL open of it,
 * mkdir(key)), or, not exclusively, create it (O_CREAT): anywhere, or,
 * with `before`, on every path to it? */
bool replace_made(const Function *fn, const DomTree *dom, const char *key, const Site *before,
                  bool exclusively);
/* Does fn mount something on `key` (mount(src, key, ...), or a helper
 * that does) on every path to `before`? A name mounted on cannot be
 * renamed or removed (EBUSY) until it is unmounted. */
bool replace_mounted(const Function *fn, const DomTree *dom, const char *key,
                     const Site *before);

/* Is `use` the atomic replacement of its name by a file fn made or wrote
 * (rename(tmp, name), a wrapper doing it)? The name must be the
 * destination. */
bool replace_is_atomic(Arena *a, const Function *fn, const DomTree *dom, const Site *use);

/* The argument naming the file the call moves over the name it uses:
 * rename's source when that name is the destination, or the one a
 * wrapper's summary says (xrename(tmp, name)); -1 for none. */
int replace_source_argument(const Site *use);

/* rename(src, name) where src holds the checked name only on paths where
 * it is the destination too (opened = mkstemp'd tmp, or opened = name
 * when no temporary could be made: libblkid): moving a file onto itself
 * does nothing, so the source is never the checked file moved away. */
bool replace_onto_itself(const Site *use, const char *checked);

/* link(name, backup) with the name then atomically replaced (ssh-keygen,
 * libblkid): the old file keeps a second name; nothing is followed,
 * read or written. */
bool replace_backup_link(Arena *a, const Function *fn, const DomTree *dom, const Site *use);

#endif
