#!/usr/bin/env python3
"""How fsrace's time and memory grow with the size of one function or file.

Usage: python3 bench/shapes.py [--fsrace PATH] [--clang clang-19]
                               [--shape NAME ...] [--start N] [--steps K]
                               [--budget SECONDS] [--repeat R] [--issue-sizes]

Each shape is a generated C file whose size doubles K times from N
repetitions of one statement pattern (the shapes that made fsrace crawl:
long functions of check/use pairs, nested ifs, else-if chains, switches,
loops, gotos, copies of one name, many small wrappers, a big file of
ordinary functions, one shaped like sqlite's amalgamation, a configuration declaring many functions). For every size
it runs `fsrace --no-cache FILE --` and `clang -fsyntax-only FILE`, one
after the other, and records CPU time (user + system, fsrace's worker
included; wall time is shown beside it but depends on the machine's load)
and peak memory (max RSS, wait4).
It prints, per shape, the fitted exponent of time and of memory against
the file's lines (least squares on log-log over the largest three sizes,
where start-up no longer dominates) and fsrace's ratio to the parse of the
same file at the largest size (both in CPU time). A size whose fsrace run
exceeds --budget seconds of wall time ends that shape (it is killed and
reported as ">budget").

Targets (issue 12 point 8, issue 14 item 1): exponent <= 1.2 for time and
memory, and at 8x the issues' sizes (--issue-sizes --steps 4) within 3x the
parse time and 2x clang's memory. For config-decls, the parse is of the small
C file only: its ratios say what the declarations cost.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

PRELUDE = ("#include <fcntl.h>\n#include <stdio.h>\n#include <stdlib.h>\n"
           "#include <sys/stat.h>\n#include <unistd.h>\n")


def body_fn(stmt, n, params="const char *p"):
    """One function whose body repeats stmt(i) n times."""
    lines = [f"int f({params})", "{", "    int fd = -1; struct stat st; (void)st;"]
    lines += [stmt(i) for i in range(n)]
    lines += ["    return fd;", "}"]
    return "\n".join(lines) + "\n"


def straight(n):
    return body_fn(lambda i: f"    access(p, R_OK); fd = open(p, O_RDONLY); close(fd);", n)


def if_pairs(n):
    return body_fn(lambda i: f"    if (access(p, R_OK) == 0) fd = open(p, O_RDONLY);", n)


def nested_ifs(n):
    depth = min(n, 200)     # deeper nesting is the bad-input test's business
    groups = max(1, n // depth)
    out = []
    for g in range(groups):
        out += [f"    if (stat(p, &st) == {g % 3}) {{" for _ in range(depth)]
        out.append("    fd = open(p, O_RDONLY);")
        out += ["    }" for _ in range(depth)]
    return body_fn(lambda i: out[i], len(out))


def else_if(n):
    out = ["    if (access(p, F_OK) == 0) fd = 0;"]
    out += [f"    else if (access(p, {i % 7}) == 0) fd = open(p, O_RDONLY);" for i in range(n)]
    return body_fn(lambda i: out[i], len(out))


def switch(n):
    out = ["    switch (access(p, R_OK)) {"]
    out += [f"    case {i}: fd = open(p, O_RDONLY); break;" for i in range(n)]
    out.append("    }")
    return body_fn(lambda i: out[i], len(out))


def loops(n):
    return body_fn(lambda i: "    for (int k = 0; k < 3; k++) "
                   "if (access(p, R_OK) == 0) fd = open(p, O_RDONLY);", n)


def reassigned(n):
    return body_fn(lambda i: f"    p = getenv(\"X{i}\"); if (access(p, R_OK) == 0) "
                   "fd = open(p, O_RDONLY);", n)


def filled_name(n):
    """One buffer filled once at the top, then n check/use pairs on it: each
    call's name is traced back to the fill over every earlier pair."""
    out = ['    char buf[64]; snprintf(buf, sizeof buf, "/tmp/%s", p);']
    out += ["    access(buf, R_OK); fd = open(buf, O_RDONLY); close(fd);" for _ in range(n)]
    return body_fn(lambda i: out[i], len(out))


def copies(n):
    out = ["    const char *q0 = p;"]
    out += [f"    const char *q{i + 1} = q{i};" for i in range(n)]
    out += [f"    if (access(q{n}, R_OK) == 0) fd = open(p, O_RDONLY);"]
    return body_fn(lambda i: out[i], len(out))


