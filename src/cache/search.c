/* search.c - include search directories for the cache; see search.h. */
#include "search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../util/path.h"

enum { MAX_PROBE_BYTES = 65536 };

/* What libclang printed on fd 2 while parsing an empty file with -v. */
static char *probe_output(void)
{
    int saved = dup(STDERR_FILENO), mem = memfd_create("fsrace-probe", MFD_CLOEXEC);
    if (saved < 0 || mem < 0 || dup2(mem, STDERR_FILENO) < 0) {
        if (saved >= 0)
            close(saved);
        if (mem >= 0)
            close(mem);
        return NULL;
    }
    CXIndex index = clang_createIndex(0, 0);
    const char *argv[] = {"clang", "-v", "fsrace-probe.c"};
    struct CXUnsavedFile empty = {"fsrace-probe.c", "", 0};
    CXTranslationUnit tu = NULL;
    clang_parseTranslationUnit2FullArgv(index, NULL, argv, 3, &empty, 1, 0, &tu);
    if (tu)
        clang_disposeTranslationUnit(tu);
    clang_disposeIndex(index);
    dup2(saved, STDERR_FILENO);
    close(saved);
    char *text = calloc(MAX_PROBE_BYTES + 1, 1);
    ssize_t n = text ? pread(mem, text, MAX_PROBE_BYTES, 0) : -1;
    close(mem);
    if (n < 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* The directory a -v line names: ' /usr/include' in the search list, or
 * 'ignoring nonexistent directory "/x"'; NULL for other lines. */
static const char *dir_of_line(char *line)
{
    static const char skipped[] = "ignoring nonexistent directory \"";
    if (line[0] == ' ' && line[1] == '/')
        return line + 1;
    if (strncmp(line, skipped, sizeof skipped - 1))
        return NULL;
    char *dir = line + sizeof skipped - 1, *end = strrchr(dir, '"');
    if (!end || dir[0] != '/')
        return NULL;
    *end = '\0';
    return dir;
}

char *search_system_dirs(void)
{
    char *text = probe_output();
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    if (!mem) {
        free(text);
        return strdup("");
    }
    for (char *save = NULL, *line = text ? strtok_r(text, "\n", &save) : NULL; line;
         line = strtok_r(NULL, "\n", &save)) {
        const char *dir = dir_of_line(line);
        if (dir)
            fprintf(mem, "%s\n", dir);
    }
    fclose(mem);
    free(text);
    return out;
}

static void add_dir(Arena *a, SearchDirs *out, const char *base, const char *dir)
{
    const char *abs = path_absolute(a, base, *dir ? dir : ".");
    ARENA_PUSH(a, out->dirs, out->n, out->cap, abs);
}

/* The directory an argument names, with *skip set when it is the next
 * argument ("-I dir"); NULL for arguments that name no search directory. */
static const char *dir_argument(const char *arg, const char *next, int *skip)
{
    /* Longer names first: "-isystem-after" before "-isystem". */
    static const char *const options[] = {
        "--include-directory-after=", "--include-directory=", "--include-directory-after",
        "--include-directory", "-isystem-after", "-cxx-isystem", "-isystem", "-iquote",
        "-idirafter", "-iframework", "-I", "-F",
    };
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        size_t n = strlen(options[i]);
        if (strncmp(arg, options[i], n))
            continue;
        if (arg[n])
            return arg + n;
        *skip = next != NULL;
        return next;
    }
    return NULL;
}

static void add_env_dirs(Arena *a, SearchDirs *out, const char *base)
{
    static const char *const vars[] = {"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH",
                                       "OBJC_INCLUDE_PATH", "OBJCPLUS_INCLUDE_PATH"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *value = getenv(vars[i]);
        for (const char *p = value; p; p = strchr(p, ':') ? strchr(p, ':') + 1 : NULL) {
            size_t n = strcspn(p, ":");
            add_dir(a, out, base, arena_printf(a, "%.*s", (int)n, p));   /* "" is "." */
        }
    }
}

void search_dirs_of(const Job *job, const char *base, const char *system, Arena *a,
                    SearchDirs *out)
{
    for (int i = 0; i < job->nargs; i++) {
        int skip = 0;
        const char *dir = dir_argument(job->args[i], i + 1 < job->nargs ? job->args[i + 1] : NULL,
                                       &skip);
        if (dir)
            add_dir(a, out, base, dir);
        i += skip;
    }
    add_env_dirs(a, out, base);
    for (const char *p = system; p && *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0))
        add_dir(a, out, "/", arena_printf(a, "%.*s", (int)strcspn(p, "\n"), p));
}
