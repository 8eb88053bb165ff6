/* kept_unit.h - a parsed unit as the whole-program rounds need it again:
 * its lowered Functions, what parsing it reported, and what it depended
 * on (for the cache). A worker writes it to a memory file the supervisor
 * keeps (bounded: program.c), so that a unit analysed again with other
 * files' summaries runs the analyses on it instead of parsing again. */
#ifndef FSRACE_KEPT_UNIT_H
#define FSRACE_KEPT_UNIT_H
#include "../cache/deps.h"
#include "../ir/ir.h"
#include "../util/strbuf.h"

typedef struct KeptUnit {
    bool failed;            /* the parse reported errors */
    const char *messages;   /* its lines, before the functions were lowered */
    Deps deps;
    Function **fns;         /* read back: the functions */
    int n;
    const StrBuf *records;  /* to encode: the functions as ir_append_function wrote them */
} KeptUnit;

void kept_unit_encode(StrBuf *out, const KeptUnit *k);
/* Read back what kept_unit_encode wrote to fd; strings and Functions in a.
 * False (nothing usable) if the memory file is unreadable or inconsistent. */
bool kept_unit_load(int fd, Arena *a, KeptUnit *k);

#endif
