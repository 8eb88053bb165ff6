/* fuzz_suppress.c - libFuzzer target: the suppression-comment scanner
 * (src/report/suppress.c) on a source file of fuzzer bytes, for a
 * finding on each of its first lines (with its function on line 1..3),
 * and the check of the rule names the comments give. */
#include <stdint.h>

#include "../../src/report/report.h"
#include "../../src/rules/rules.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { LINES = 40 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *file = fuzz_file(data, size);
    int nrules;
    const Rule *rules = rules_all(&nrules);
    Arena a = {0};
    for (unsigned line = 1; line <= LINES; line++) {
        Finding f = {.rule = &rules[line % (unsigned)nrules], .message = "m", .function = "f",
                     .loc = {file, line, 1 + line % 7},
                     .function_loc = {file, 1 + line % 3, 1}};
        suppression_reason(&a, &f);
    }
    StrBuf out = {0};
    suppressions_check_names(&out, file, "fuzz.c");
    sb_free(&out);
    arena_free(&a);
    source_lines_free();    /* the next input reuses the file's name */
    return 0;
}
