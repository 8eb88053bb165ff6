/* fuzz_json.c - libFuzzer target: the strict JSON reader
 * (src/util/json_read.c) and the three readers built on it: cache
 * entries (and the worker results that use the entry format), and
 * baselines (configuration files go through the same json_parse). */
#include <stdint.h>
#include <string.h>

#include "../../src/cache/entry.h"
#include "../../src/cli/program.h"
#include "../../src/cli/worker_result.h"
#include "../../src/report/baseline.h"
#include "../../src/util/json_read.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    Arena a = {0};
    const char *err = NULL;
    size_t at = 0;
    JsonValue *root = json_parse_at(&a, text, size, &err, &at);
    const JsonValue *key = root ? json_get(root, "key") : NULL;
    char *entry_key = strdup(key && key->kind == JSON_STRING ? key->string : "fuzz");
    if (!root) {
        unsigned line, col;
        if (!err || at > size)
            abort();    /* a failure must say what and where */
        json_position(text, at, &line, &col);
    }
    arena_free(&a);

    JobResult res = {0};
    Deps deps = {0};
    Arena scratch = {0};
    entry_read(text, size, entry_key, &res, &deps, &scratch);   /* the key it holds: read it all */
    arena_free(&scratch);
    free(entry_key);
    job_result_free(&res);
    memset(&res, 0, sizeof res);
    worker_result_read(text, size, &res);
    job_result_free(&res);

    Baseline b = {0};
    baseline_load(fuzz_file(data, size), &b);
    baseline_free(&b);
    return 0;
}
