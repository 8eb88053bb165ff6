/* lexscan.c - a C file's includes, macro definitions and code identifiers,
 * read with a small lexer (comments, literals, line continuations and
 * directives; no expansion, no conditionals: both branches of an #if
 * count). See lexscan.h. */
#include "lexscan.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_SCAN_BYTES = 64 << 20 };

typedef struct Lexer {
    ScanCache *c;
    FileScan *out;
    const char *p, *end;
    StrMap seen;                /* identifiers already in out->idents */
    int depth;                  /* of { } in the code so far */
} Lexer;

static bool is_ident_start(char ch)
{
    return isalpha((unsigned char)ch) || ch == '_' || ch == '$';
}

static bool is_ident_char(char ch)
{
    return isalnum((unsigned char)ch) || ch == '_' || ch == '$';
}

/* Past blanks, comments and line continuations; stops at a newline. */
static void skip_blanks(Lexer *L)
{
    while (L->p < L->end) {
        if (*L->p == ' ' || *L->p == '\t' || *L->p == '\r' || *L->p == '\f' || *L->p == '\v')
            L->p++;
        else if (*L->p == '\\' && L->p + 1 < L->end && L->p[1] == '\n')
            L->p += 2;
        else if (*L->p == '/' && L->p + 1 < L->end && L->p[1] == '*') {
            const char *close = L->end - L->p > 2 ? memmem(L->p + 2, (size_t)(L->end - L->p - 2), "*/", 2) : NULL;
            L->p = close ? close + 2 : L->end;
        } else if (*L->p == '/' && L->p + 1 < L->end && L->p[1] == '/') {
            while (L->p < L->end && *L->p != '\n')
                L->p++;
        } else
            return;
    }
}

static const char *read_ident(Lexer *L)
{
    const char *start = L->p;
    while (L->p < L->end && is_ident_char(*L->p))
        L->p++;
    return arena_strndup(&L->c->arena, start, (size_t)(L->p - start));
}

/* Past a string or character literal starting at L->p. */
static void skip_literal(Lexer *L)
{
    char quote = *L->p++;
    while (L->p < L->end && *L->p != quote && *L->p != '\n')
        L->p += *L->p == '\\' && L->p + 1 < L->end ? 2 : 1;
    if (L->p < L->end && *L->p == quote)
        L->p++;
}

/* One token's worth of punctuation or number, so that "0x1stat" stays a
 * number and "->" is seen whole. Returns its first character. */
static char skip_other(Lexer *L)
{
    char ch = *L->p;
    if (isdigit((unsigned char)ch) || (ch == '.' && L->p + 1 < L->end && isdigit((unsigned char)L->p[1]))) {
        while (L->p < L->end && (is_ident_char(*L->p) || *L->p == '.'))
            L->p++;
        return '0';
    }
    if (ch == '-' && L->p + 1 < L->end && L->p[1] == '>') {
        L->p += 2;
        return '.';
    }
    if (ch == '#' && L->p + 1 < L->end && L->p[1] == '#') {
        L->p += 2;
        return 'P';             /* token pasting */
    }
    L->p++;
    return ch;
}

static void add_ident(Lexer *L, const char *name)
{
    if (strmap_get(&L->seen, name, NULL))
        return;
    strmap_put(&L->seen, name, 1);
    ARENA_PUSH(&L->c->arena, L->out->idents, L->out->nidents, L->out->cap_idents, name);
}

/* The rest of the directive line, for lines that say nothing we use. */
static void skip_directive(Lexer *L)
{
    while (L->p < L->end && *L->p != '\n') {
        skip_blanks(L);
        if (L->p < L->end && (*L->p == '"' || *L->p == '\''))
            skip_literal(L);
        else if (L->p < L->end && *L->p != '\n')
            L->p++;
    }
}

static void read_include(Lexer *L)
{
    skip_blanks(L);
    if (L->p < L->end && (*L->p == '"' || *L->p == '<')) {
        char close = *L->p == '"' ? '"' : '>';
        Include inc = {.quoted = close == '"', .in_braces = L->depth > 0};
        const char *name = ++L->p;
        while (L->p < L->end && *L->p != close && *L->p != '\n')
            L->p++;
        if (L->p < L->end && *L->p == close && L->p > name) {
            inc.name = arena_strndup(&L->c->arena, name, (size_t)(L->p - name));
            ARENA_PUSH(&L->c->arena, L->out->includes, L->out->nincludes, L->out->cap_includes, inc);
        }
    } else if (L->p < L->end && is_ident_start(*L->p))
        L->out->computed_include = true;
    skip_directive(L);
}

static bool is_param(const char **params, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(params[i], name))
            return true;
    return false;
}

static void push_pasted(Lexer *L, Macro *m, const char *operand, const char **params, int np)
{
    const char *what = is_param(params, np, operand) ? "" : operand;
    ARENA_PUSH(&L->c->arena, m->pasted, m->npasted, m->cap_pasted, what);
}

/* #define NAME[(params)] body: the body's identifiers, and the operands
 * of ## (a parameter operand can become any name). */
