#!/bin/sh
# tests/fuzz/run.sh SECONDS [TARGET...] - run the libFuzzer targets built by
# `make fuzz-build` (build-fuzz/fuzz_TARGET), each for SECONDS, starting
# from its seed corpus tests/fuzz/corpus/TARGET, or the files listed in
# tests/fuzz/corpus/TARGET.seeds (read only: new inputs go to
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
# The seed directory of target $1: its folder, or the files its .seeds list
# names, copied into build-fuzz/seeds/TARGET.
seeds() {
    list=$root/tests/fuzz/corpus/$1.seeds
    if [ ! -f "$list" ]; then
        echo "$root/tests/fuzz/corpus/$1"
        return
    fi
    rm -rf "$out/seeds/$1"
    mkdir -p "$out/seeds/$1"
    grep -v '^#' "$list" | while read -r f; do
        [ -n "$f" ] && cp "$root/$f" "$out/seeds/$1/"
    done
    echo "$out/seeds/$1"
}
for t in $targets; do
    mkdir -p "$out/corpus/$t"
    seed_dir=$(seeds "$t")
    echo "== fuzz_$t: $seconds s"
    # -rss_limit_mb: the pipeline target holds libclang; -timeout: one input.
    if ! "$out/fuzz_$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
            -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" \
            "$out/corpus/$t" "$seed_dir" > "$out/$t.log" 2>&1; then
        tail -n 60 "$out/$t.log"
        echo "fuzz_$t: FAILED (log: $out/$t.log)"
        exit 1
    fi
    grep -E "^stat::number_of_executed_units|^Done" "$out/$t.log" | sed "s/^/fuzz_$t: /"
done
