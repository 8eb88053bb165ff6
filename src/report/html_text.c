/* html_text.c - escaping and a small Markdown renderer; see html_text.h. */
#include "html_text.h"

#include <stdbool.h>
#include <string.h>

void html_escape_n(StrBuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default:
            if ((c < 0x20 && c != '\t') || c == 0x7F)
                sb_puts(out, "\xEF\xBF\xBD");
            else
                sb_putc(out, (char)c);
        }
    }
}

void html_escape(StrBuf *out, const char *s)
{
    html_escape_n(out, s, strlen(s));
}

/* The text of one line with `code`, **bold** and [text](link). */
static void inline_text(StrBuf *out, const char *s, size_t n)
{
    bool bold = false;
    for (size_t i = 0; i < n;) {
        const char *close;
        if (s[i] == '`' && (close = memchr(s + i + 1, '`', n - i - 1))) {
            sb_puts(out, "<code>");
            html_escape_n(out, s + i + 1, (size_t)(close - s - i - 1));
            sb_puts(out, "</code>");
            i = (size_t)(close - s) + 1;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            sb_puts(out, bold ? "</b>" : "<b>");
            bold = !bold;
            i += 2;
        } else if (s[i] == ']' && i + 1 < n && s[i + 1] == '(' &&
                   (close = memchr(s + i, ')', n - i))) {
            i = (size_t)(close - s) + 1;     /* drop the link target */
        } else if (s[i] == '[') {
            i++;
        } else {
            html_escape_n(out, s + i, 1);
            i++;
        }
    }
    if (bold)
        sb_puts(out, "</b>");
}

typedef enum Block { NONE, PARA, LIST, CODE } Block;

static Block close_block(StrBuf *out, Block b)
{
    static const char *const end[] = {"", "</p>\n", "</li></ul>\n", "</code></pre>\n"};
    sb_puts(out, end[b]);
    return NONE;
}

void html_markdown(StrBuf *out, const char *md)
{
    Block b = NONE;
    for (const char *line = md; *line;) {
        size_t n = strcspn(line, "\n");
        bool fence = n >= 3 && !strncmp(line, "```", 3);
        if (b == CODE && !fence) {
            html_escape_n(out, line, n);
            sb_putc(out, '\n');
        } else if (fence && b == CODE) {
            b = close_block(out, b);
        } else if (fence) {
            close_block(out, b);
            /* "```c bad": the word after the language labels the block */
            const char *space = memchr(line, ' ', n);
            if (space) {
                sb_puts(out, "<div class=\"where\">");
                html_escape_n(out, space + 1, n - (size_t)(space + 1 - line));
                sb_puts(out, "</div>");
            }
            sb_puts(out, "<pre><code>");
            b = CODE;
        } else if (n == 0) {
            b = close_block(out, b);
        } else if (!strncmp(line, "## ", 3) || !strncmp(line, "# ", 2)) {
            close_block(out, b);
            b = NONE;
            size_t skip = line[1] == '#' ? 3 : 2;
            sb_puts(out, "<h3>");
            inline_text(out, line + skip, n - skip);
            sb_puts(out, "</h3>\n");
        } else if (!strncmp(line, "- ", 2)) {
            if (b == LIST) {
                sb_puts(out, "</li><li>");
            } else {
                close_block(out, b);
                sb_puts(out, "<ul><li>");
            }
            b = LIST;
            inline_text(out, line + 2, n - 2);
        } else {
            if (b == NONE)
                sb_puts(out, "<p>");
            else
                sb_putc(out, ' ');
            b = b == NONE ? PARA : b;
            inline_text(out, line, n);
        }
        line += n + (line[n] == '\n');
    }
    close_block(out, b);
}
