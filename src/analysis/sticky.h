/* sticky.h - a root-owned entry of a sticky directory: nobody else can
 * replace it.
 *
 *     if (lstat("/tmp/.X11-unix", &st) != 0 || st.st_uid != 0) return;
 *     chmod("/tmp/.X11-unix", 01777);     <- only root can rename it away
 *
 * In a directory with the sticky bit (/tmp, /var/tmp, /dev/shm) only an
 * entry's owner (or the directory's, root) may remove or rename it. Once
 * lstat() has seen the entry itself (not a link) and its owner tested
 * equal to root on the way to the use, no other user can swap it. */
#ifndef FSRACE_STICKY_H
#define FSRACE_STICKY_H
#include "dom.h"
#include "sites.h"

/* Is `check` a link check of a literal name directly inside a sticky
 * directory, and is block `use_block` reached only where its buffer's
 * st_uid was found to be 0? */
bool sticky_root_entry(const Function *fn, const DomTree *dom, const Site *check,
                       const char *buf, int use_block);

#endif
