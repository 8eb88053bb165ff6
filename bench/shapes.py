#!/usr/bin/env python3
"""How fsrace's time and memory grow with the size of one function or file.

Usage: python3 bench/shapes.py [--fsrace PATH] [--clang clang-19]
                               [--shape NAME ...] [--start N] [--steps K]
                               [--budget SECONDS]

Each shape is a generated C file whose size doubles K times from N
repetitions of one statement pattern (the shapes that made fsrace crawl:
long functions of check/use pairs, nested ifs, else-if chains, switches,
loops, gotos, copies of one name, many small wrappers...). For every size
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

Targets (the speed issue): exponent <= 1.2 for time and memory, and at the
largest size within 3x the parse time.
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


SHAPES = {
    "straight": straight, "if-pairs": if_pairs, "nested-ifs": nested_ifs,
    "else-if": else_if, "switch": switch, "loops": loops, "reassigned": reassigned,
    "copies": copies, "gotos": gotos, "wrappers": wrappers,
    "many-functions": many_functions,
}


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


def run_shape(name, args, tmp):
    print(f"{name}:")
    times, mems, last = [], [], None
    n = args.start
    for _ in range(args.steps):
        path = os.path.join(tmp, f"{name}-{n}.c")
        with open(path, "w") as f:
            f.write(PRELUDE + SHAPES[name](n))
        lines = sum(1 for _ in open(path))
        _, parse, parse_mem = measure([args.clang, "-fsyntax-only", "-w", path], args.budget)
        wall, secs, mem = measure([args.fsrace, "--no-cache", "-j1", path, "--"], args.budget)
        if secs is None:
            print(f"  {lines:>8} lines: fsrace >{args.budget:.0f} s (stopped), "
                  f"parse {parse:.2f} s CPU")
            break
        print(f"  {lines:>8} lines: fsrace {secs:7.2f} s CPU ({wall:.2f} wall) {mem:7.0f} MiB"
              f" | parse {parse:6.2f} s CPU {parse_mem:5.0f} MiB | x{secs / parse:5.2f}")
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fsrace-shapes-") as tmp:
        for name in args.shape or SHAPES:
            run_shape(name, args, tmp)


if __name__ == "__main__":
    main()
