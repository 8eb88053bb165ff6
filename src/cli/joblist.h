/* joblist.h - the translation units of a run, from the command line and
 * compile databases, in a stable order (the order results are printed).
 * Files are identified by their real path, so one file given under
 * several spellings ("a/x.c ./a/x.c a/../a/x.c", a database entry "../x.c")
 * is analysed once. */
#ifndef FSRACE_JOBLIST_H
#define FSRACE_JOBLIST_H
#include "../util/strmap.h"
#include "compdb.h"
#include "job.h"
#include "options.h"
#include "pathfilter.h"

/* A compile database that was read, indexed by its entries' real paths. */
typedef struct LoadedDb {
    Compdb db;
    const char **real;      /* real path of each entry's file */
    StrMap by_path;         /* real path -> index of its first entry */
} LoadedDb;

typedef struct JobList {
    Arena arena;        /* owns every Job and its strings */
    Job *jobs;
    int n, cap;
    bool trouble;       /* an input could not be used: exit status 2 */
    bool fatal;         /* a compile database could not be read: analyse nothing */
    int filtered;       /* files left out by the path filters */
    StrMap listed;      /* real paths of the jobs' main files */
    LoadedDb *dbs;      /* the -p database, or those found next to the files */
    int ndbs, cap_dbs;
} JobList;

/* Build the list; problems are reported on stderr and set `trouble` (or
 * `fatal`). */
void joblist_build(const Options *o, const char *cwd, const PathFilter *filter, JobList *out);
void joblist_free(JobList *l);

/* The real path of name (relative to dir), or dir/name as written when it
 * has none (a missing file, which the analysis then reports). */
const char *joblist_real(JobList *l, const char *dir, const char *name);
/* Add job for the file at real path `real` unless it is listed already or
 * the filter leaves it out. */
void joblist_push(JobList *l, const PathFilter *filter, Job j, const char *real);

/* joblist_compdb.c */
/* The database -p names (a folder holding compile_commands.json, or the
 * file itself); NULL after an error message, with `fatal` set. */
LoadedDb *joblist_load_db(JobList *l, const char *cwd, const char *arg);
/* The nearest compile_commands.json in the folder of real path `file` or
 * a parent (as clang-tidy looks for it), or NULL when there is none or
 * (with `fatal` set) it could not be read. */
LoadedDb *joblist_find_db(JobList *l, const char *cwd, const char *file);
/* Index of the entry compiling the file at real path `real`, or -1. */
int joblist_db_entry(const LoadedDb *db, const char *real);
/* Add the job of entry k; `shown` names it in messages. */
void joblist_add_entry(JobList *l, const PathFilter *filter, const LoadedDb *db, int k,
                       const char *shown);
/* Add every entry under the folder `dir` (a real path; "/" adds all);
 * returns how many entries were under it. */
int joblist_add_entries_under(JobList *l, const PathFilter *filter, const LoadedDb *db,
                              const char *dir);

#endif
