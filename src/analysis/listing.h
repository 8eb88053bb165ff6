/* listing.h - names that come from a directory listing: a field of a
 * readdir()/scandir() entry (struct dirent), an fts record (FTSENT) or a
 * glob() result, decided by the record's type, not by a member's name (a
 * project's own struct device may call its name d_name too), and buffers
 * filled from such a field (strcpy(name, dp->d_name) into a pointer into
 * the path buffer, snprintf(path, .., "%s/%s", dir, de->d_name)). */
#ifndef FSRACE_LISTING_H
#define FSRACE_LISTING_H
#include "../ir/ir.h"

/* Is key (dp->d_name, ent->fts_path, (*list)[i]->d_name) a name field of
 * a listing record? A variable whose type fsrace does not know is taken
 * at its field's name. */
bool listing_entry(const Function *fn, const char *key);
/* Does any part of a fill signature (names.h) read a listing entry? */
bool listing_in_fill(const Function *fn, const char *sig);
/* Does fn fill the buffer at key's root, or a pointer it derives from it
 * (name = path + len), from a listing entry anywhere in its body? */
bool listing_fills(const Function *fn, const char *key);
/* Does any key, read or callee of fn spell a name field at all? When not,
 * none of the above holds anywhere in fn (each asks listing_entry() of a
 * key of fn, or of a part of one in a fill signature), so a caller that
 * asks them of many places can skip the function after one pass. */
bool listing_named_in(const Function *fn);

#endif
