#!/bin/sh
# tests/fuzz/run.sh SECONDS [TARGET...] - run the libFuzzer targets built by
# `make fuzz-build` (build-fuzz/fuzz_TARGET), each for SECONDS, starting
# from its seed corpus tests/fuzz/corpus/TARGET (read only: new inputs go to
# build-fuzz/corpus/TARGET, crashes to build-fuzz/artifacts/). Exits 1 on the
# first target that finds a crash, a leak or a sanitizer report; rerun the
# printed artifact with `build-fuzz/fuzz_TARGET ARTIFACT` and turn it into a
# regression seed in tests/fuzz/corpus/TARGET once fixed.
#
#   make fuzz                       # CI: 30 s each (FUZZ_SECONDS=...)
#   sh tests/fuzz/run.sh 1800 json  # by hand: half an hour on one target
set -eu
seconds=${1:-60}
shift || true
targets=${*:-json compdb suppress pipeline}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build-fuzz
mkdir -p "$out/artifacts"
for t in $targets; do
    mkdir -p "$out/corpus/$t"
    echo "== fuzz_$t: $seconds s"
    # -rss_limit_mb: the pipeline target holds libclang; -timeout: one input.
    if ! "$out/fuzz_$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
            -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" \
            "$out/corpus/$t" "$root/tests/fuzz/corpus/$t" > "$out/$t.log" 2>&1; then
        tail -n 60 "$out/$t.log"
        echo "fuzz_$t: FAILED (log: $out/$t.log)"
        exit 1
    fi
    grep -E "^stat::number_of_executed_units|^Done" "$out/$t.log" | sed "s/^/fuzz_$t: /"
done
