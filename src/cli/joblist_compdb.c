/* joblist_compdb.c - jobs from BUILD_DIR/compile_commands.json, read with
 * libclang's JSON compilation database. Relative paths (as bear writes
 * them) are resolved against each entry's "directory", which is also
 * passed to the parser as -working-directory, since libclang does not
 * chdir. Arguments that only matter for producing output (-c, -o, the
 * dependency-file flags) are dropped: the parse must write nothing. */
#include <clang-c/CXCompilationDatabase.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "joblist.h"

/* Problems libclang's loader would only call "cannot load": say which. */
static bool database_readable(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "fsrace: error: %s: %s\n", path, strerror(errno));
        return false;
    }
    char buf[256];
    ssize_t n;
    bool blank = true;
    while (blank && (n = read(fd, buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n && blank; i++)
            blank = buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t' || buf[i] == '\r';
    close(fd);
    if (blank)
        fprintf(stderr, "fsrace: error: %s: empty file, not a compile database\n", path);
    return !blank;
}

/* Arguments dropped together with the value that follows them. */
static bool drops_next(const char *a)
{
    static const char *const with_value[] = {"-o", "-MF", "-MT", "-MQ", "-MJ",
                                             "--serialize-diagnostics", NULL};
    for (int i = 0; with_value[i]; i++)
        if (!strcmp(a, with_value[i]))
            return true;
    return false;
}

/* Arguments dropped alone: they would make the parse write files
 * (dependency files, also when passed through -Wp, temporaries, traces). */
static bool drops_alone(const char *a)
{
    static const char *const prefixes[] = {"-M", "-Wp,-M", "-o", "-save-temps",
                                           "-ftime-trace", "--serialize-diagnostics", NULL};
    if (!strcmp(a, "-c") || !strcmp(a, "--"))
        return true;
    for (int i = 0; prefixes[i]; i++)
        if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
            return true;
    return false;
}

/* The entry's source file, however the arguments spell it: as "file"
 * says, absolute, or relative to "directory". */
static bool is_source_arg(const char *a, const char *dir, const char *file, const char *abs)
{
    if (!strcmp(a, file) || !strcmp(a, abs))
        return true;
    size_t n = strlen(dir);
    return a[0] != '/' && !strncmp(abs, dir, n) && abs[n] == '/' &&
           !strcmp(abs + n + 1, a[0] == '.' && a[1] == '/' ? a + 2 : a);
}

static void add_command(JobList *out, CXCompileCommand cmd, const char *dir, const char *file,
                        const char *abs)
{
    unsigned n = clang_CompileCommand_getNumArgs(cmd);
    Job j = {.file = abs, .shown = abs, .workdir = dir};
    j.args = ARENA_ARRAY(&out->arena, const char *, n + 1);
    for (unsigned i = 1; i < n; i++) {   /* argument 0 is the compiler */
        CXString s = clang_CompileCommand_getArg(cmd, i);
        const char *a = clang_getCString(s);
        if (drops_next(a))
            i++;
        else if (!drops_alone(a) && !is_source_arg(a, dir, file, abs))
            j.args[j.nargs++] = arena_strdup(&out->arena, a);
        clang_disposeString(s);
    }
    ARENA_PUSH(&out->arena, out->jobs, out->n, out->cap, j);
}

static bool is_c_family_only(const char *file)
{
    const char *dot = strrchr(file, '.');
    static const char *const other[] = {".cc", ".cpp", ".cxx", ".c++", ".C", ".mm", ".m",
                                        ".S", ".s", ".asm", NULL};
    for (int i = 0; dot && other[i]; i++)
        if (!strcmp(dot, other[i]))
            return false;
    return true;
}

/* Index in o->files of the FILE argument naming abs, or -1. */
static int find_file_arg(const Options *o, const char *cwd, const char *abs)
{
    char want[PATH_MAX], have[PATH_MAX];
    if (!realpath(abs, want))
        return -1;
    for (int i = 0; i < o->nfiles; i++) {
        char joined[PATH_MAX];
        snprintf(joined, sizeof joined, "%s%s%s", o->files[i][0] == '/' ? "" : cwd,
                 o->files[i][0] == '/' ? "" : "/", o->files[i]);
        if (realpath(joined, have) && !strcmp(want, have))
            return i;
    }
    return -1;
}

static bool already_listed(const JobList *out, const char *abs)
{
    for (int i = 0; i < out->n; i++)
        if (!strcmp(out->jobs[i].file, abs))
            return true;
    return false;
}

static void add_commands(const Options *o, const char *cwd, JobList *out, bool *used,
                         CXCompileCommands cmds)
{
    unsigned n = clang_CompileCommands_getSize(cmds);
    for (unsigned i = 0; i < n; i++) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
        CXString d = clang_CompileCommand_getDirectory(cmd);
        CXString f = clang_CompileCommand_getFilename(cmd);
        const char *dir = joblist_abs(out, cwd, clang_getCString(d));
        const char *file = arena_strdup(&out->arena, clang_getCString(f));
        const char *abs = joblist_abs(out, dir, file);
        clang_disposeString(d);
        clang_disposeString(f);
        int arg = o->nfiles ? find_file_arg(o, cwd, abs) : -1;
        if ((o->nfiles && arg < 0) || !is_c_family_only(abs) || already_listed(out, abs))
            continue;
        if (arg >= 0) {
            used[arg] = true;
            add_command(out, cmd, dir, file, abs);
            out->jobs[out->n - 1].shown = o->files[arg];
        } else {
            add_command(out, cmd, dir, file, abs);
        }
    }
}

/* libclang's loader prints its own multi-line complaints on stderr; ours
 * is one line. Runs before any worker thread exists. */
static CXCompilationDatabase load_quietly(const char *dir, CXCompilationDatabase_Error *err)
{
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && devnull >= 0)
        dup2(devnull, STDERR_FILENO);
    CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, err);
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (devnull >= 0)
        close(devnull);
    return db;
}

void joblist_add_compdb(const Options *o, const char *cwd, JobList *out, bool *used)
{
    const char *path = arena_printf(&out->arena, "%s/compile_commands.json", o->build_dir);
    if (!database_readable(path)) {
        out->trouble = true;
        return;
    }
    CXCompilationDatabase_Error err;
    CXCompilationDatabase db = load_quietly(o->build_dir, &err);
    if (err != CXCompilationDatabase_NoError || !db) {
        fprintf(stderr, "fsrace: error: %s: not a valid JSON compile database\n", path);
        out->trouble = true;
        return;
    }
    CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
    if (!cmds || clang_CompileCommands_getSize(cmds) == 0) {
        fprintf(stderr, "fsrace: error: %s: no compile commands in it\n", path);
        out->trouble = true;
    } else {
        add_commands(o, cwd, out, used, cmds);
    }
    if (cmds)
        clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
}
