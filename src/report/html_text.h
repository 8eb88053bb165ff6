/* html_text.h - text into HTML: escaping, and the small Markdown the
 * rules' help is written in (src/rules/help/ID.md). */
#ifndef FSRACE_HTML_TEXT_H
#define FSRACE_HTML_TEXT_H
#include <stddef.h>

#include "../util/strbuf.h"

/* Escape for text and attribute values; control bytes become U+FFFD. */
void html_escape_n(StrBuf *out, const char *s, size_t n);
void html_escape(StrBuf *out, const char *s);

/* Markdown as HTML: "## " headings (as <h3>), ``` code blocks, "- " lists,
 * paragraphs, and inline `code`, **bold** and [text](link) (the text
 * only: the page links nowhere). Everything is escaped. */
void html_markdown(StrBuf *out, const char *md);

#endif
