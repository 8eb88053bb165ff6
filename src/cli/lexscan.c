/* lexscan.c - a C file's includes, macro definitions and code identifiers,
 * read with a small lexer (comments, literals, line continuations and
 * directives; no expansion, no conditionals: both branches of an #if
 * count). See lexscan.h. */
#include "lexscan.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_SCAN_BYTES = 64 << 20 };

/* An interned spelling; names handed out point at text. */
struct Word {
    unsigned hash;
    int scan;                   /* a path's: 1 + its position in files, or
                                 * SCAN_ABSENT, SCAN_UNREADABLE; 0 not read */
    unsigned marks[WORD_SLOTS];
    char text[];
};

enum { SLOT_FILE, SLOT_FUNC, SLOT_STATIC, SLOT_OTHER };   /* the scanner's slots */

/* A declaration at file level, read up to its `;` or body. */
typedef struct Decl {
    int parens;                 /* depth of ( ) */
    const char *name;           /* last identifier before a ( at depth 0 */
    const char *last;           /* the identifier just read, if the last token */
    bool is_static, assigns;
    char prev;                  /* the last token: 'i' identifier, ')' ... */
} Decl;

typedef struct Lexer {
    ScanCache *c;
    FileScan *out;
    const char *p, *end;
    unsigned stamp;             /* this file's marks */
    int depth;                  /* of { } in the code so far */
    Decl decl;
    FuncDef *fn;                /* the function whose body is being read */
    unsigned fn_stamp;
} Lexer;

static Word *word_of(const char *name)
{
    return (Word *)(name - offsetof(Word, text));
}

unsigned scan_new_stamp(ScanCache *c)
{
    return ++c->stamps;
}

bool word_mark(const char *name, int slot, unsigned stamp)
{
    Word *w = word_of(name);
    if (w->marks[slot] == stamp)
        return false;
    w->marks[slot] = stamp;
    return true;
}