static void read_define(Lexer *L)
{
    skip_blanks(L);
    if (L->p >= L->end || !is_ident_start(*L->p))
        return skip_directive(L);
    Macro m = {.name = read_ident(L)};
    const char *params[64];
    int np = 0;
    if (L->p < L->end && *L->p == '(') {
        L->p++;
        while (L->p < L->end && *L->p != ')' && *L->p != '\n') {
            skip_blanks(L);
            if (L->p < L->end && is_ident_start(*L->p)) {
                const char *param = read_ident(L);
                if (np < 64)
                    params[np++] = param;
            } else if (L->p < L->end && *L->p != ')' && *L->p != '\n')
                L->p++;
        }
        if (L->p < L->end && *L->p == ')')
            L->p++;
    }
    const char *last = NULL;    /* the identifier just before, if any */
    bool paste_next = false;
    while (L->p < L->end && *L->p != '\n') {
        skip_blanks(L);
        if (L->p >= L->end || *L->p == '\n')
            break;
        if (is_ident_start(*L->p)) {
            last = read_ident(L);
            ARENA_PUSH(&L->c->arena, m.idents, m.n, m.cap, last);
            if (paste_next)
                push_pasted(L, &m, last, params, np);
            paste_next = false;
            continue;
        }
        if (*L->p == '"' || *L->p == '\'') {
            skip_literal(L);
            last = NULL;
            continue;
        }
        if (skip_other(L) == 'P') {
            if (last)
                push_pasted(L, &m, last, params, np);
            paste_next = true;
        }
        last = NULL;
    }
    ARENA_PUSH(&L->c->arena, L->out->macros, L->out->nmacros, L->out->cap_macros, m);
}

static void read_directive(Lexer *L)
{
    skip_blanks(L);
    if (L->p >= L->end || !is_ident_start(*L->p))
        return skip_directive(L);
    const char *start = L->p;
    while (L->p < L->end && is_ident_char(*L->p))
        L->p++;
    size_t n = (size_t)(L->p - start);
    if (n == 6 && !strncmp(start, "define", 6))
        read_define(L);
    else if ((n == 7 && !strncmp(start, "include", 7)) ||
             (n == 12 && !strncmp(start, "include_next", 12)) ||
             (n == 6 && !strncmp(start, "import", 6)))
        read_include(L);
    else
        skip_directive(L);
}

static bool is_tag_keyword(const char *s)
{
    return !strcmp(s, "struct") || !strcmp(s, "union") || !strcmp(s, "enum");
}

void scan_text(ScanCache *c, FileScan *out, const char *data, size_t len)
{
    Lexer L = {c, out, data, data + len, {0}, 0};
    bool line_start = true;
    char prev = ' ';            /* 'T': a tag keyword, '.': member access */
    while (L.p < L.end) {
        skip_blanks(&L);
        if (L.p >= L.end)
            break;
        char ch = *L.p;
        if (ch == '\n') {
            L.p++;
            line_start = true;
            continue;
        }
        if (ch == '#' && line_start) {
            L.p++;
            read_directive(&L);
            continue;
        }
        line_start = false;
        if (is_ident_start(ch)) {
            const char *name = read_ident(&L);
            if (prev != 'T' && prev != '.')
                add_ident(&L, name);
            prev = is_tag_keyword(name) ? 'T' : 'i';
        } else if (ch == '"' || ch == '\'') {
            skip_literal(&L);
            prev = '"';
        } else {
            prev = skip_other(&L);
            L.depth += prev == '{' ? 1 : prev == '}' && L.depth > 0 ? -1 : 0;
        }
    }
    strmap_free(&L.seen);
}

/* At most MAX_SCAN_BYTES of a regular file; never blocks on a FIFO.
 * NULL with *absent set when there is no such file. */
static char *read_regular(const char *path, struct stat *st, size_t *len, bool *absent)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    *absent = fd < 0 && (errno == ENOENT || errno == ENOTDIR);
    if (fd < 0)
        return NULL;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        close(fd);
        return NULL;
    }
    size_t want = st->st_size <= MAX_SCAN_BYTES ? (size_t)st->st_size : 0;
    char *data = malloc(want + 1);
    size_t got = 0;
    while (data && got < want) {
        ssize_t r = read(fd, data + got, want - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    *len = got;
    return data;
}

const FileScan *scan_file(ScanCache *c, const char *path)
{
    int at;
    if (strmap_get(&c->index, path, &at))
        return at < 0 ? NULL : c->files[at];
    struct stat st;
    size_t len = 0;
    bool absent;
    char *data = read_regular(path, &st, &len, &absent);
    if (!data) {
        strmap_put(&c->index, path, absent ? SCAN_ABSENT : SCAN_UNREADABLE);
        return NULL;
    }
    FileScan *f = ARENA_NEW(&c->arena, FileScan);
    f->bytes = (long long)st.st_size;
    f->partial = (long long)len < f->bytes;
    f->mtime_sec = (long long)st.st_mtim.tv_sec;
    f->mtime_nsec = (long long)st.st_mtim.tv_nsec;
    f->ino = (long long)st.st_ino;
    scan_text(c, f, data, len);
    free(data);
    ARENA_PUSH(&c->arena, c->files, c->n, c->cap, f);
    strmap_put(&c->index, path, c->n - 1);
    return f;
}

bool scan_was_absent(const ScanCache *c, const char *path)
{
    int at;
    return strmap_get(&c->index, path, &at) && at == SCAN_ABSENT;
}

void scan_cache_free(ScanCache *c)
{
    strmap_free(&c->index);
    arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}
