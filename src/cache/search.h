/* search.h - the directories an #include of a unit may be looked up in, for
 * the cache: a header that appears in one of them can change what the
 * unit includes, so the cache records the names that must stay absent
 * there (deps.h). The list is a superset of clang's search path, in no
 * particular order: the directories of -I, -iquote, -isystem, -idirafter
 * (and their spellings), of CPATH, C_INCLUDE_PATH, CPLUS_INCLUDE_PATH,
 * OBJC_INCLUDE_PATH and OBJCPLUS_INCLUDE_PATH, and the compiler's own
 * directories, asked from libclang once per run (its -v output, those it
 * skips because they do not exist included). Not covered: -iprefix,
 * -iwithprefix, frameworks, and the system directories of a --sysroot or
 * --target other than the host's (the directories of the headers a unit
 * did include are always covered). */
#ifndef FSRACE_SEARCH_H
#define FSRACE_SEARCH_H
#include "../cli/job.h"

typedef struct SearchDirs {
    const char **dirs;      /* absolute, normalized */
    int n, cap;
} SearchDirs;

/* The compiler's own include directories, one per line ("" if libclang
 * cannot tell); call while no other thread writes to stderr. */
char *search_system_dirs(void);

/* Every directory the job's includes may be searched in: its arguments',
 * the environment's, and the system's (from search_system_dirs()); base
 * is the directory relative names are resolved against. */
void search_dirs_of(const Job *job, const char *base, const char *system, Arena *a,
                    SearchDirs *out);

#endif
