/* fix_export.c - --export-fixes: the findings and their fixes as the YAML
 * clang-tidy --export-fixes writes and clang-apply-replacements reads (a
 * clang::tooling::TranslationUnitDiagnostics document), laid out as LLVM's
 * YAML writer does (clang-tidy 14):
 *
 *   ---
 *   MainSourceFile:  '/src/a.c'
 *   Diagnostics:
 *     - DiagnosticName:  toctou-symlink-check
 *       DiagnosticMessage:
 *         Message:         'open() of ''p'' after lstat() ...'
 *         FilePath:        '/src/a.c'
 *         FileOffset:      231
 *         Replacements:
 *           - FilePath:        '/src/a.c'
 *             Offset:          240
 *             Length:          0
 *             ReplacementText: ' | O_NOFOLLOW'
 *       Notes:
 *         - Message:         '''p'' checked here by lstat()'
 *           ...
 *       Level:           Warning
 *       BuildDirectory:  '/src'
 *   ...
 *
 * Offsets are bytes from the start of the file. Unlike clang-tidy, a run
 * without findings still writes the file (with no diagnostics), so that a
 * stale one is never applied. */
#include <string.h>

#include "../rules/rules.h"
#include "report.h"

static bool is_any(const char *s, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (!strcmp(s, words[i]))
            return true;
    return false;
}

/* Would a plain scalar read back as something else (null, a boolean, a
 * number)? */
static bool looks_special(const char *s)
{
    static const char *const words[] = {"~", "null", "Null", "NULL", "true", "True", "TRUE",
                                        "false", "False", "FALSE", NULL};
    if (is_any(s, words))
        return true;
    size_t digits = strspn(s, "0123456789");
    return digits > 0 && s[strspn(s, "0123456789.eE+-xXoOabcdefABCDEF_")] == '\0';
}

/* LLVM's yaml::needsQuotes(): plain when every character is safe, double
 * quotes for control characters and non-ASCII, else single quotes. */
static void scalar(StrBuf *out, const char *s)
{
    bool single = !*s || strchr(" \t", s[0]) || strchr(" \t", s[strlen(s) - 1]) ||
                  strchr("-?:\\,[]{}#&*!|>'\"%@`", s[0]) || looks_special(s);
    bool dbl = false;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c < 0x20 && *c != '\t')
            dbl = true;
        else if (*c >= 0x7f)
            dbl = true;
        else if (!(strchr("_-^., \t", *c) || (*c >= '0' && *c <= '9') ||
                   ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')))
            single = true;
    }
    if (dbl) {
        sb_putc(out, '"');
        for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
            if (*c == '"' || *c == '\\')
                sb_printf(out, "\\%c", *c);
            else if (*c == '\n')
                sb_puts(out, "\\n");
            else if (*c == '\t')
                sb_puts(out, "\\t");
            else if (*c == '\r')
                sb_puts(out, "\\r");
            else if (*c < 0x20 || *c == 0x7f)
                sb_printf(out, "\\x%02X", *c);
            else
                sb_putc(out, (char)*c);   /* UTF-8 passes through */
        }
        sb_putc(out, '"');
    } else if (single) {
        sb_putc(out, '\'');
        for (const char *c = s; *c; c++)
            sb_puts(out, *c == '\'' ? "''" : (char[2]){*c, '\0'});
        sb_putc(out, '\'');
    } else {
        sb_puts(out, s);
    }
}

/* "Key:" padded to LLVM's value column, then the value. */
static void key(StrBuf *out, int indent, const char *name)
{
    sb_printf(out, "%*s%s: ", indent, "", name);
    for (size_t n = strlen(name) + 2; n < 17; n++)
        sb_putc(out, ' ');
}

static void str_line(StrBuf *out, int indent, const char *name, const char *value)
{
    key(out, indent, name);
    scalar(out, value);
    sb_putc(out, '\n');
}

static void num_line(StrBuf *out, int indent, const char *name, size_t value)
{
    key(out, indent, name);
    sb_printf(out, "%zu\n", value);
}

static const char *absolute(Arena *a, const Report *r, const char *file)
{
    return file[0] == '/' || !r->cwd ? file : arena_printf(a, "%s/%s", r->cwd, file);
}

static size_t offset(SrcLoc at)
{
    size_t o = 0;
    return source_offset(at.file, at.line, at.col, &o) ? o : 0;
}

/* Message, FilePath, FileOffset, Replacements of a diagnostic or note;
 * its first key goes where the caller left off ("- "), the others at
 * `indent`. */
static void message(StrBuf *out, Arena *a, const Report *r, int indent, const char *text,
                    SrcLoc at, const Finding *fix)
{
    str_line(out, 0, "Message", text);
    str_line(out, indent, "FilePath", absolute(a, r, at.file));
    num_line(out, indent, "FileOffset", offset(at));
    size_t from, to;
    const SrcRegion *g = fix ? &fix->fix_region : NULL;
    if (!g || !source_offset(g->start.file, g->start.line, g->start.col, &from) ||
        !source_offset(g->start.file, g->end_line, g->end_col, &to) || to < from) {
        key(out, indent, "Replacements");
        sb_puts(out, "[]\n");
        return;
    }
    sb_printf(out, "%*sReplacements:\n%*s- ", indent, "", indent + 2, "");
    str_line(out, 0, "FilePath", absolute(a, r, g->start.file));
    num_line(out, indent + 4, "Offset", from);
    num_line(out, indent + 4, "Length", to - from);
    str_line(out, indent + 4, "ReplacementText", fix->fix_replacement);
}

static const char *level(const Finding *f)
{
    switch (f->rule->severity) {
    case SEV_ERROR: return "Error";
    case SEV_WARNING: return "Warning";
    case SEV_NOTE: return "Remark";
    }
    return "Warning";
}

static void diagnostic(StrBuf *out, Arena *a, const Report *r, const Finding *f)
{
    sb_puts(out, "  - ");
    str_line(out, 0, "DiagnosticName", f->rule->id);
    sb_puts(out, "    DiagnosticMessage:\n      ");
    message(out, a, r, 6, f->message, f->loc, f->fix_replacement ? f : NULL);
    if (f->nnotes)
        sb_puts(out, "    Notes:\n");
    for (int k = 0; k < f->nnotes; k++) {
        sb_puts(out, "      - ");
        message(out, a, r, 8, f->notes[k].message, f->notes[k].loc, NULL);
    }
    str_line(out, 4, "Level", level(f));
    if (r->cwd)
        str_line(out, 4, "BuildDirectory", r->cwd);
}

void fixes_export_yaml(StrBuf *out, const Report *r, const char *main_file)
{
    Arena a = {0};
    sb_puts(out, "---\n");
    str_line(out, 0, "MainSourceFile", main_file ? absolute(&a, r, main_file) : "");
    int n = 0;
    for (int i = 0; i < r->n; i++)
        n += !r->items[i].suppressed;
    if (!n) {
        key(out, 0, "Diagnostics");
        sb_puts(out, "[]\n");
    } else {
        sb_puts(out, "Diagnostics:\n");
    }
    for (int i = 0; i < r->n; i++)
        if (!r->items[i].suppressed)
            diagnostic(out, &a, r, r->items[i].f);
    sb_puts(out, "...\n");
    arena_free(&a);
}
