#!/usr/bin/env python3
"""Benchmark fsrace against the parse floor, side by side, in one run.

Usage: python3 bench/bench.py BUILD_DIR [--fsrace PATH] [--clang clang-19] [-j N]
                              [--repeat R] [--touch FILE]

BUILD_DIR holds a compile_commands.json (e.g. a fetched curl configured with
CMake; see docs/benchmark.md). Measured, in this order, R times each:
  floor     clang -fsyntax-only over the same entries (one per file, as
            fsrace analyses them), N in parallel
  cold -jN  fsrace with an empty cache
  cold -j1  the same on one worker (for the parallel speed-up and the peak
            memory of one worker)
  warm      fsrace again on the unchanged project (cache hits)
  touched   after appending a comment to one file (--touch, default: the
            first entry), which is restored afterwards
Prints wall times (the median of R), ratios, files/s, lines/s and peak
memory (max RSS, from wait4). The machines are noisy: compare the ratios,
and prefer R >= 3.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics"}


def entries(build_dir):
    """The database entries, one per source file (as fsrace takes them)."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        db = json.load(f)
    seen, out = set(), []
    for e in db:
        path = os.path.join(e["directory"], e["file"])
        if path in seen or not path.endswith(".c"):
            continue
        seen.add(path)
        args = e.get("arguments") or shlex.split(e["command"])
        out.append((e["directory"], path, args))
    return out


def floor_command(clang, directory, path, args):
    """clang -fsyntax-only with the entry's flags (output flags dropped)."""
    keep, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in DROP_WITH_VALUE:
            skip = True
        elif a == "-c" or a.startswith(("-M", "-Wp,-M", "-o", "-save-temps")):
            pass
        elif os.path.join(directory, a) == path or a == path:
            pass
        else:
            keep.append(a)
    return [clang, "-fsyntax-only", "-w", "-ferror-limit=0", *keep, path]


def run_floor(clang, ents, jobs):
    """Wall time of the parse floor, and the max RSS of one clang."""
    rss = []

    def one(entry):
        directory, path, args = entry
        proc = subprocess.Popen(floor_command(clang, directory, path, args), cwd=directory,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        rss.append(usage.ru_maxrss)

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, ents))
    return time.monotonic() - start, max(rss)


def run_fsrace(fsrace, build_dir, jobs, cache_dir):
    """Wall time and max RSS (KiB) of one fsrace run."""
    cmd = [fsrace, "-p", build_dir, "-j", str(jobs), "--format", "json",
           "--cache-dir", cache_dir]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        sys.exit(f"fsrace failed with status {code}: {' '.join(cmd)}")
    findings = len(json.loads(out)["findings"])
    return wall, usage.ru_maxrss, findings


def count_lines(ents):
    """Lines of the main files (headers not counted)."""
    total = 0
    for _, path, _ in ents:
        with open(path, "rb") as f:
            total += f.read().count(b"\n")
    return total


def median_of(repeat, fn):
    """Run fn repeat times; the median of its first result, and the rest of the last."""
    results = [fn() for _ in range(repeat)]
    return (statistics.median(r[0] for r in results),) + tuple(results[-1][1:])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build_dir")
    ap.add_argument("--fsrace", default=os.path.join(os.path.dirname(__file__), "..",
                                                     "build", "fsrace"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--touch", help="file to edit for the 'touched' run")
    args = ap.parse_args()
    # A private copy: the cache is keyed by the binary, so a rebuild during
    # the benchmark must not turn the warm run into a cold one.
    private = tempfile.mkdtemp(prefix="fsrace-bench-bin-")
    shutil.copy2(args.fsrace, private)
    args.fsrace = os.path.join(private, os.path.basename(args.fsrace))
    ents = entries(args.build_dir)
    lines = count_lines(ents)
    j = args.j
    print(f"{len(ents)} files, {lines} lines (main files), -j{j}, "
          f"median of {args.repeat}; {os.uname().nodename}, {os.cpu_count()} cores")

    floor, floor_rss = median_of(args.repeat, lambda: run_floor(args.clang, ents, j))
    caches = []

    def cold(jobs):
        cache = tempfile.mkdtemp(prefix="fsrace-bench-")
        caches.append(cache)
        return run_fsrace(args.fsrace, args.build_dir, jobs, cache)

    cold_j, cold_rss, findings = median_of(args.repeat, lambda: cold(j))
    cold_1, one_rss, _ = median_of(args.repeat, lambda: cold(1))
    warm_cache = caches[0]
    warm, warm_rss, warm_findings = median_of(
        args.repeat, lambda: run_fsrace(args.fsrace, args.build_dir, j, warm_cache))

    touch = args.touch or ents[0][1]
    with open(touch, "rb") as f:
        original = f.read()
    try:
        with open(touch, "ab") as f:
            f.write(b"\n/* fsrace benchmark: touched */\n")
        touched, _, _ = run_fsrace(args.fsrace, args.build_dir, j, warm_cache)
        one_file, _ = run_floor(args.clang, [e for e in ents if e[1] == touch], 1)
    finally:
        with open(touch, "wb") as f:
            f.write(original)

    def row(name, secs, extra=""):
        print(f"  {name:<24} {secs:8.2f} s  {len(ents) / secs:8.1f} files/s  "
              f"{lines / secs:10.0f} lines/s  {extra}")

    print()
    row(f"parse floor (clang -j{j})", floor, f"max RSS of one clang {floor_rss // 1024} MiB")
    row(f"fsrace cold -j{j}", cold_j, f"max RSS {cold_rss // 1024} MiB, {findings} findings")
    row("fsrace cold -j1", cold_1, f"max RSS {one_rss // 1024} MiB (one worker)")
    row(f"fsrace warm -j{j}", warm, f"{warm_findings} findings")
    row("fsrace, one file touched", touched, f"(that file alone parses in {one_file:.2f} s)")
    print()
    print(f"  cold / floor           {cold_j / floor:6.3f}   (target <= 1.10)")
    print(f"  warm / cold            {warm / cold_j:6.3f}   (target <= 0.05)")
    print(f"  touched / (warm + file) {touched / (warm + one_file):6.3f}   (target <= 1.10)")
    print(f"  -j1 / -j{j}              {cold_1 / cold_j:6.3f}   (target >= 1.8)")
    print(f"  peak memory per worker {one_rss // 1024} MiB   (target <= 150)")
    if warm_findings != findings:
        print(f"  WARNING: warm run found {warm_findings} findings, cold {findings}")
    for c in caches + [private]:
        shutil.rmtree(c, ignore_errors=True)


if __name__ == "__main__":
    main()
