/* html_assets.h - the HTML report's inline style sheet and script. */
#ifndef FSRACE_HTML_ASSETS_H
#define FSRACE_HTML_ASSETS_H

extern const char html_css[];
extern const char html_js[];

#endif
