/* joblist.h - the translation units of a run, from the command line or a
 * compile database, in a stable order (the order results are printed). */
#ifndef FSRACE_JOBLIST_H
#define FSRACE_JOBLIST_H
#include "job.h"
#include "options.h"

typedef struct JobList {
    Arena arena;        /* owns every Job and its strings */
    Job *jobs;
    int n, cap;
    bool trouble;       /* an input could not be used: exit status 2 */
} JobList;

/* Build the list; problems are reported on stderr and set `trouble`. */
void joblist_build(const Options *o, const char *cwd, JobList *out);
void joblist_free(JobList *l);

/* joblist_compdb.c: entries of BUILD_DIR/compile_commands.json. */
void joblist_add_compdb(const Options *o, const char *cwd, JobList *out, bool *used_file);

/* dir/name, or name when it is absolute. */
const char *joblist_abs(JobList *l, const char *dir, const char *name);

#endif
