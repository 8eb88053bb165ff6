/* creation.h - does an open-family call create the file it names, and
 * would it fail if the name already existed? */
#ifndef FSRACE_CREATION_H
#define FSRACE_CREATION_H
#include "../ir/ir.h"
#include "../model/catalog.h"

typedef enum Creation {
    CREATE_NO,          /* opens an existing file only (O_RDONLY, "r", "r+") */
    CREATE_YES,         /* creates if missing, opens if present (O_CREAT, "w", creat()) */
    CREATE_EXCL,        /* creates, failing if the name exists (O_CREAT|O_EXCL, "wx") */
    CREATE_UNKNOWN,     /* flags or mode not constant */
} Creation;

/* For open(), openat(), creat(), fopen(), freopen()... (catalogue group
 * G_OPEN, not opendir), and program functions summarised as one (their
 * fixed flags or mode); CREATE_NO for every other call. */
Creation creation_of(const Ins *ins, const FileFunc *f);
/* Does such a call append (O_APPEND, fopen mode "a...")? The program then
 * means to add to the file, creating it only if missing. */
bool creation_appends(const Ins *ins, const FileFunc *f);
/* The name such a call opens, of any operand kind (a temporary holding
 * tmpnam()'s result too); NULL when it is relative to a directory
 * descriptor other than AT_FDCWD, or absent (freopen(NULL, ...)). */
const Operand *creation_path(const Ins *ins, const FileFunc *f);

#endif
