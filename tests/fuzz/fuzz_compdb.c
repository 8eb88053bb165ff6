/* fuzz_compdb.c - libFuzzer target: the compile-database loader
 * (src/cli/compdb.c): strict JSON, entries, "command" strings split
 * like a shell, response files. */
#include <stdint.h>

#include "../../src/cli/compdb.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena a = {0};
    Compdb db = {0};
    const char *why = compdb_load(&a, fuzz_file(data, size), "/tmp", &db);
    for (int i = 0; !why && i < db.n; i++)
        if (!db.entries[i].directory || !db.entries[i].file || db.entries[i].argc < 0)
            abort();    /* a loaded entry is complete */
    arena_free(&a);
    return 0;
}