/* FNV-1a, from h (2166136261u to start). */
static unsigned hash_bytes(const char *s, size_t n, unsigned h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void intern_grow(Words *t)
{
    int cap = t->cap ? t->cap * 2 : 4096;
    Word **slots = calloc((size_t)cap, sizeof(Word *));
    if (!slots)
        abort();
    for (int i = 0; i < t->cap; i++)
        if (t->slots[i]) {
            unsigned k = t->slots[i]->hash & (unsigned)(cap - 1);
            while (slots[k])
                k = (k + 1) & (unsigned)(cap - 1);
            slots[k] = t->slots[i];
        }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

/* The one copy in t of the spelling s[0..n). */
static Word *intern_in(Words *t, Arena *a, const char *s, size_t n)
{
    if (2 * (t->n + 1) > t->cap)
        intern_grow(t);
    unsigned h = hash_bytes(s, n, 2166136261u);
    unsigned mask = (unsigned)t->cap - 1, k = h & mask;
    for (; t->slots[k]; k = (k + 1) & mask) {
        const Word *w = t->slots[k];
        if (w->hash == h && !strncmp(w->text, s, n) && !w->text[n])
            return t->slots[k];
    }
    Word *w = arena_alloc(a, sizeof(Word) + n + 1);
    w->hash = h;
    memcpy(w->text, s, n);
    t->slots[k] = w;
    t->n++;
    return w;
}

static const char *intern(ScanCache *c, const char *s, size_t n)
{
    return intern_in(&c->words, &c->arena, s, n)->text;
}

static Word *path_word(ScanCache *c, const char *dir, size_t ndir, const char *name)
{
    Arena *a = c->names ? c->names : &c->arena;
    size_t nname = strlen(name);
    if (name[0] == '/' || !dir)
        return intern_in(&c->paths, a, name, nname);
    char buf[1024];
    char *path = ndir + nname + 2 <= sizeof buf ? buf : malloc(ndir + nname + 2);
    if (!path)
        abort();
    memcpy(path, dir, ndir);
    path[ndir] = '/';
    memcpy(path + ndir + 1, name, nname + 1);
    Word *w = intern_in(&c->paths, a, path, ndir + 1 + nname);
    if (path != buf)
        free(path);
    return w;
}

const char *scan_path(ScanCache *c, const char *dir, size_t ndir, const char *name)
{
    return path_word(c, dir, ndir, name)->text;
}

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
    return intern(L->c, start, (size_t)(L->p - start));
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
    if (L->fn && word_mark(name, SLOT_FUNC, L->fn_stamp))
        ARENA_PUSH(&L->c->arena, L->fn->idents, L->fn->n, L->fn->cap, name);
    if (word_mark(name, SLOT_FILE, L->stamp))
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

/* #define NAME[(params)] body: the body's identifiers, and the tokens it
 * pastes together with ## (Paste). */
static void read_define(Lexer *L)
{
    skip_blanks(L);
    if (L->p >= L->end || !is_ident_start(*L->p))
        return skip_directive(L);
    Macro m = {.name = read_ident(L)};
    const char *params[64];
    int np = 0;
    bool many = false;          /* more parameters than params holds */
    if (L->p < L->end && *L->p == '(') {
        L->p++;
        while (L->p < L->end && *L->p != ')' && *L->p != '\n') {
            skip_blanks(L);
            if (L->p < L->end && is_ident_start(*L->p)) {
                const char *param = read_ident(L);
                if (np < 64)
                    params[np++] = param;
                else
                    many = true;
            } else if (L->p < L->end && *L->p != ')' && *L->p != '\n')
                L->p++;
        }
        if (L->p < L->end && *L->p == ')')
            L->p++;
    }
    const char *part, *prev = NULL;   /* a token, and the one before, as paste parts */
    bool in_paste = false;      /* it ended the current Paste */
    bool paste_next = false;    /* a ## came: the next token joins */
    while (L->p < L->end && *L->p != '\n') {
        skip_blanks(L);
        if (L->p >= L->end || *L->p == '\n')
            break;
        char kind = 'i';
        if (is_ident_start(*L->p)) {
            const char *name = read_ident(L);
            ARENA_PUSH(&L->c->arena, m.idents, m.n, m.cap, name);
            part = many || is_param(params, np, name) || !strcmp(name, "__VA_ARGS__") ? NULL : name;
        } else if (*L->p == '"' || *L->p == '\'') {
            skip_literal(L);
            part = NULL;
            kind = '"';
        } else {
            kind = skip_other(L);
            part = NULL;        /* a number or punctuation: not known */
        }
        if (kind == 'P') {
            if (!in_paste) {    /* a new token: its first part is the one before */
                Paste p = {0};
                ARENA_PUSH(&L->c->arena, m.pastes, m.npastes, m.cap_pastes, p);
                Paste *cur = &m.pastes[m.npastes - 1];
                ARENA_PUSH(&L->c->arena, cur->parts, cur->n, cur->cap, prev);
            }
            paste_next = true;
            continue;
        }
        in_paste = paste_next;
        if (paste_next) {
            Paste *cur = &m.pastes[m.npastes - 1];
            ARENA_PUSH(&L->c->arena, cur->parts, cur->n, cur->cap, part);
        }
        paste_next = false;
        prev = part;
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

/* Words followed by ( in a declaration that are not its name. */
static bool is_decl_keyword(const char *s)
{
    static const char *const words[] = {"__attribute__", "__attribute", "__declspec", "asm",
                                        "__asm__", "__asm", "_Alignas", "alignas",
                                        "__typeof__", "typeof", "_Static_assert", NULL};
    for (int i = 0; words[i]; i++)
        if (!strcmp(s, words[i]))
            return true;
    return false;
}

/* A { at file level: a function's body when the declaration named one,
 * assigns nothing and ends its parameters (or an attribute) there. */
static void open_brace(Lexer *L)
{
    Decl *d = &L->decl;
    if (L->depth != 1 || d->parens || !d->name || d->assigns || (d->prev != ')' && d->prev != 'i'))
        return;
    bool exported = !d->is_static && word_mark(d->name, SLOT_STATIC, L->stamp);
    if (exported)   /* not marked static: undo the mark */
        word_of(d->name)->marks[SLOT_STATIC] = 0;
    FuncDef f = {.name = d->name, .exported = exported};
    ARENA_PUSH(&L->c->arena, L->out->funcs, L->out->nfuncs, L->out->cap_funcs, f);
    L->fn = &L->out->funcs[L->out->nfuncs - 1];
    L->fn_stamp = scan_new_stamp(L->c);
}

/* The end of a declaration (its ; or its body's }). */
static void end_decl(Lexer *L)
{
    if (L->decl.is_static && L->decl.name)   /* its later definition is static too */
        word_mark(L->decl.name, SLOT_STATIC, L->stamp);
    L->decl = (Decl){0};
    L->fn = NULL;
}

/* Punctuation at file level, for the declaration being read. */
static void decl_punct(Lexer *L, char ch)
{
    Decl *d = &L->decl;
    if (ch == '(' && !d->parens++ && d->last && !is_decl_keyword(d->last))
        d->name = d->last;
    else if (ch == ')' && d->parens)
        d->parens--;
    else if (ch == '=' && !d->parens)
        d->assigns = true;
    else if (ch == ';' && !d->parens)
        end_decl(L);
    d->last = NULL;
    d->prev = ch;
}

static void decl_ident(Lexer *L, const char *name)
{
    L->decl.is_static |= !strcmp(name, "static");
    L->decl.last = L->decl.parens ? NULL : name;
    L->decl.prev = 'i';
}

/* Code outside directives: identifiers, and braces for the functions. */
static void read_code(Lexer *L, char *prev)
{
    char ch = *L->p;
    if (is_ident_start(ch)) {
        const char *name = read_ident(L);
        if (*prev != 'T' && *prev != '.')
            add_ident(L, name);
        else if (word_mark(name, SLOT_OTHER, L->stamp))
            ARENA_PUSH(&L->c->arena, L->out->others, L->out->nothers, L->out->cap_others, name);
        if (!L->depth)
            decl_ident(L, name);
        *prev = is_tag_keyword(name) ? 'T' : 'i';
        return;
    }
    if (ch == '"' || ch == '\'') {
        skip_literal(L);
        *prev = '"';
        return;
    }
    *prev = skip_other(L);
    if (*prev == '{' && ++L->depth == 1)
        open_brace(L);
    else if (*prev == '}' && L->depth > 0 && !--L->depth && L->fn)
        end_decl(L);
    else if (!L->depth)
        decl_punct(L, *prev);
}

void scan_text(ScanCache *c, FileScan *out, const char *data, size_t len)
{
    Lexer L = {c, out, data, data + len, scan_new_stamp(c), 0, {0}, NULL, 0};
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
        read_code(&L, &prev);
    }
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
    Word *p = path_word(c, NULL, 0, path);
    if (p->scan)
        return p->scan > 0 ? c->files[p->scan - 1] : NULL;
    struct stat st;
    size_t len = 0;
    bool absent;
    char *data = read_regular(path, &st, &len, &absent);
    if (!data) {
        p->scan = absent ? SCAN_ABSENT : SCAN_UNREADABLE;
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
    p->scan = c->n;
    return f;
}

bool scan_was_absent(ScanCache *c, const char *path)
{
    return path_word(c, NULL, 0, path)->scan == SCAN_ABSENT;
}

void scan_cache_free(ScanCache *c)
{
    free(c->words.slots);
    free(c->paths.slots);
    arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}
