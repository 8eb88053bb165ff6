/* outputs.c - see outputs.h. Files are compared by device and inode, so
 * another spelling or a hard link of an input is refused as well. An
 * output that does not exist yet cannot be an input. */
#include "outputs.h"

#include <stdio.h>
#include <sys/stat.h>

static bool same_file(const struct stat *out, const char *input)
{
    struct stat st;
    return input && stat(input, &st) == 0 && st.st_dev == out->st_dev &&
           st.st_ino == out->st_ino;
}

/* What input `output` is ("the source file x.c"), or NULL. baseline_ok:
 * --write-baseline may update the --baseline it read. */
static const char *input_named(const char *output, const Options *o, const JobList *jl,
                               const Config *c, bool baseline_ok, char *buf, size_t size)
{
    struct stat out;
    if (stat(output, &out) != 0)
        return NULL;
    for (int i = 0; i < jl->n; i++)
        if (same_file(&out, jl->jobs[i].file)) {
            snprintf(buf, size, "the source file %s", jl->jobs[i].shown);
            return buf;
        }
    for (int i = 0; i < jl->ndbs; i++)
        if (same_file(&out, jl->dbs[i].db.path)) {
            snprintf(buf, size, "the compile database %s", jl->dbs[i].db.path);
            return buf;
        }
    if (!baseline_ok && same_file(&out, o->baseline))
        return "the baseline (--baseline)";
    if (same_file(&out, c->path))
        return "the configuration file";
    return NULL;
}

bool outputs_check(const Options *o, const JobList *jl, const Config *c)
{
    const char *outputs[] = {o->output, o->write_baseline, o->export_fixes};
    const char *options[] = {"-o", "--write-baseline", "--export-fixes"};
    for (int k = 0; k < 3; k++) {
        char buf[600];
        const char *what = outputs[k] ? input_named(outputs[k], o, jl, c, k == 1, buf, sizeof buf)
                                      : NULL;
        if (what) {
            fprintf(stderr, "fsrace: error: %s %s: is %s, an input of this run; refusing to "
                            "overwrite it\n", options[k], outputs[k], what);
            return false;
        }
    }
    return true;
}
