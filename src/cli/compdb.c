/* compdb.c - see compdb.h. A "command" string is split as clang's
 * JSONCompilationDatabase splits it: blanks separate arguments, a
 * backslash takes the next character literally, '...' is literal and in
 * "..." a backslash escapes the next character (response files, @FILE,
 * are split the same way). */
#include "compdb.h"

#include <libgen.h>
#include <string.h>

#include "../util/json_read.h"
#include "../util/regular_file.h"
#include "../util/strbuf.h"

enum { MAX_COMPDB_MIB = 1024, MAX_RESPONSE_MIB = 16, MAX_RESPONSE_DEPTH = 8 };

/* One argument of a command string at *s; NULL at the end or on an
 * unterminated quote (*bad set). */
static const char *next_word(Arena *a, const char **s, bool *bad)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (!*p)
        return NULL;
    StrBuf w = {0};
    char quote = 0;
    for (; *p && (quote || !strchr(" \t\n\r", *p)); p++) {
        if (!quote && (*p == '\'' || *p == '"')) {
            quote = *p;
        } else if (quote && *p == quote) {
            quote = 0;
        } else if (*p == '\\' && quote != '\'' && p[1]) {
            sb_putc(&w, *++p);
        } else {
            sb_putc(&w, *p);
        }
    }
    *bad = quote != 0;
    *s = p;
    const char *word = arena_strdup(a, sb_str(&w));
    sb_free(&w);
    return word;
}

/* Append the words of text to argv; false on an unterminated quote. */
static bool split_words(Arena *a, const char *text, const char ***argv, int *argc, int *cap)
{
    bool bad = false;
    const char *word;
    while ((word = next_word(a, &text, &bad)) && !bad)
        ARENA_PUSH(a, *argv, *argc, *cap, word);
    return !bad;
}

static const char *split_command(Arena *a, const char *command, CompdbEntry *e)
{
    int cap = 0;
    if (!split_words(a, command, &e->argv, &e->argc, &cap))
        return "\"command\" has an unterminated quote";
    return e->argc ? NULL : "\"command\" is empty";
}

/* Replace each @FILE argument by the arguments FILE holds (relative to
 * the entry's directory), as compilers and libclang's own database reader
 * do; libclang's parser would not. One that cannot be read stays as it is. */
static void expand_response_files(Arena *a, CompdbEntry *e, int depth)
{
    const char **out = NULL;
    int n = 0, cap = 0;
    bool expanded = false;
    for (int i = 0; i < e->argc; i++) {
        const char *arg = e->argv[i];
        FileBytes f = {0};
        const char *path = arg[0] != '@' || !arg[1] ? NULL
                           : arg[1] == '/' ? arg + 1 : arena_printf(a, "%s/%s", e->directory, arg + 1);
        if (i > 0 && path && !regular_file_read(path, MAX_RESPONSE_MIB, &f) &&
            split_words(a, f.data, &out, &n, &cap)) {
            expanded = true;
        } else {
            ARENA_PUSH(a, out, n, cap, arg);
        }
        file_bytes_free(&f);
    }
    e->argv = out;
    e->argc = n;
    if (expanded && depth < MAX_RESPONSE_DEPTH)
        expand_response_files(a, e, depth + 1);
}

static const char *take_arguments(Arena *a, const JsonValue *args, CompdbEntry *e)
{
    if (args->kind != JSON_ARRAY || args->n == 0)
        return "\"arguments\" is not a non-empty list of strings";
    e->argv = ARENA_ARRAY(a, const char *, args->n);
    for (int i = 0; i < args->n; i++) {
        if (args->items[i]->kind != JSON_STRING)
            return "\"arguments\" is not a non-empty list of strings";
        e->argv[e->argc++] = args->items[i]->string;
    }
    return NULL;
}

static const char *string_member(const JsonValue *v, const char *key, const char **out)
{
    const JsonValue *m = json_get(v, key);
    if (!m)
        return "is missing";
    if (m->kind != JSON_STRING || !*m->string)
        return "is not a non-empty string";
    *out = m->string;
    return NULL;
}

/* One element of the array; db_dir resolves a relative "directory". */
static const char *read_entry(Arena *a, const JsonValue *v, const char *db_dir, CompdbEntry *e)
{
    if (v->kind != JSON_OBJECT)
        return "not an object with \"directory\", \"file\" and \"arguments\" or \"command\"";
    const char *why;
    if ((why = string_member(v, "directory", &e->directory)))
        return arena_printf(a, "\"directory\" %s", why);
    if ((why = string_member(v, "file", &e->file)))
        return arena_printf(a, "\"file\" %s", why);
    if (e->directory[0] != '/')
        e->directory = arena_printf(a, "%s/%s", db_dir, e->directory);
    const JsonValue *args = json_get(v, "arguments"), *command = json_get(v, "command");
    if (!args && (!command || command->kind != JSON_STRING))
        return "has neither \"arguments\" (a list) nor \"command\" (a string)";
    why = args ? take_arguments(a, args, e) : split_command(a, command->string, e);
    if (!why)
        expand_response_files(a, e, 0);
    return why;
}

/* The absolute folder holding the database. */
static const char *folder_of(Arena *a, const char *path, const char *cwd)
{
    char *copy = arena_strdup(a, path);
    const char *dir = dirname(copy);
    return dir[0] == '/' ? dir : arena_printf(a, "%s/%s", cwd, dir);
}

static const char *read_entries(Arena *a, const JsonValue *root, const char *db_dir, Compdb *db)
{
    if (root->kind != JSON_ARRAY)
        return "not a compile database: expected a list of entries";
    if (root->n == 0)
        return "no compile commands in it";
    for (int i = 0; i < root->n; i++) {
        CompdbEntry e = {0};
        const char *why = read_entry(a, root->items[i], db_dir, &e);
        if (why)
            return arena_printf(a, "entry %d: %s", i + 1, why);
        ARENA_PUSH(a, db->entries, db->n, db->cap, e);
    }
    return NULL;
}

const char *compdb_load(Arena *a, const char *path, const char *cwd, Compdb *db)
{
    FileBytes f = {0};
    const char *why = regular_file_read(path, MAX_COMPDB_MIB, &f);
    db->path = path;
    if (why)
        return arena_strdup(a, why);
    const char *syntax;
    size_t at;
    const JsonValue *root = json_parse_at(a, f.data, f.size, &syntax, &at);
    if (f.size == strspn(f.data, " \t\r\n")) {
        why = "empty file, not a compile database";
    } else if (!root) {
        unsigned line, col;
        json_position(f.data, at, &line, &col);
        why = arena_printf(a, "%u:%u: not valid JSON: %s", line, col, syntax);
    } else {
        why = read_entries(a, root, folder_of(a, path, cwd), db);
    }
    file_bytes_free(&f);
    return why;
}
