/* joblist.c - jobs from plain FILE arguments, and the driver that merges
 * them with compile database entries. */
#include "joblist.h"

#include <stdio.h>
#include <stdlib.h>

const char *joblist_abs(JobList *l, const char *dir, const char *name)
{
    if (name[0] == '/' || !dir)
        return arena_strdup(&l->arena, name);
    return arena_printf(&l->arena, "%s/%s", dir, name);
}

static void add_plain_file(const Options *o, const char *cwd, JobList *out, const char *file)
{
    /* Parsed under the name given, so __FILE__ is what the user's build has. */
    (void)cwd;
    Job j = {.file = arena_strdup(&out->arena, file), .shown = file, .args = o->flags,
             .nargs = o->nflags};
    ARENA_PUSH(&out->arena, out->jobs, out->n, out->cap, j);
}

void joblist_build(const Options *o, const char *cwd, JobList *out)
{
    bool *used = calloc((size_t)o->nfiles + 1, sizeof(bool));
    if (!used)
        abort();
    if (o->build_dir)
        joblist_add_compdb(o, cwd, out, used);
    for (int i = 0; i < o->nfiles; i++) {
        if (used[i])
            continue;
        if (o->build_dir)
            fprintf(stderr, "fsrace: warning: %s: not in the compile database; using %s\n",
                    o->files[i], o->have_flags ? "the flags after --" : "default flags");
        add_plain_file(o, cwd, out, o->files[i]);
    }
    free(used);
}

void joblist_free(JobList *l)
{
    arena_free(&l->arena);
    l->jobs = NULL;
    l->n = l->cap = 0;
}
