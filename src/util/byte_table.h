/* byte_table.h - initializers for tables of 256 flags indexed by a byte,
 * for scans that test one byte at a time (cache entries, JSON strings). */
#ifndef FSRACE_BYTE_TABLE_H
#define FSRACE_BYTE_TABLE_H

#define BYTE_TABLE_4(b) [b] = 1, [(b) + 1] = 1, [(b) + 2] = 1, [(b) + 3] = 1
/* The 32 C0 control bytes, 0x00 to 0x1f, flagged. */
#define BYTE_TABLE_C0                                                         \
    BYTE_TABLE_4(0x00), BYTE_TABLE_4(0x04), BYTE_TABLE_4(0x08), BYTE_TABLE_4(0x0c), \
        BYTE_TABLE_4(0x10), BYTE_TABLE_4(0x14), BYTE_TABLE_4(0x18), BYTE_TABLE_4(0x1c)

#endif
