/* strbuf.h - growable heap string, for building output and keys. */
#ifndef FSRACE_STRBUF_H
#define FSRACE_STRBUF_H
#include <stddef.h>

typedef struct StrBuf {
    char *data;     /* always NUL-terminated once anything was added */
    size_t len, cap;
} StrBuf;

void sb_putc(StrBuf *b, char c);
void sb_puts(StrBuf *b, const char *s);
void sb_putn(StrBuf *b, const char *s, size_t n);
void sb_printf(StrBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append s as the inside of a JSON string (no quotes added). */
void sb_json_escaped(StrBuf *b, const char *s);
/* Append "s" as a quoted JSON string. */
void sb_json_string(StrBuf *b, const char *s);
const char *sb_str(StrBuf *b);   /* "" when empty */
void sb_free(StrBuf *b);

#endif
