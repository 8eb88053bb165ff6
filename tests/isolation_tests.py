"""Isolation tests for fsrace, run by tests/run.py (Part 3, as
"isolation/<name>" for -k).

Every unit is analysed in a worker process of its own under --timeout and
--max-memory (src/cli/workers.h).  A file that crashes libclang, exhausts
memory or never finishes must become that file's one-line error, exit
status 2, while the racy file beside it is still analysed and reported.
Each bad file holds a racy function too, so that the pre-filter (which
skips units that cannot produce a finding) hands it to a worker.  Cases
are written like tests/bad_input.py's (same Context, same checks on
every run: the harness's 60 s timeout, no crash, no sanitizer report, every
stderr line a one-line "fsrace:" message).
"""

import os

import bad_input
from bad_input import RACE_C

CASES = []


def case(name):
    """Decorator registering a case function under name."""
    def register(func):
        """Add func to CASES and return it unchanged."""
        CASES.append(bad_input.Case(name, func, func.__code__.co_firstlineno))
        return func
    return register


def run_case(one_case, fsrace, harness):
    """Run one case in a fresh temporary directory."""
    return bad_input.run_case(one_case, fsrace, harness)


def doubling_macro(levels=22):
    """A0+A0 doubled `levels` times: 4 million terms after expansion."""
    lines = ["int A0 = 1;", "#define A1 A0+A0"]
    lines += [f"#define A{i} A{i - 1}+A{i - 1}" for i in range(2, levels + 1)]
    lines.append(f"int use(void) {{ return A{levels}; }}")
    return "\n".join(lines) + "\n" + RACE_C


def expect_error_and_race(ctx, run, name):
    """Exit 2, one error line naming name, and race.c's finding."""
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, rf"^fsrace: error: (\S*/)?{name}: ", f"{name} in an error line")
    ctx.expect_finding(run, ctx.path("race.c"))


@case("doubling-macro")
def doubling_macro_case(ctx):
    """The 22-fold doubling macro overflows libclang's stack or takes
    gigabytes and minutes: within the limits it is its file's error."""
    bad = ctx.write("double.c", doubling_macro())
    run = ctx.run("--format", "json", "--max-memory", "256", "--timeout", "20",
                  bad, ctx.race(), "--")
    expect_error_and_race(ctx, run, r"double\.c")


@case("dev-zero-include")
def dev_zero_include(ctx):
    """#include "/dev/zero" reads without end: the memory limit stops it."""
    bad = ctx.write("zero.c", '#include "/dev/zero"\n' + RACE_C)
    run = ctx.run("--format", "json", "--max-memory", "256", "--timeout", "30",
                  bad, ctx.race(), "--")
    expect_error_and_race(ctx, run, r"zero\.c")
    ctx.expect_stderr(run, r"zero\.c: .*(memory|crash)", "memory or a crash")


@case("fifo-include")
def fifo_include(ctx):
    """#include of a FIFO nobody writes to blocks: the time limit stops it."""
    os.mkfifo(ctx.path("fifo"))
    bad = ctx.write("fifo.c", '#include "fifo"\n' + RACE_C)
    run = ctx.run("--format", "json", "--timeout", "2", bad, ctx.race(), "--")
    expect_error_and_race(ctx, run, r"fifo\.c")
    ctx.expect_stderr(run, r"fifo\.c: .*longer than 2 s \(--timeout\)", "the time limit")


@case("dev-stdin-include")
def dev_stdin_include(ctx):
    """#include "/dev/stdin" never waits on fsrace's standard input: a
    worker's is /dev/null, so the file is analysed (no time limit given)."""
    ctx.write("stdin.c", '#include "/dev/stdin"\n' + RACE_C)
    # Standard input is a FIFO held open, silent, by a writer for 90 s.
    shell = ('mkfifo in; sleep 90 > in 2>/dev/null & w=$!; '
             '"$@" < in; rc=$?; kill $w; exit $rc')
    run = ctx.run("--format", "json", "stdin.c", "--", prefix=("sh", "-c", shell, "sh"))
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, ctx.path("stdin.c"), line=bad_input.RACE_LINE + 1)


@case("limit-usage")
def limit_usage(ctx):
    """--timeout and --max-memory take a number from 0."""
    for args in (("--timeout", "x"), ("--timeout", "-1"), ("--max-memory", ""),
                 ("--max-memory", "99999999999"), ("--timeout",)):
        run = ctx.run(*args, ctx.race(), label=" ".join(args))
        ctx.expect_exit(run, 2)
        ctx.expect_stderr(run, args[0], args[0])


@case("order-with-failures")
def order_with_failures(ctx):
    """With a file given up in the middle, -j1 and -j2 print the same
    report, byte for byte, and every racy file is in it."""
    os.mkfifo(ctx.path("fifo"))
    files = [ctx.write("a.c", RACE_C), ctx.write("b.c", '#include "fifo"\n' + RACE_C),
             ctx.write("c.c", RACE_C), ctx.write("d.c", "\n" + RACE_C)]
    runs = [ctx.run("--format", "json", "--timeout", "2", f"-j{j}", *files, "--",
                    label=f"-j{j}") for j in (1, 2)]
    for run in runs:
        ctx.expect_exit(run, 2)
        ctx.expect_stderr(run, r"^fsrace: error: (\S*/)?b\.c: ", "b.c in an error line")
        for path, line in ((files[0], 5), (files[2], 5), (files[3], 6)):
            ctx.expect_finding(run, path, line=line)
    if runs[0].proc.stdout != runs[1].proc.stdout:
        ctx.fail(runs[1], "-j1 and -j2 reports differ")


@case("could-not-parse-no-leak")
def could_not_parse_no_leak(ctx):
    """Arguments libclang's driver rejects: the file's error, and (in the
    sanitizer build) no LeakSanitizer report for the memory buffer libclang
    leaks on that path (issue 12.14)."""
    race = ctx.race()
    run = ctx.run("--format", "json", race, "--", "other.c")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: error: (\S*/)?race\.c: libclang could not parse",
                      "race.c could not be parsed")
