#!/usr/bin/env python3
"""Benchmark fsrace against the parse floors, side by side, in one run.

Usage: python3 bench/bench.py BUILD_DIR [--fsrace PATH] [--clang clang-19] [-j N]
                              [--repeat R] [--touch FILE] [--peers]
                              [--big-unit FILE | --big-unit-lines N]

BUILD_DIR holds a compile_commands.json (e.g. a fetched curl configured with
CMake; see docs/benchmark.md). Measured, in this order, R times each:
  floor     clang -fsyntax-only over the same entries (one per file, as
            fsrace analyses them), N in parallel, costliest first as fsrace
            schedules them (by the bytes each includes)
  strict    fsrace parsing every unit in-process and nothing else
            (FSRACE_PARSE_ONLY=1 --no-prefilter): what a libclang tool
            cannot go below without skipping parses
  cold -jN  fsrace with an empty cache
  no pre-filter  the same with --no-prefilter (every unit parsed)
  cold -j1  the same on one worker (for the parallel speed-up and the peak
            memory of one worker)
  warm      fsrace again on the unchanged project (cache hits)
  touched   after appending a comment to one file (--touch, default: the
            first entry), which is restored afterwards
  peers     with --peers: flawfinder, cppcheck and clang-tidy (one
            analyzer check) over the same files, where installed
  big unit  one large translation unit alone (--big-unit FILE, e.g. sqlite's
            amalgamation sqlite3.c; by default one generated like it by
            bench/shapes.py, --big-unit-lines long): clang -fsyntax-only,
            fsrace's parse only, and fsrace, each -j1 (target: fsrace within
            1.3x its parse)
Prints wall and CPU times (the median of R), ratios, files/s, lines/s, peak memory
(max RSS, from wait4) and parses per unit (from --stats). The machines are
noisy: compare the ratios, and prefer R >= 3. Scaling with the size of one
function or file is bench/shapes.py's.
"""
import argparse
import json
import os
import re
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
        if path in seen or not path.endswith(".c") or not os.path.isfile(path):
            continue    # generated files appear once the project is built
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


def include_bytes(entry, memo):
    """The bytes of the entry's file and of the files it includes with
    quotes or from its -I directories, transitively (as fsrace's cost.c
    guesses a unit's cost), so the floor starts units in fsrace's order."""
    directory, path, args = entry
    dirs = [os.path.join(directory, a[2:]) for a in args if a.startswith("-I") and len(a) > 2]
    seen, stack, total = set(), [path], 0
    while stack:
        p = os.path.normpath(stack.pop())
        if p in seen or not os.path.isfile(p):
            continue
        seen.add(p)
        if p not in memo:
            with open(p, "rb") as f:
                data = f.read()
            memo[p] = (len(data), re.findall(rb'^\s*#\s*include\s*([<"])([^">]+)[">]',
                                             data, re.M))
        size, incs = memo[p]
        total += size
        for kind, name in incs:
            name = name.decode(errors="replace")
            here = [os.path.dirname(p)] if kind == b'"' else []
            stack += [os.path.join(d, name) for d in here + dirs]
    return total


def cpu_of(usage):
    """User + system CPU seconds of a finished process."""
    return usage.ru_utime + usage.ru_stime


def run_floor(clang, ents, jobs):
    """Wall time of the parse floor, the max RSS of one clang, and the CPU
    seconds of all of them."""
    rss, cpu = [], []

    def one(entry):
        directory, path, args = entry
        proc = subprocess.Popen(floor_command(clang, directory, path, args), cwd=directory,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        rss.append(usage.ru_maxrss)
        cpu.append(cpu_of(usage))

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, ents))
    return time.monotonic() - start, max(rss), sum(cpu)


STATS_RE = re.compile(r"stats: (\d+) files, (\d+) cache hits, (\d+) not parsed[^,]*, "
                      r"(\d+) analysed, (\d+) analysed again[^(]*\((\d+) parsed again; "
                      r"(\d+) units kept after parsing, ([\d.]+) MiB\)")
PEAK_RE = re.compile(r"peak memory (\d+) MiB \(largest worker (\d+) MiB\)")


def run_fsrace(fsrace, build_dir, jobs, cache_dir, extra=(), env=None):
    """Wall time, max RSS (KiB), findings, --stats counts (files, cache
    hits, not parsed, analysed, analysed again) and CPU seconds of one
    fsrace run."""
    cmd = [fsrace, "-p", build_dir, "-j", str(jobs), "--format", "json", "--stats",
           *(["--cache-dir", cache_dir] if cache_dir else ["--no-cache"]), *extra]
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err,
                                env=dict(os.environ, **(env or {})))
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        err.seek(0)
        text = err.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        sys.exit(f"fsrace failed with status {code}: {' '.join(cmd)}")
    findings = len(json.loads(out)["findings"])
    m = STATS_RE.search(text)
    stats = tuple(float(x) if "." in x else int(x) for x in m.groups()) if m else None
    peak = PEAK_RE.search(text)
    if peak:
        run_fsrace.peaks = (int(peak.group(1)), int(peak.group(2)))
    return wall, usage.ru_maxrss, findings, stats, cpu_of(usage)


