/* columns.c - columns that reports need beyond the one clang gives: where
 * the call name at a finding ends (SARIF and GitHub want a full region),
 * and a byte column counted in UTF-16 code units (SARIF's default column
 * kind, which GitHub uses to place the highlight). */
#include <ctype.h>

#include "report.h"

static bool ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

unsigned source_token_end(SrcLoc loc)
{
    size_t len;
    const char *line = source_line(loc.file, loc.line, &len);
    if (!line || loc.col == 0 || loc.col > len)
        return loc.col + 1;
    size_t i = loc.col - 1;
    if (!ident_char(line[i]))
        return loc.col + 1;   /* a macro argument or operator: one character */
    while (i < len && ident_char(line[i]))
        i++;
    return (unsigned)i + 1;
}

unsigned source_utf16_col(const char *file, unsigned line_no, unsigned col)
{
    size_t len;
    const char *line = source_line(file, line_no, &len);
    if (!line || col <= 1)
        return col ? col : 1;
    unsigned units = 1;
    for (size_t i = 0; i + 1 < col; i++) {
        unsigned char c = (unsigned char)(i < len ? line[i] : ' ');
        if ((c & 0xC0) == 0x80)
            continue;                 /* continuation byte: no new unit */
        units += (c >= 0xF0) ? 2 : 1; /* 4-byte sequences are surrogate pairs */
    }
    return units;
}
