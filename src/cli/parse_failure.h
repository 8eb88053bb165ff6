/* parse_failure.h - saying why libclang refused to parse a file. When the
 * driver cannot turn the arguments into one compilation, libclang returns
 * only an error code (its diagnostics are dropped with the unit), so the
 * arguments are examined here for the usual causes. */
#ifndef FSRACE_PARSE_FAILURE_H
#define FSRACE_PARSE_FAILURE_H
#include <clang-c/Index.h>

#include "../util/strbuf.h"

/* One line (no newline) for "FILE: libclang could not parse it: ...":
 * the cause found in argv[0..argc) (the full command given to libclang,
 * the main file last), or the error and the command. */
void parse_failure_explain(StrBuf *out, enum CXErrorCode err, const char *const *argv, int argc);

#endif
