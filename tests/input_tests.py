"""Input tests for fsrace, run by tests/run.py (Part 5).

How fsrace reads what it is given: compile databases (out-of-tree and
VPATH builds recorded by bear, strict JSON, -p as a directory or a file,
discovery next to the files), one file under several spellings, path
filters, FIFOs and devices where a file is expected, -o naming one of the
inputs, and the configuration file's JSON.

Cases are written like tests/bad_input.py's (same Context, same checks on
every run: no crash, no sanitizer report, one-line "fsrace:" messages) and
registered here with @case(name); -k selects them as "input/<name>".  Runs
that could hang (a FIFO, a device) get a short timeout, so that a
regression fails quickly instead of holding the suite.
"""

import json
import os
import shutil
import stat
import subprocess
import threading
import time

import bad_input
from bad_input import RACE_C, RACE_LINE, Skip

CASES = []
HANG_TIMEOUT = 15       # seconds; an honest run of these inputs takes < 1 s


def case(name):
    """Decorator registering an input case under name."""
    def register(func):
        """Add func to CASES and return it unchanged."""
        CASES.append(bad_input.Case(name, func, func.__code__.co_firstlineno))
        return func
    return register


def run_case(one_case, fsrace, harness):
    """Run one case like bad_input does."""
    return bad_input.run_case(one_case, fsrace, harness)


class ShortHarness:
    """The runner's harness with a short timeout on every process."""

    def __init__(self, harness):
        """Wrap harness."""
        self.inner = harness

    def run(self, argv, cwd):
        """Run with HANG_TIMEOUT instead of the runner's 60 s."""
        return self.inner.run(argv, cwd, timeout=HANG_TIMEOUT)

    def problems(self, proc):
        """As the runner's."""
        return self.inner.problems(proc)

    def findings(self, proc, cwd):
        """As the runner's."""
        return self.inner.findings(proc, cwd)


def run_short(ctx, *args, **kwargs):
    """ctx.run with a short timeout (for inputs that used to hang)."""
    saved = ctx.harness
    ctx.harness = ShortHarness(saved)
    try:
        return ctx.run(*args, **kwargs)
    finally:
        ctx.harness = saved


def stderr_lines(run):
    """The non-empty lines fsrace wrote on stderr."""
    return [line for line in run.proc.stderr.splitlines() if line.strip()]


def expect_one_error(ctx, run, pattern, what):
    """Exit 2 and an error line matching pattern."""
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: error: .*" + pattern, what)


def stdout_text(run):
    """stdout as text."""
    return run.proc.stdout.decode("utf-8", "replace")


# --------------------------------------------------------------------------
# FIFOs, devices and endless files where fsrace reads a file itself

def feed_fifo_once(path, data, deadline=HANG_TIMEOUT):
    """In the background, write data to the FIFO path once a reader opens
    it (the way a header is fed to libclang), then close it. Never blocks
    the test: the writer polls with O_NONBLOCK until the deadline."""
    def writer():
        """Poll until a reader exists, write, close."""
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.02)
                continue
            try:
                os.set_blocking(fd, True)
                os.write(fd, data.encode())
            finally:
                os.close(fd)
            return
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


@case("fifo-baseline")
def fifo_baseline(ctx):
    """--baseline FIFO and --baseline /dev/zero: one line, exit 2, no hang."""
    race = ctx.race()
    os.mkfifo(ctx.path("base.json"))
    for name in (ctx.path("base.json"), "/dev/zero"):
        run = run_short(ctx, "--baseline", name, race, "--", label=name)
        expect_one_error(ctx, run, r"(FIFO|not a regular file)",
                         "a FIFO or 'not a regular file'")


@case("fifo-config")
def fifo_config(ctx):
    """--config FIFO, --config /dev/zero and a .fsrace.json that is a FIFO."""
    race = ctx.race()
    os.mkfifo(ctx.path("cfg.json"))
    for name in (ctx.path("cfg.json"), "/dev/zero"):
        run = run_short(ctx, "--config", name, race, "--", label=name)
        expect_one_error(ctx, run, r"(FIFO|not a regular file)",
                         "a FIFO or 'not a regular file'")
    os.mkfifo(ctx.path(".fsrace.json"))
    os.mkdir(ctx.path(".git"))          # the search for it stops here
    run = run_short(ctx, race, "--", label=".fsrace.json")
    expect_one_error(ctx, run, r"\.fsrace\.json: .*FIFO", ".fsrace.json and FIFO")


@case("fifo-compile-db")
def fifo_compile_db(ctx):
    """-p DIR whose compile_commands.json is a FIFO, or a link to /dev/zero."""
    ctx.race()
    os.mkdir(ctx.path("b1"))
    os.mkfifo(ctx.path("b1/compile_commands.json"))
    os.mkdir(ctx.path("b2"))
    os.symlink("/dev/zero", ctx.path("b2/compile_commands.json"))
    for build in ("b1", "b2"):
        run = run_short(ctx, "-p", ctx.path(build), label=build)
        expect_one_error(ctx, run, r"compile_commands\.json: .*(FIFO|not a regular file)",
                         "compile_commands.json: not a regular file")


@case("fifo-source-excerpt")
def fifo_source_excerpt(ctx):
    """A finding in a file that is a FIFO (its lines come from an #include
    inside the function): libclang reads it once, the text and HTML reports
    must not block reading it again for the excerpts."""
    ctx.write("m.c", "#include <fcntl.h>\n#include <unistd.h>\n"
              "int f(const char *p) {\n#include \"body.h\"\n}\n")
    body = "  if (access(p, R_OK) == 0)\n    return open(p, O_RDONLY);\n  return -1;\n"
    os.mkfifo(ctx.path("body.h"))
    for fmt in ("text", "html"):
        feed_fifo_once(ctx.path("body.h"), body)
        run = run_short(ctx, "--no-cache", "--format", fmt, "m.c", label=fmt)
        ctx.expect_exit(run, 1)
        if "body.h" not in stdout_text(run):
            ctx.fail(run, "the finding in body.h is not reported")
