/* cost_check.c - prints cost.c's guess for each file, in the order given:
 *
 *   cost_check FILE... [-- FLAGS...]
 *
 * one line "BYTES FILE" each, for tests/bad_input.py's schedule case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/cost.h"

int main(int argc, char **argv)
{
    int nfiles = 1;
    while (nfiles < argc && strcmp(argv[nfiles], "--"))
        nfiles++;
    Job *jobs = calloc((size_t)argc, sizeof(Job));
    if (!jobs)
        return 2;
    for (int i = 1; i < nfiles; i++) {
        jobs[i - 1].file = argv[i];
        jobs[i - 1].args = (const char **)argv + nfiles + 1;
        jobs[i - 1].nargs = nfiles < argc ? argc - nfiles - 1 : 0;
    }
    long long *cost = unit_costs(jobs, nfiles - 1);
    for (int i = 0; cost && i < nfiles - 1; i++)
        printf("%lld %s\n", cost[i], argv[i + 1]);
    free(cost);
    free(jobs);
    return cost ? 0 : 2;
}
