/* ir_io.h - a unit's lowered Functions in the compact form of blob.h, so
 * that a later whole-program round can run the analyses again on them
 * without parsing the unit again (src/cli/kept_unit.c). */
#ifndef FSRACE_IR_IO_H
#define FSRACE_IR_IO_H
#include "../util/blob.h"
#include "ir.h"

void ir_write(BlobWriter *w, Function *const *fns, int n);
/* The Functions, allocated in r->a; NULL with r failed on a bad blob. */
Function **ir_read(BlobReader *r, int *n);

/* One function as a blob of its own (its own strings), appended to out
 * after its length; and read back from such a record at *p (moved past
 * it), allocated in a: every array at its exact size and every string
 * once, so a copy takes less memory than the lowering left. NULL on a
 * bad record. */
void ir_append_function(StrBuf *out, const Function *fn);
Function *ir_next_function(Arena *a, const char **p, const char *end);

#endif
