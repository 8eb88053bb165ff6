/* joblist.c - jobs from FILE arguments (plain files, files in a compile
 * database, folders), and the driver that decides where their flags come
 * from: -p, a compile_commands.json found next to them, the flags after
 * --, or clang's defaults. */
#include "joblist.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *joblist_real(JobList *l, const char *dir, const char *name)
{
    const char *joined = name[0] == '/' || !dir ? name : arena_printf(&l->arena, "%s/%s", dir, name);
    char real[PATH_MAX];
    return arena_strdup(&l->arena, realpath(joined, real) ? real : joined);
}

void joblist_push(JobList *l, const PathFilter *filter, Job j, const char *real)
{
    if (strmap_get(&l->listed, real, NULL))
        return;
    if (filter && !pathfilter_allows(filter, real)) {
        l->filtered++;
        return;
    }
    strmap_put(&l->listed, real, l->n);
    ARENA_PUSH(&l->arena, l->jobs, l->n, l->cap, j);
}

static void add_plain_file(const Options *o, const PathFilter *filter, JobList *out,
                           const char *file, const char *real)
{
    /* Parsed under the name given, so __FILE__ is what the user's build has. */
    Job j = {.file = arena_strdup(&out->arena, file), .shown = file, .args = o->flags,
             .nargs = o->nflags};
    joblist_push(out, filter, j, real);
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* FILE argument i: its database entry, every entry under it (a folder),
 * or the file alone. */
static void add_file_arg(const Options *o, const char *cwd, const PathFilter *filter,
                         JobList *out, const char *file)
{
    const char *real = joblist_real(out, cwd, file);
    LoadedDb *db = o->build_dir ? out->dbs : NULL;
    if (!o->build_dir && !o->have_flags)
        db = joblist_find_db(out, cwd, is_directory(real) ? arena_printf(&out->arena, "%s/.", real)
                                                          : real);
    if (out->fatal)
        return;
    if (db && is_directory(real)) {
        if (!joblist_add_entries_under(out, filter, db, real)) {
            fprintf(stderr, "fsrace: error: %s: no entry of %s is under this folder\n", file,
                    db->db.path);
            out->trouble = true;
        }
        return;
    }
    int k = db ? joblist_db_entry(db, real) : -1;
    if (k >= 0) {
        joblist_add_entry(out, filter, db, k, file);
        return;
    }
    if (db)
        fprintf(stderr, "fsrace: warning: %s: not in the compile database %s; using %s\n", file,
                db->db.path, o->have_flags ? "the flags after --" : "default flags");
    add_plain_file(o, filter, out, file, real);
}

void joblist_build(const Options *o, const char *cwd, const PathFilter *filter, JobList *out)
{
    if (o->build_dir && !joblist_load_db(out, cwd, o->build_dir))
        return;
    if (o->build_dir && !o->nfiles)
        joblist_add_entries_under(out, filter, out->dbs, "/");
    for (int i = 0; i < o->nfiles && !out->fatal; i++)
        add_file_arg(o, cwd, filter, out, o->files[i]);
}

void joblist_free(JobList *l)
{
    for (int i = 0; i < l->ndbs; i++)
        strmap_free(&l->dbs[i].by_path);
    strmap_free(&l->listed);
    arena_free(&l->arena);
    memset(l, 0, sizeof *l);
}