def run_peer(argv, cwd):
    """Wall time of one peer tool's run, or None when it is not installed."""
    if not shutil.which(argv[0]):
        return None
    start = time.monotonic()
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def cpu_of_command(argv, env=None):
    """CPU seconds (user + system, children included) of one command."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, **(env or {})))
    _, _, usage = os.wait4(proc.pid, 0)
    return (cpu_of(usage),)


def big_unit(args, tmp):
    """(name, lines, clang CPU, strict CPU, fsrace CPU) of one big unit: the
    file given, else an amalgamation generated by bench/shapes.py."""
    path = args.big_unit
    if not path:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import shapes
        path = os.path.join(tmp, "amalgamation.c")
        with open(path, "w") as f:
            f.write(shapes.PRELUDE + shapes.amalgamation(args.big_unit_lines))
    with open(path, "rb") as f:
        lines = f.read().count(b"\n")
    clang = median_of(args.repeat, lambda: cpu_of_command(
        [args.clang, "-fsyntax-only", "-w", "-ferror-limit=0", path]))[0]
    strict = median_of(args.repeat, lambda: cpu_of_command(
        [args.fsrace, "--no-cache", "--no-prefilter", "-j1", path, "--"],
        {"FSRACE_PARSE_ONLY": "1"}))[0]
    full = median_of(args.repeat, lambda: cpu_of_command(
        [args.fsrace, "--no-cache", "-j1", path, "--"]))[0]
    name = os.path.basename(path) if args.big_unit else "generated amalgamation"
    return name, lines, clang, strict, full


def count_lines(ents):
    """Lines of the main files (headers not counted)."""
    total = 0
    for _, path, _ in ents:
        with open(path, "rb") as f:
            total += f.read().count(b"\n")
    return total


def median_of(repeat, fn):
    """Run fn repeat times; the median of each number it returns (times,
    memory, counts), and the last run's other values."""
    results = [fn() for _ in range(repeat)]
    return tuple(statistics.median(r[k] for r in results)
                 if all(isinstance(r[k], (int, float)) for r in results) else results[-1][k]
                 for k in range(len(results[-1])))