def gotos(n):
    out = []
    for i in range(n):
        out.append(f"  l{i}: if (access(p, R_OK) == 0) goto l{(i * 7 + 3) % n};")
        out.append(f"    fd = open(p, O_RDONLY); if (fd > {i}) goto l{(i * 3 + 1) % n};")
    return body_fn(lambda i: out[i], len(out))


def wrappers(n):
    out = []
    for i in range(n):
        callee = f"w{i - 1}(p)" if i else "access(p, R_OK)"
        out.append(f"int w{i}(const char *p) {{ return {callee}; }}")
    out.append(f"int g(const char *p) {{ if (w{n - 1}(p) == 0) return open(p, O_RDONLY); "
               "return -1; }")
    return "\n".join(out) + "\n"


def many_functions(n):
    return "".join(f"int f{i}(const char *p) {{ if (access(p, R_OK) == 0) "
                   "return open(p, O_RDONLY); return -1; }\n" for i in range(n))


def big_file(n):
    """About n lines of ordinary code: 10-line functions with a loop,
    branches, arithmetic and, in every tenth, a check/use pair."""
    out = []
    for k in range(max(1, n // 10)):
        race = (f"    if (access(p, R_OK) == 0) y += open(p, O_RDONLY);"
                if k % 10 == 0 else f"    y ^= x << {k % 7};")
        out += [f"int g{k}(const char *p, int x)", "{", f"    int y = x + {k};",
                f"    for (int i = 0; i < x; i++) y += i * {k % 13};",
                f"    if (y > {k}) y -= {k}; else y += 3;",
                f"    switch (y & 3) {{ case 0: y++; break; case 1: y--; break; default: break; }}",
                race, "    while (y > 1000) y /= 2;", "    return y;", "}"]
    return "\n".join(out) + "\n"


def amalgamation(n):
    """About n lines shaped like sqlite3.c: one unit of static functions
    declared with attribute macros, reaching a shared struct through
    function-like macros, with a file check/use pair in every fiftieth."""
    out = ["#define API_STATIC static __attribute__((noinline)) __attribute__((unused))",
           "#define ALWAYS(X) (X)", "#define NEVER(X) (X)", "#define testcase(X)",
           "#define CTX_FIELD(c, f) ((c)->f)",
           "struct ctx { int n; int flags; char name[64]; struct ctx *next; };"]
    for k in range(max(1, n // 12)):
        race = (f"    if (access(p, R_OK) == 0) y += open(p, O_RDONLY);"
                if k % 50 == 0 else f"    y ^= CTX_FIELD(c, flags) << {k % 7};")
        out += [f"API_STATIC int a{k}(struct ctx *c, const char *p, int x)", "{",
                f"    int y = x + CTX_FIELD(c, n) + {k};", "    testcase(y == 0);",
                f"    for (int i = 0; ALWAYS(i < x); i++) y += i * {k % 13};",
                f"    if (NEVER(y > {k})) y -= {k}; else if (c->next) y += c->next->n;",
                f"    switch (y & 3) {{ case 0: y++; break; case 1: y--; break; default: break; }}",
                race, "    while (y > 1000) y /= 2;",
                f"    return y{f' + a{k - 1}(c, p, y)' if k % 4 else ''};", "}"]
    return "\n".join(out) + "\n"


def config_decls(n):
    """A .fsrace.json declaring n functions (one per line), and a file
    calling a few of them: (source, configuration)."""
    decls = [f'    "chk{i}": {{"role": "check", "like": "stat"}}' if i % 2 == 0 else
             f'    "use{i}": {{"role": "use", "like": "open"}}' for i in range(n)]
    config = '{\n  "functions": {\n' + ",\n".join(decls) + "\n  }\n}\n"
    calls = []
    for i in range(0, min(n, 200), 2):
        calls.append(f"int chk{i}(const char *p); int use{i + 1}(const char *p);\n"
                     f"int f{i}(const char *p) {{ if (chk{i}(p) == 0) return use{i + 1}(p); "
                     "return -1; }")
    return "\n".join(calls) + "\n", config


SHAPES = {
    "straight": straight, "if-pairs": if_pairs, "nested-ifs": nested_ifs,
    "else-if": else_if, "switch": switch, "loops": loops, "reassigned": reassigned,
    "copies": copies, "filled-name": filled_name, "gotos": gotos, "wrappers": wrappers,
    "many-functions": many_functions, "big-file": big_file, "config-decls": config_decls,
    "amalgamation": amalgamation,
}

# The size each shape has in the issues (repetitions of its pattern): N
# check/use pairs (500 to 2,000), a switch of 8,000 cases, 1,000 labels
# and gotos, 8,000 wrappers, a 200k-line file, 40k declarations (issue 12
# point 8); the generated-function shapes at 10k lines, so that 8x is the
# 80k lines of issue 14 item 1. --issue-sizes runs 1x, 2x, 4x and 8x.
ISSUE_SIZES = {
    "straight": 2000, "if-pairs": 2000, "nested-ifs": 10000, "else-if": 10000,
    "switch": 8000, "loops": 10000, "reassigned": 10000, "copies": 10000,
    "filled-name": 10000, "gotos": 1000,
    "wrappers": 8000, "many-functions": 8000, "big-file": 200000, "config-decls": 40000,
    "amalgamation": 270000,
}


def measure_median(argv, budget, repeat):
    """measure() repeated; the run with the median CPU time."""
    runs = []
    for _ in range(repeat):
        run = measure(argv, budget)
        if run[1] is None:
            return run
        runs.append(run)
    runs.sort(key=lambda r: r[1])
    return runs[len(runs) // 2]


def measure(argv, budget):
    """(wall seconds, CPU seconds, max RSS MiB) of one run, the CPU time and
    memory of the process and the children it waited for (fsrace's worker),
    or (None, None, None) past budget."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + budget
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return (time.monotonic() - start, usage.ru_utime + usage.ru_stime,
                    usage.ru_maxrss / 1024)
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None, None, None
        time.sleep(0.01)


def fit(points):
    """Least-squares slope of log(y) against log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-3)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def write_shape(name, n, tmp):
    """Write the shape's file(s); (C file, extra fsrace arguments, lines of
    input: the C file's, and the configuration's for config-decls)."""
    made = SHAPES[name](n)
    source, config = made if isinstance(made, tuple) else (made, None)
    path = os.path.join(tmp, f"{name}-{n}.c")
    with open(path, "w") as f:
        f.write(PRELUDE + source)
    lines = (PRELUDE + source).count("\n")
    extra = []
    if config is not None:
        cfg = os.path.join(tmp, f"{name}-{n}.json")
        with open(cfg, "w") as f:
            f.write(config)
        extra = ["--config", cfg]
        lines += config.count("\n")
    return path, extra, lines


def run_shape(name, args, tmp):
    print(f"{name}:")
    times, mems, last = [], [], None
    n = ISSUE_SIZES[name] if args.issue_sizes else args.start
    for _ in range(args.steps):
        path, extra, lines = write_shape(name, n, tmp)
        load = os.getloadavg()[0]
        _, parse, parse_mem = measure_median([args.clang, "-fsyntax-only", "-w", path],
                                             args.budget, args.repeat)
        wall, secs, mem = measure_median([args.fsrace, "--no-cache", "-j1", *extra, path, "--"],
                                         args.budget, args.repeat)
        if secs is None:
            print(f"  {n:>8} reps {lines:>8} lines: fsrace >{args.budget:.0f} s wall (stopped), "
                  f"parse {parse:.2f} s CPU, load {load:.1f}")
            break
        print(f"  {n:>8} reps {lines:>8} lines: fsrace {secs:7.2f} s CPU ({wall:.2f} wall) "
              f"{mem:7.0f} MiB | parse {parse:6.2f} s CPU {parse_mem:5.0f} MiB | "
              f"x{secs / parse:5.2f} time x{mem / parse_mem:4.2f} memory | load {load:.1f}")
        times.append((lines, secs))
        mems.append((lines, mem))
        last = (secs / parse, mem / parse_mem)
        n *= 2
    if len(times) >= 3:
        print(f"  exponent: time {fit(times[-3:]):.2f}, memory {fit(mems[-3:]):.2f}; "
              f"at the largest size x{last[0]:.2f} the parse's time, "
              f"x{last[1]:.2f} its memory")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--fsrace", default=os.path.join(here, "..", "build", "fsrace"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES))
    ap.add_argument("--start", type=int, default=500)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--budget", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per size (the median CPU time is kept)")
    ap.add_argument("--issue-sizes", action="store_true",
                    help="start each shape at its size in the issues (ISSUE_SIZES) "
                         "and run 1x, 2x, 4x, 8x (with --steps 4)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fsrace-shapes-") as tmp:
        for name in args.shape or SHAPES:
            run_shape(name, args, tmp)


if __name__ == "__main__":
    main()
