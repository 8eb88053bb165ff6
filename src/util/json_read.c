/* json_read.c - recursive descent over RFC 8259 JSON; see json_read.h. */
#include "json_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "byte_table.h"
#include "strbuf.h"
#include "strmap.h"

enum { MAX_DEPTH = 64 };

typedef struct Parser {
    Arena *a;
    const char *p, *end;
    const char *error;
} Parser;

static JsonValue *value(Parser *ps, int depth);

static void skip_ws(Parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' || *ps->p == '\n'))
        ps->p++;
}

static JsonValue *fail(Parser *ps, const char *why)
{
    if (!ps->error)
        ps->error = why;
    return NULL;
}

static bool literal(Parser *ps, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || strncmp(ps->p, word, n) != 0)
        return false;
    ps->p += n;
    return true;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static void put_utf8(StrBuf *b, unsigned cp)
{
    if (cp < 0x80) {
        sb_putc(b, (char)cp);
    } else if (cp < 0x800) {
        sb_putc(b, (char)(0xC0 | (cp >> 6)));
        sb_putc(b, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        sb_putc(b, (char)(0xE0 | (cp >> 12)));
        sb_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(b, (char)(0x80 | (cp & 0x3F)));
    } else {
        sb_putc(b, (char)(0xF0 | (cp >> 18)));
        sb_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
        sb_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        sb_putc(b, (char)(0x80 | (cp & 0x3F)));
    }
}

/* \uXXXX (and a following low surrogate) at ps->p, just after the 'u'.
 * A surrogate that is not part of a pair, and \u0000, have no place in
 * the UTF-8, NUL-terminated strings fsrace uses: they are errors. */
static bool unicode_escape(Parser *ps, StrBuf *b)
{
    int hi = ps->end - ps->p >= 4 ? hex4(ps->p) : -1;
    if (hi < 0)
        return fail(ps, "bad \\u escape: expected four hexadecimal digits"), false;
    ps->p += 4;
    unsigned cp = (unsigned)hi;
    if (hi >= 0xD800 && hi <= 0xDBFF && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
        ps->p[1] == 'u') {
        int lo = hex4(ps->p + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + (((unsigned)hi - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
            ps->p += 6;
        }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        ps->p -= 6;
        return fail(ps, "a \\u escape of a lone UTF-16 surrogate (\\ud800-\\udfff must come "
                        "in high-low pairs)"), false;
    }
    if (cp == 0) {
        ps->p -= 6;
        return fail(ps, "\\u0000 (a NUL character) in a string is not supported"), false;
    }
    put_utf8(b, cp);
    return true;
}

static bool escape(Parser *ps, StrBuf *b)
{
    if (ps->p >= ps->end)
        return false;
    char c = *ps->p++;
    const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
    const char *at = strchr(from, c);
    if (c && at) {
        sb_putc(b, to[at - from]);
        return true;
    }
    return c == 'u' && unicode_escape(ps, b);
}

/* The plain string at ps->p (after its opening quote): no escape and no
 * control character before the closing quote, as nearly every string in
 * a cache entry; NULL (ps->p unmoved) for any other. */
/* Where a plain string stops: the closing quote, an escape, a control
 * character. A table, one test per byte: cache entries are mostly paths. */
static const unsigned char STOPS_PLAIN[256] = {BYTE_TABLE_C0, ['"'] = 1, ['\\'] = 1};

static const char *plain_string(Parser *ps)
{
    const char *q = ps->p;
    while (q < ps->end && !STOPS_PLAIN[(unsigned char)*q])
        q++;
    if (q >= ps->end || *q != '"')
        return NULL;
    const char *s = arena_strndup(ps->a, ps->p, (size_t)(q - ps->p));
    ps->p = q + 1;
    return s;
}

static const char *string(Parser *ps)
{
    StrBuf b = {0};
    ps->p++;   /* the opening quote */
    const char *plain = plain_string(ps);
    if (plain)
        return plain;
    while (ps->p < ps->end && *ps->p != '"') {
        unsigned char c = (unsigned char)*ps->p++;
        if (c < 0x20 || (c == '\\' && !escape(ps, &b))) {
            sb_free(&b);
            if (c < 0x20)
                ps->p--;
            fail(ps, c < 0x20 ? "a control character in a string (write it as an escape)"
                              : "bad escape in a string");
            return NULL;
        }
        if (c != '\\')
            sb_putc(&b, (char)c);
    }
    if (ps->p >= ps->end) {
        sb_free(&b);
        fail(ps, "unterminated string");
        return NULL;
    }
    ps->p++;
    const char *s = arena_strdup(ps->a, sb_str(&b));
    sb_free(&b);
    return s;
}

/* Length of the digits at s (before end). */
static size_t digits(const char *s, const char *end)
{
    size_t n = 0;
    while (s + n < end && s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

/* Length of the number at s, as RFC 8259 spells it: -?int frac? exp?,
 * the integer part without leading zeros; 0 when it is not one. */
static size_t number_length(const char *s, const char *end)
{
    const char *p = s + (s < end && *s == '-');
    size_t n = digits(p, end);
    if (n == 0 || (n > 1 && *p == '0'))
        return 0;
    p += n;
    if (p < end && *p == '.') {
        if (!(n = digits(p + 1, end)))
            return 0;
        p += 1 + n;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p += 1 + (p + 1 < end && (p[1] == '+' || p[1] == '-'));
        if (!(n = digits(p, end)))
            return 0;
        p += n;
    }
    return (size_t)(p - s);
}

/* Numbers longer than this are not ones fsrace's files hold. */
enum { MAX_NUMBER_CHARS = 40 };

/* A plain integer of up to 15 digits is exact in a double: computed
 * here, as most numbers in a cache entry are (strtod is slower). */
static bool exact_integer(const char *s, size_t n, double *out)
{
    bool minus = *s == '-';
    if (n - minus > 15)
        return false;
    long long value = 0;
    for (size_t i = minus; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    *out = minus ? -(double)value : (double)value;
    return true;
}

static JsonValue *number(Parser *ps, JsonValue *v)
{
    if (*ps->p != '-' && (*ps->p < '0' || *ps->p > '9'))
        return fail(ps, "expected a value (an object, list, string, number, true, false "
                        "or null)");
    size_t n = number_length(ps->p, ps->end);
    if (n == 0)
        return fail(ps, "bad number");
    if (exact_integer(ps->p, n, &v->number)) {
        ps->p += n;
        v->kind = JSON_NUMBER;
        return v;
    }
    char buf[MAX_NUMBER_CHARS + 1];
    if (n > MAX_NUMBER_CHARS)
        return fail(ps, "number out of range (more than 40 characters)");
    memcpy(buf, ps->p, n);
    buf[n] = '\0';
    errno = 0;
    v->number = strtod(buf, NULL);
    if (errno == ERANGE && (v->number > 1 || v->number < -1))
        return fail(ps, "number out of range");
    ps->p += n;
    v->kind = JSON_NUMBER;
    return v;
}

static void push(Parser *ps, JsonValue *v, const char *key, JsonValue *item)
{
    if (v->n == v->cap) {
        int cap = v->cap;
        v->items = arena_grow(ps->a, v->items, sizeof(JsonValue *), v->n, &cap);
        if (v->kind == JSON_OBJECT) {
            int kcap = v->cap;
            v->keys = arena_grow(ps->a, v->keys, sizeof(char *), v->n, &kcap);
        }
        v->cap = cap;
    }
    if (key)
        v->keys[v->n] = key;
    v->items[v->n++] = item;
}

/* Has the object v a member named key already? Objects of more than a
 * few members are looked up in `seen` (filled as it grows), so a file
 * declaring 40,000 functions stays linear. */
static bool duplicate(const JsonValue *v, const char *key, StrMap *seen)
{
    enum { SCAN = 16 };
    if (v->n < SCAN) {
        for (int i = 0; i < v->n; i++)
            if (!strcmp(v->keys[i], key))
                return true;
        return false;
    }
    if (!seen->n)
        for (int i = 0; i < v->n; i++)
            strmap_put(seen, v->keys[i], i);
    if (strmap_get(seen, key, NULL))
        return true;
    strmap_put(seen, key, v->n);
    return false;
}

/* One "name": of an object; NULL (with the error at the name) if it is
 * malformed or repeats an earlier name. */
static const char *member_name(Parser *ps, const JsonValue *v, StrMap *seen)
{
    const char *at = ps->p, *key;
    if (ps->p >= ps->end || *ps->p != '"' || !(key = string(ps)))
        return fail(ps, "expected a member name"), NULL;
    if (duplicate(v, key, seen)) {
        ps->p = at;
        return fail(ps, "duplicate member name (each may appear once)"), NULL;
    }
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p++ != ':')
        return fail(ps, "expected ':'"), NULL;
    return key;
}

/* Elements of an array or members of an object, after the bracket. */
static JsonValue *items(Parser *ps, JsonValue *v, int depth, StrMap *seen)
{
    bool object = v->kind == JSON_OBJECT;
    char close = object ? '}' : ']';
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return v;
    }
    for (;;) {
        const char *key = NULL;
        skip_ws(ps);
        if (object && !(key = member_name(ps, v, seen)))
            return NULL;
        JsonValue *item = value(ps, depth + 1);
        if (!item)
            return NULL;
        push(ps, v, key, item);
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return v;
        }
        return fail(ps, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static JsonValue *container(Parser *ps, JsonValue *v, int depth)
{
    StrMap seen = {0};
    JsonValue *done = items(ps, v, depth, &seen);
    strmap_free(&seen);
    return done;
}

static JsonValue *value(Parser *ps, int depth)
{
    if (depth > MAX_DEPTH)
        return fail(ps, "nested too deeply");
    skip_ws(ps);
    if (ps->p >= ps->end)
        return fail(ps, "unexpected end of input");
    JsonValue *v = ARENA_NEW(ps->a, JsonValue);
    char c = *ps->p;
    if (c == '{' || c == '[') {
        ps->p++;
        v->kind = c == '{' ? JSON_OBJECT : JSON_ARRAY;
        return container(ps, v, depth);
    }
    if (c == '"') {
        v->kind = JSON_STRING;
        return (v->string = string(ps)) ? v : NULL;
    }
    if (literal(ps, "true") || literal(ps, "false")) {
        v->kind = JSON_BOOL;
        v->boolean = c == 't';
        return v;
    }
    if (literal(ps, "null"))
        return v;
    return number(ps, v);
}

JsonValue *json_parse_at(Arena *a, const char *text, size_t len, const char **error,
                         size_t *offset)
{
    Parser ps = {a, text, text + len, NULL};
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))   /* a UTF-8 byte order mark */
        ps.p += 3;
    JsonValue *v = value(&ps, 0);
    skip_ws(&ps);
    if (v && ps.p != ps.end)
        v = fail(&ps, "text after the JSON value");
    *error = v ? NULL : ps.error;
    if (offset)
        *offset = (size_t)(ps.p - text);
    return v;
}

JsonValue *json_parse(Arena *a, const char *text, size_t len, const char **error)
{
    return json_parse_at(a, text, len, error, NULL);
}

void json_position(const char *text, size_t offset, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && text[i]; i++) {
        *col = text[i] == '\n' ? 1 : *col + 1;
        *line += text[i] == '\n';
    }
}

const JsonValue *json_get(const JsonValue *obj, const char *key)
{
    if (!obj || obj->kind != JSON_OBJECT)
        return NULL;
    for (int i = 0; i < obj->n; i++)
        if (!strcmp(obj->keys[i], key))
            return obj->items[i];
    return NULL;
}