def peers(args, ents):
    """Rows for the peer tools that are installed: (name, wall)."""
    files = [path for _, path, _ in ents]
    db = os.path.abspath(args.build_dir)
    tries = [
        ("flawfinder", ["flawfinder", "--quiet", *files]),
        (f"cppcheck -j{args.j}", ["cppcheck", "-q", f"-j{args.j}",
                                  f"--project={os.path.join(db, 'compile_commands.json')}"]),
        ("clang-tidy (one analyzer check)",
         ["run-clang-tidy", "-quiet", "-j", str(args.j), "-p", db,
          "-checks=-*,clang-analyzer-unix.Stream", *files]),
    ]
    out = []
    for name, argv in tries:
        wall = run_peer(argv, db)
        if wall is not None:
            out.append((name, wall))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build_dir")
    ap.add_argument("--fsrace", default=os.path.join(os.path.dirname(__file__), "..",
                                                     "build", "fsrace"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--touch", help="file to edit for the 'touched' run")
    ap.add_argument("--peers", action="store_true", help="also time the peer tools")
    ap.add_argument("--big-unit", help="one large unit to time alone (e.g. sqlite3.c)")
    ap.add_argument("--big-unit-lines", type=int, default=120000,
                    help="lines of the generated big unit when --big-unit is not given")
    args = ap.parse_args()
    # A private copy: the cache is keyed by the binary, so a rebuild during
    # the benchmark must not turn the warm run into a cold one.
    private = tempfile.mkdtemp(prefix="fsrace-bench-bin-")
    shutil.copy2(args.fsrace, private)
    args.fsrace = os.path.join(private, os.path.basename(args.fsrace))
    memo = {}
    ents = sorted(entries(args.build_dir), key=lambda e: -include_bytes(e, memo))
    lines = count_lines(ents)
    j = args.j
    print(f"{len(ents)} files, {lines} lines (main files), -j{j}, "
          f"median of {args.repeat}; {os.uname().nodename}, {os.cpu_count()} cores")

    floor, floor_rss, floor_cpu = median_of(args.repeat, lambda: run_floor(args.clang, ents, j))
    strict, _, _, _, strict_cpu = median_of(args.repeat, lambda: run_fsrace(
        args.fsrace, args.build_dir, j, None, ["--no-prefilter"], {"FSRACE_PARSE_ONLY": "1"}))
    caches = []

    def cold(jobs, extra=()):
        cache = tempfile.mkdtemp(prefix="fsrace-bench-")
        caches.append(cache)
        return run_fsrace(args.fsrace, args.build_dir, jobs, cache, extra)

    cold_j, cold_rss, findings, stats, cold_cpu = median_of(args.repeat, lambda: cold(j))
    cold_peaks = getattr(run_fsrace, "peaks", None)   # of the last cold run
    warm_cache = caches[0]
    full, _, full_findings, full_stats, full_cpu = median_of(args.repeat,
                                                   lambda: cold(j, ["--no-prefilter"]))
    cold_1, one_rss, _, _, _ = median_of(args.repeat, lambda: cold(1))
    warm, warm_rss, warm_findings, _, warm_cpu = median_of(
        args.repeat, lambda: run_fsrace(args.fsrace, args.build_dir, j, warm_cache))

    touch = args.touch or ents[0][1]
    with open(touch, "rb") as f:
        original = f.read()
    try:
        with open(touch, "ab") as f:
            f.write(b"\n/* fsrace benchmark: touched */\n")
        touched, _, _, _, _ = run_fsrace(args.fsrace, args.build_dir, j, warm_cache)
        one_file, _, _ = run_floor(args.clang, [e for e in ents if e[1] == touch], 1)
    finally:
        with open(touch, "wb") as f:
            f.write(original)
    peer_rows = peers(args, ents) if args.peers else []
    big = big_unit(args, private)

    def row(name, secs, extra="", cpu=None):
        used = f"{cpu:7.2f} s CPU" if cpu is not None else " " * 13
        print(f"  {name:<32} {secs:8.2f} s  {used}  {len(ents) / secs:7.1f} files/s  "
              f"{lines / secs:9.0f} lines/s  {extra}")

    def parses(st):
        """Parses per parsed unit, and how many units were not parsed."""
        if not st:
            return "no --stats line"
        _, _, idle, analysed, again, parsed_again, kept, kept_mib = st
        per = (analysed + parsed_again) / analysed if analysed else 0
        return (f"{per:.2f} parses per parsed unit ({again} analysed again, {kept} units "
                f"kept: {kept_mib:.1f} MiB), {idle} units not parsed")

    print()
    row(f"parse floor (clang -j{j})", floor, f"max RSS of one clang {floor_rss // 1024} MiB",
        floor_cpu)
    row(f"strict floor (in-process -j{j})", strict, "parse only, every unit", strict_cpu)
    row(f"fsrace cold -j{j}", cold_j, f"max RSS {cold_rss // 1024} MiB, {findings} findings; "
        f"{parses(stats)}", cold_cpu)
    if cold_peaks:
        print(f"  {'':<32} peak memory of the supervisor {cold_peaks[0]} MiB, of the largest "
              f"worker {cold_peaks[1]} MiB (--stats, last cold run)")
    row(f"fsrace cold -j{j} --no-prefilter", full, f"{full_findings} findings; "
        f"{parses(full_stats)}", full_cpu)
    row("fsrace cold -j1", cold_1, f"max RSS {one_rss // 1024} MiB (one worker)")
    row(f"fsrace warm -j{j}", warm, f"{warm_findings} findings", warm_cpu)
    row("fsrace, one file touched", touched, f"(that file alone parses in {one_file:.2f} s)")
    for name, wall in peer_rows:
        row(name, wall, f"x{wall / floor:.2f} the clang floor")
    print()
    print("  ratio                     wall    CPU")
    print(f"  cold / floor             {cold_j / floor:6.3f}  {cold_cpu / floor_cpu:6.3f}"
          "   (target <= 0.5)")
    print(f"  cold / strict floor      {cold_j / strict:6.3f}  {cold_cpu / strict_cpu:6.3f}"
          "   (target <= 0.7)")
    print(f"  no pre-filter / strict   {full / strict:6.3f}  {full_cpu / strict_cpu:6.3f}"
          "   (the analysis's own cost)")
    print(f"  warm / cold              {warm / cold_j:6.3f}  {warm_cpu / cold_cpu:6.3f}"
          "   (target <= 0.02)")
    print(f"  touched / (warm + file)  {touched / (warm + one_file):6.3f}   (target <= 1.2)")
    print(f"  -j1 / -j{j}                {cold_1 / cold_j:6.3f}   (target >= 1.9)")
    print(f"  peak memory per worker   {one_rss // 1024} MiB   (target <= 150)")
    name, big_lines, big_clang, big_strict, big_full = big
    print(f"\n  big single unit: {name}, {big_lines} lines, -j1, CPU: clang {big_clang:.2f} s, "
          f"strict floor {big_strict:.2f} s, fsrace {big_full:.2f} s")
    print(f"  big unit / strict floor  {big_full / big_strict:6.3f}   (target <= 1.3)")
    print(f"  big unit / clang         {big_full / big_clang:6.3f}")
    for other, name in ((warm_findings, "warm"), (full_findings, "--no-prefilter")):
        if other != findings:
            print(f"  WARNING: the {name} run found {other} findings, cold {findings}")
    for c in caches + [private]:
        shutil.rmtree(c, ignore_errors=True)


if __name__ == "__main__":
    main()
