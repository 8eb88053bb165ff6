/* fuzz_pipeline.c - libFuzzer target: the whole analysis of one C file
 * (libclang parse, lowering to the IR, CFG, summaries, every rule,
 * findings and their precedence) on fuzzer bytes, in this process. */
#include <stdint.h>

#include "../../src/cli/job.h"
#include "../../src/cli/program.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static CXIndex index;
    if (!index) {
        setenv("LIBCLANG_NOTHREADS", "1", 1);   /* as fsrace's main() */
        index = clang_createIndex(0, 0);
    }
    static const char *args[] = {"-x", "c", "-std=gnu17"};
    Job job = {.file = fuzz_file(data, size), .shown = "fuzz.c", .args = args, .nargs = 3};
    AnalyzeOptions opt = {.cwd = "/tmp"};
    JobResult res = {0};
    analyze_job(index, &job, &opt, &res);
    for (int i = 0; i < res.findings.n; i++)
        if (!res.findings.items[i].rule || !res.findings.items[i].message)
            abort();    /* every finding names its rule and says why */
    job_result_free(&res);
    return 0;
}
