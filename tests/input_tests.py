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
HANG_TIMEOUT = 45       # seconds; an honest run takes < 1 s, but CI and shared
                        # machines can be loaded 10x over


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
        run = run_short(ctx, "--no-cache", "--min-risk", "low", "--format", fmt, "m.c",
                        label=fmt)
        ctx.expect_exit(run, 1)
        if "body.h" not in stdout_text(run):
            ctx.fail(run, "the finding in body.h is not reported")


# --------------------------------------------------------------------------
# Compile databases: out-of-tree builds, spellings, -p, discovery, JSON

RACE_WITH_HEADER = RACE_C.replace("#include <unistd.h>",
                                  "#include <unistd.h>\n#include \"cfg.h\"") \
                         .replace("R_OK", "MODE")
HEADER_LINE = RACE_LINE + 1     # the race's use, below the extra #include

CONFIGURE = """\
#!/bin/sh
# In the autotools style: run from the build folder, it writes each
# Makefile from its Makefile.in, with the way back to the sources.
srcdir=$(dirname "$0")
for mk in Makefile lib/Makefile; do
    mkdir -p "$(dirname "$mk")"
    case $mk in */*) up=../ ;; *) up= ;; esac
    sed -e "s|@srcdir@|$up$srcdir/|" -e "s|@top_srcdir@|$up$srcdir|" \\
        "$srcdir/$mk.in" > "$mk"
done
"""
TOP_MAKEFILE_IN = """\
srcdir = @srcdir@
top_srcdir = @top_srcdir@
VPATH = @srcdir@
all: main.o
\t$(MAKE) -C lib
main.o: main.c
\t$(CC) -I$(top_srcdir)/include -c $< -o $@
"""
LIB_MAKEFILE_IN = """\
top_srcdir = @top_srcdir@
all: x.o
x.o: $(top_srcdir)/src/x.c
\t$(CC) -I$(top_srcdir)/include -c $(top_srcdir)/src/x.c -o $@
"""


def autotools_project(ctx):
    """proj/ with a configure script, a VPATH Makefile.in and lib/ that
    compiles ../../proj/src/x.c; returns the two racy sources."""
    ctx.write("proj/configure", CONFIGURE)
    os.chmod(ctx.path("proj/configure"), 0o755)
    ctx.write("proj/Makefile.in", TOP_MAKEFILE_IN)
    ctx.write("proj/lib/Makefile.in", LIB_MAKEFILE_IN)
    ctx.write("proj/include/cfg.h", "#define MODE R_OK\n")
    return (ctx.write("proj/main.c", RACE_WITH_HEADER),
            ctx.write("proj/src/x.c", RACE_WITH_HEADER.replace("int f(", "int g(")))


def build_out_of_tree(ctx):
    """../proj/configure && bear -- make, in build/; or raise Skip."""
    for tool in ("bear", "make", "cc"):
        if not shutil.which(tool):
            raise Skip(f"{tool} is not installed (scripts/setup.sh installs it)")
    os.mkdir(ctx.path("build"))
    for argv in (["../proj/configure"], ["bear", "--", "make", "-s"]):
        done = subprocess.run(argv, cwd=ctx.path("build"), capture_output=True,
                              text=True, timeout=120, check=False)
        if done.returncode:
            raise Skip(f"{' '.join(argv)} failed: {done.stderr.strip()[:200]}")


@case("out-of-tree-autotools-bear")
def out_of_tree_autotools_bear(ctx):
    """An autotools-style project configured and built out of tree under
    bear: every source argument is spelled with '..'; both files are
    analysed, each once."""
    main, lib = autotools_project(ctx)
    build_out_of_tree(ctx)
    with open(ctx.path("build/compile_commands.json")) as db:
        entries = json.load(db)
    if not any(".." in arg for e in entries for arg in e.get("arguments", [])):
        ctx.fail(bad_input.Run(None, "bear"), "bear recorded no argument with '..'")
    run = ctx.run("--format", "json", "-p", ctx.path("build"))
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, main, line=HEADER_LINE)
    ctx.expect_finding(run, lib, line=HEADER_LINE)
    if "could not parse" in run.proc.stderr:
        ctx.fail(run, f"a file was not parsed{bad_input.first_line(run.proc.stderr)}")
    run = ctx.run("-p", ctx.path("build"), "--format", "json", cwd=ctx.path("build"),
                  label="from build/")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, lib, line=HEADER_LINE)


def findings_of(ctx, run):
    """The findings in run's JSON output (none if it is not JSON)."""
    try:
        return ctx.harness.findings(run.proc, ctx.tmp)
    except ValueError:
        return []


def expect_once(ctx, run, path, line):
    """Exactly one finding of the race at path:line."""
    real = os.path.realpath(path)
    count = sum(1 for f in findings_of(ctx, run) if f.file == real and f.line == line)
    if count != 1:
        ctx.fail(run, f"{os.path.basename(path)}:{line} reported {count} times, "
                 "expected once")


@case("compile-db-source-spellings")
def compile_db_source_spellings(ctx):
    """Entries whose source argument is './x.c', '../x.c' or
    'sub/../x.c' while "file" says it otherwise; two entries for one file."""
    ctx.write("p/inc/cfg.h", "#define MODE R_OK\n")
    a = ctx.write("p/a.c", RACE_WITH_HEADER)
    b = ctx.write("p/b.c", RACE_WITH_HEADER.replace("int f(", "int h("))
    c = ctx.write("p/sub/c.c", RACE_WITH_HEADER.replace("int f(", "int k("))
    os.makedirs(ctx.path("p/sub/obj"))
    entries = [
        {"directory": ctx.path("p"), "file": ctx.path("p/a.c"),
         "arguments": ["cc", "-Iinc", "-c", "./a.c"]},
        {"directory": ctx.path("p/sub"), "file": ctx.path("p/sub/../b.c"),
         "arguments": ["cc", "-I../inc", "-c", "../b.c", "-o", "b.o"]},
        {"directory": ctx.path("p/sub/obj"), "file": "../c.c",
         "command": "cc -I../../inc -c ../obj/../c.c"},
        {"directory": ctx.path("p"), "file": "a.c",
         "arguments": ["cc", "-Iinc", "-c", "sub/../a.c"]},
    ]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    run = ctx.run("--format", "json", "-p", ctx.path("build"))
    ctx.expect_exit(run, 1)
    for path in (a, b, c):
        expect_once(ctx, run, path, HEADER_LINE)


IS_DIR_STAT = """\
#include <sys/stat.h>
int is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }
"""
IS_DIR_TEXT = """\
#include <string.h>
int is_dir(const char *p) { size_t n = strlen(p); return n && p[n - 1] == '/'; }
"""
FIX_C = """\
#include <sys/stat.h>
#include <unistd.h>
int is_dir(const char *p);
int become_root(void) { return setuid(0); }
int fix(const char *p) {
  if (is_dir(p))
    return chmod(p, 0700);
  return 0;
}
"""
FIX_LINE = 7


@case("compile-db-two-programs")
def compile_db_two_programs(ctx):
    """Issue 10, cause 10: one database builds two programs (meson's
    X.p/, CMake's X.dir/ object folders), each with its own is_dir(): a
    call means the definition linked into its own program. fix() of the
    program whose is_dir() stat()s is a race; the same fix() of the
    program whose is_dir() only looks at the text is not. A function
    defined in neither (a library's) still comes from the pool."""
    files = {"a/isdir.c": IS_DIR_STAT, "a/fix.c": FIX_C,
             "b/isdir.c": IS_DIR_TEXT, "b/fix.c": FIX_C,
             "c/fix.c": FIX_C, "lib/isdir.c": IS_DIR_STAT}
    paths = {name: ctx.write(f"p/{name}", text) for name, text in files.items()}
    folders = {"a": "a.p", "b": "CMakeFiles/b.dir", "c": "c.p", "lib": "libisdir.a.p"}
    entries = []
    for name in files:
        prog = name.split("/")[0]
        entries.append({"directory": ctx.path("p"), "file": name,
                        "arguments": ["cc", "-c", "-o", f"{folders[prog]}/{name}.o", name]})
    ctx.write("build/compile_commands.json", json.dumps(entries))
    for extra in ([], ["--no-prefilter"]):
        run = ctx.run("--format", "json", "--min-risk", "low", "--no-cache", *extra,
                      "-p", ctx.path("build"), label=" ".join(extra))
        ctx.expect_exit(run, 1)
        expect_once(ctx, run, paths["a/fix.c"], FIX_LINE)
        real_b = os.path.realpath(paths["b/fix.c"])
        if any(f.file == real_b for f in findings_of(ctx, run)):
            ctx.fail(run, "b/fix.c was judged with program a's is_dir()")
        # c defines no is_dir(): two definitions elsewhere (a's, the
        # library's) say the same, so the pool has it
        expect_once(ctx, run, paths["c/fix.c"], FIX_LINE)


MOUNT_UTIL_C = """\
#include <unistd.h>
int add_mount(void) {
  uid_t ruid = getuid();
  if (ruid != 0 && setreuid(0, -1))
    return -1;
  int r = access("/etc/mtab", 2);
  if (ruid != 0)
    setreuid(ruid, -1);
  return r;
}
"""
MOUNT_USER_C = """\
#include <fcntl.h>
#include <unistd.h>
int add_mount(void);
int main(int argc, char **argv) {
  if (argc < 2 || add_mount() < 0)
    return 1;
  if (access(argv[1], W_OK) != 0)
    return 1;
  return open(argv[1], O_WRONLY) < 0;
}
"""
MOUNT_USER_LINE = 9


@case("compile-db-library-privilege")
def compile_db_library_privilege(ctx):
    """Issue 10, privilege per program (libfuse, triage of 2026-12-03): a
    library target (meson's libfuse3.so.p/, no main()) turns root for a
    set-user-ID caller (mount_util.c: setreuid(0, -1) when the real user
    is not root). A test program that links it shows no privilege of its
    own: its access() then open() is low. fusermount3 builds its own copy
    of mount_util.c: there the same pair is high."""
    files = {"lib/mount_util.c": ("libfuse3.so.3.p", MOUNT_UTIL_C),
             "test/t.c": ("test/t.p", MOUNT_USER_C),
             "util/mount_util.c": ("util/fusermount3.p", MOUNT_UTIL_C),
             "util/fusermount.c": ("util/fusermount3.p", MOUNT_USER_C)}
    paths = {name: ctx.write(f"p/{name}", text) for name, (_, text) in files.items()}
    entries = [{"directory": ctx.path("p"), "file": name,
                "arguments": ["cc", "-c", "-o", f"{folder}/{name}.o", name]}
               for name, (folder, _) in files.items()]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    run = ctx.run("--format", "json", "--min-risk", "low", "--no-cache", "-p", ctx.path("build"))
    ctx.expect_exit(run, 1)
    risks = {os.path.basename(f.file): f.risk for f in findings_of(ctx, run)
             if f.line == MOUNT_USER_LINE}
    if risks.get("t.c") != "low" or risks.get("fusermount.c") != "high":
        ctx.fail(run, f"risks {risks}, expected t.c low (the library's setreuid() is not "
                 "its sign) and fusermount.c high")


CROSS_C = """\
int access(const char *, int);
int open(const char *, int, ...);
int setuid(unsigned);
unsigned getuid(void);
#ifdef __aarch64__
int f(const char *p) {
  if (access(p, 4) == 0)
    return open(p, 0);
  return -1;
}
#endif
int drop(void) { return setuid(getuid()); }
"""
CROSS_LINE = 8


@case("compile-db-cross-compiler")
def compile_db_cross_compiler(ctx):
    """A cross compiler's name ("aarch64-linux-gnu-gcc-12") sets the target,
    as the driver and clang-tidy take it: code under #ifdef __aarch64__ is
    seen. An explicit --target wins; a name that is no triple ("my-gcc")
    changes nothing."""
    paths = {n: ctx.write(f"x/{n}.c", CROSS_C) for n in ("a", "b", "c")}
    entries = [
        {"directory": ctx.path("x"), "file": "a.c",
         "arguments": ["/usr/bin/aarch64-linux-gnu-gcc-12", "-c", "a.c"]},
        {"directory": ctx.path("x"), "file": "b.c",
         "arguments": ["aarch64-linux-gnu-gcc", "--target=x86_64-linux-gnu", "-c", "b.c"]},
        {"directory": ctx.path("x"), "file": "c.c",
         "arguments": ["my-gcc", "-c", "c.c"]},
    ]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    run = ctx.run("--format", "json", "-p", ctx.path("build"))
    ctx.expect_exit(run, 1)
    expect_once(ctx, run, paths["a"], CROSS_LINE)
    for n in ("b", "c"):
        real = os.path.realpath(paths[n])
        if any(f.file == real for f in findings_of(ctx, run)):
            ctx.fail(run, f"{n}.c was parsed for aarch64")


@case("file-spellings")
def file_spellings(ctx):
    """One file named as a/x.c ./a/x.c a/../a/x.c and through a symbolic
    link to its folder is analysed once."""
    x = ctx.write("a/x.c", RACE_C)
    os.symlink("a", ctx.path("link"))
    run = ctx.run("--format", "json", "a/x.c", "./a/x.c", "a/../a/x.c", "link/x.c",
                  x, "--")
    ctx.expect_exit(run, 1)
    expect_once(ctx, run, x, RACE_LINE)
    for name in ("a/x.c", "./a/x.c"):
        entries = [{"directory": ctx.tmp, "file": name,
                    "arguments": ["cc", "-c", name]}]
        ctx.write("build/compile_commands.json", json.dumps(entries))
        run = ctx.run("--format", "json", "-p", "build", "./a/x.c", "a/../a/x.c",
                      label=f"-p, entry {name}")
        ctx.expect_exit(run, 1)
        expect_once(ctx, run, x, RACE_LINE)
        if "not in the compile database" in run.proc.stderr:
            ctx.fail(run, "the file was not found in the database")


@case("parse-failure-says-why")
def parse_failure_says_why(ctx):
    """An entry that names two sources: the message says which, and shows
    the command, instead of 'error 4'."""
    ctx.race()
    ctx.write("other.c", "int other;\n")
    entries = [{"directory": ctx.tmp, "file": "race.c",
                "arguments": ["cc", "-c", "race.c", "other.c"]}]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    run = ctx.run("-p", "build")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"race\.c: libclang could not parse it: .*other\.c.*one file",
                      "the other input file")
    if "error 4" in run.proc.stderr:
        ctx.fail(run, "the message is still 'error 4'")


@case("compile-db-response-file")
def compile_db_response_file(ctx):
    """An @FILE argument (CMake and Ninja write them) is expanded relative
    to the entry's directory, as libclang's own reader did."""
    src = ctx.write("p/a.c", RACE_WITH_HEADER)
    ctx.write("p/inc/cfg.h", "#define MODE R_OK\n")
    ctx.write("p/flags.rsp", "-I inc '-DUNUSED=a b'\n")
    entries = [{"directory": ctx.path("p"), "file": "a.c",
                "arguments": ["cc", "@flags.rsp", "-c", "a.c"]}]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    run = ctx.run("--format", "json", "-p", "build")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, src, line=HEADER_LINE)


def header_project(ctx, where="p"):
    """where/a.c needing -Iinc, and where/compile_commands.json saying so."""
    src = ctx.write(f"{where}/a.c", RACE_WITH_HEADER)
    ctx.write(f"{where}/inc/cfg.h", "#define MODE R_OK\n")
    entries = [{"directory": ctx.path(where), "file": "a.c",
                "arguments": ["cc", "-Iinc", "-c", "a.c"]}]
    ctx.write(f"{where}/compile_commands.json", json.dumps(entries))
    return src


@case("p-names-the-file")
def p_names_the_file(ctx):
    """-p takes the build folder or the compile_commands.json path itself."""
    src = header_project(ctx)
    for arg in ("p", "p/compile_commands.json", ctx.path("p/compile_commands.json")):
        run = ctx.run("--format", "json", "-p", arg, label=arg)
        ctx.expect_exit(run, 1)
        ctx.expect_finding(run, src, line=HEADER_LINE)


@case("compile-db-discovered")
def compile_db_discovered(ctx):
    """Without -p and --, the nearest compile_commands.json above each file
    gives its flags (as clang-tidy finds it); with -- it is not used."""
    src = header_project(ctx)
    os.mkdir(ctx.path(".git"))
    for cwd in (ctx.tmp, ctx.path("p/inc")):
        run = ctx.run("--format", "json", src, cwd=cwd, label=f"from {cwd}")
        ctx.expect_exit(run, 1)
        ctx.expect_finding(run, src, line=HEADER_LINE)
    run = ctx.run("--format", "json", "p/a.c", "--", label="with --")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"cfg\.h", "cfg.h not found")
    ctx.write("p/compile_commands.json", "[{\"directory\": \"/\",")
    run = ctx.run("--format", "json", "p/a.c", ctx.race(), label="broken")
    expect_one_error(ctx, run, r"compile_commands\.json: 1:\d+: ", "its line:column")
    if run.proc.stdout.strip():
        ctx.fail(run, "files were analysed although their database is broken")


@case("compile-db-broken-stops")
def compile_db_broken_stops(ctx):
    """-p nonexist and a database that does not load stop the run: one
    line, exit 2, no summary, nothing analysed with default flags."""
    race = ctx.race()
    ctx.write("bad/compile_commands.json", "[{\"directory\": ")
    for label, args in (("nonexist", ("-p", "nonexist")),
                        ("nonexist FILE", ("-p", "nonexist", race)),
                        ("broken FILE", ("-p", "bad", race))):
        run = ctx.run(*args, label=label)
        ctx.expect_exit(run, 2)
        if len(stderr_lines(run)) != 1:
            ctx.fail(run, f"{len(stderr_lines(run))} lines on stderr, expected one")
        if "finding" in run.proc.stderr + stdout_text(run):
            ctx.fail(run, "a summary was printed")


def truncated_db(ctx):
    """A database of four entries cut in the middle of the last one."""
    entries = [{"directory": ctx.tmp, "file": f"f{i}.c",
                "arguments": ["cc", "-c", f"f{i}.c"]} for i in range(4)]
    for i in range(4):
        ctx.write(f"f{i}.c", RACE_C.replace("int f(", f"int f{i}("))
    text = json.dumps(entries, indent=2)
    cut = text[:text.rindex('"arguments"') + 5]
    ctx.write("build/compile_commands.json", cut)
    return cut


@case("compile-db-strict-json")
def compile_db_strict_json(ctx):
    """A truncated database, and other JSON libclang's reader lets pass,
    are exit 2 with line:column; nothing is analysed."""
    cut = truncated_db(ctx)
    lines = cut.split("\n")
    run = ctx.run("-p", "build", label="truncated")
    expect_one_error(ctx, run, rf"compile_commands\.json: {len(lines)}:\d+: ",
                     f"line {len(lines)} and a column")
    if "finding" in stdout_text(run):
        ctx.fail(run, "entries before the cut were analysed")
    for label, text, where in (
            ("trailing comma", '[{"directory": "/", "file": "a.c", "command": "cc a.c"},]',
             "1:"),
            ("duplicate key", '[{"directory": "/", "file": "a.c",\n "file": "b.c", '
             '"command": "cc a.c"}]', "2:2: .*duplicate"),
            ("no file", '[{"directory": "/", "command": "cc a.c"}]', r"entry 1: .*file"),
            ("not a list", '{"directory": "/"}', "list")):
        ctx.write("build/compile_commands.json", text)
        run = ctx.run("-p", "build", label=label)
        expect_one_error(ctx, run, r"compile_commands\.json: .*" + where, label)


# --------------------------------------------------------------------------
# The configuration file's JSON

def config_error(ctx, label, text, pattern, what):
    """--config holding text: exit 2 with an error matching pattern."""
    ctx.write(f"{label}.json", text)
    run = ctx.run("--config", f"{label}.json", ctx.race(), "--", label=label)
    expect_one_error(ctx, run, rf"{label}\.json: " + pattern, what)
    return run


@case("config-json-strict")
def config_json_strict(ctx):
    """Duplicate keys are an error with line:column; a UTF-8 byte order
    mark is skipped; a 64-digit number is 'out of range'; a lone \\ud800
    is named as such (not echoed as invalid UTF-8)."""
    config_error(ctx, "dup", '{"functions": {\n  "f": {"role": "safe"},\n'
                 '  "f": {"role": "safe"}}}', r"3:3: duplicate", "3:3 and duplicate")
    config_error(ctx, "dup-top", '{"functions": {},\n "functions": {}}',
                 r"2:2: duplicate", "2:2 and duplicate")
    config_error(ctx, "big", '{"functions": {"f": {"role": "check", "like": "stat", '
                 '"path": ' + "9" * 64 + '}}}', r"1:\d+: number out of range",
                 "number out of range")
    config_error(ctx, "index", '{"functions": {"f": {"role": "check", "like": "stat", '
                 '"path": 65}}}', r"functions\.f: \"path\": number out of range",
                 "number out of range")
    run = config_error(ctx, "surrogate", '{"functions": {"f\\ud800": {"role": "safe"}}}',
                       r"1:\d+: .*lone UTF-16 surrogate", "a lone surrogate")
    if "\ufffd" in run.proc.stderr or "\\xed" in run.proc.stderr:
        ctx.fail(run, "the surrogate was echoed")
    ctx.write("bom.json", b"\xef\xbb\xbf" + json.dumps(
        {"functions": {"probe": {"role": "check", "like": "access"}}}).encode())
    src = ctx.write("w.c", RACE_C.replace("access(p, R_OK) == 0", "probe(p)")
                    .replace("int f(", "int probe(const char *);\nint f("))
    run = ctx.run("--format", "json", "--config", "bom.json", src, "--", label="bom")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, src, line=RACE_LINE + 1)


# --------------------------------------------------------------------------
# Path filters: --include/--exclude, "include"/"exclude", folders as FILE

def filter_project(ctx):
    """src/a.c, src/gen/b.c, tests/t.c, third_party/z/v.c, all racy, in
    one compile database build/compile_commands.json."""
    names = ["src/a.c", "src/gen/b.c", "tests/t.c", "third_party/z/v.c"]
    for i, name in enumerate(names):
        ctx.write(name, RACE_C.replace("int f(", f"int f{i}("))
    entries = [{"directory": ctx.tmp, "file": n, "arguments": ["cc", "-c", n]}
               for n in names]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    return names


def analysed(ctx, run, cwd=None):
    """The names, relative to the case's directory, of the files with
    findings in a run made in cwd (the names it prints are relative to it)."""
    try:
        found = ctx.harness.findings(run.proc, cwd or ctx.tmp)
    except ValueError:
        found = []
    return sorted({os.path.relpath(f.file, os.path.realpath(ctx.tmp)) for f in found})


def expect_analysed(ctx, run, wanted, cwd=None):
    """Exactly the files wanted have findings."""
    got = analysed(ctx, run, cwd)
    if got != sorted(wanted):
        ctx.fail(run, f"analysed {got}, expected {sorted(wanted)}")


@case("path-filters")
def path_filters(ctx):
    """--exclude and --include (repeatable, '**' as in .gitignore, relative
    to the current directory), also in .fsrace.json (relative to its
    folder), and a folder given as FILE with -p. Every level is shown:
    tests/t.c is a test program, whose findings rank low."""
    names = filter_project(ctx)
    os.mkdir(ctx.path(".git"))
    for label, args, wanted in (
            ("exclude", ["--exclude", "tests/**", "--exclude", "third_party"],
             ["src/a.c", "src/gen/b.c"]),
            ("include", ["--include", "src/**"], ["src/a.c", "src/gen/b.c"]),
            ("include and exclude", ["--include", "src/**", "--exclude=gen"], ["src/a.c"]),
            ("name pattern", ["--exclude", "*.c"], []),
            ("folder as FILE", ["src"], ["src/a.c", "src/gen/b.c"]),
            ("folder and exclude", ["src", "tests/", "--exclude", "src/gen/**"],
             ["src/a.c", "tests/t.c"])):
        run = ctx.run("--format", "json", "--min-risk", "low", "-p", "build", *args, label=label)
        ctx.expect_exit(run, 1 if wanted else 0)
        expect_analysed(ctx, run, wanted)
    run = ctx.run("--format", "json", "--min-risk", "low", "--exclude", "**/v.c", *names, "--", label="files")
    expect_analysed(ctx, run, names[:3])
    run = ctx.run("--format", "json", "--min-risk", "low", "-p", "build", "--exclude", "../**", cwd=ctx.path("src"),
                  label="relative to the current directory")
    expect_analysed(ctx, run, [])
    run = ctx.run("--format", "json", "--min-risk", "low", "-p", "../build", "--exclude", "v.c", "--exclude", "tests",
                  cwd=ctx.path("src"), label="a name, for files outside the current directory")
    expect_analysed(ctx, run, ["src/a.c", "src/gen/b.c", "tests/t.c"], cwd=ctx.path("src"))
    run = ctx.run("--format", "json", "--min-risk", "low", "-p", "../build", "--exclude", "src", "--exclude",
                  os.path.basename(ctx.tmp), cwd=ctx.path("src"),
                  label="a name above the current directory")
    expect_analysed(ctx, run, names, cwd=ctx.path("src"))
    ctx.write(".fsrace.json", json.dumps({"exclude": ["tests/**", "third_party/**"]}))
    for cwd in (ctx.tmp, ctx.path("src/gen")):
        run = ctx.run("--format", "json", "--min-risk", "low", "-p", ctx.path("build"), cwd=cwd,
                      label=f".fsrace.json, from {os.path.relpath(cwd, ctx.tmp)}")
        expect_analysed(ctx, run, ["src/a.c", "src/gen/b.c"], cwd=cwd)
    ctx.write(".fsrace.json", json.dumps({"include": ["src/gen/**"]}))
    run = ctx.run("--format", "json", "--min-risk", "low", "-p", "build", label="config include")
    expect_analysed(ctx, run, ["src/gen/b.c"])
    ctx.write(".fsrace.json", json.dumps({"exclude": "tests/**"}))
    run = ctx.run("-p", "build", label="config not a list")
    expect_one_error(ctx, run, r"\.fsrace\.json: \"exclude\": expected a list", "a list")


# --------------------------------------------------------------------------
# -o and --write-baseline onto an input; the mode of a replaced report

def expect_unchanged(ctx, run, path, before):
    """path still holds the bytes `before`."""
    with open(path, "rb") as f:
        if f.read() != before:
            ctx.fail(run, f"{os.path.basename(path)} was overwritten")


@case("output-is-an-input")
def output_is_an_input(ctx):
    """-o naming a source file (under any spelling or a hard link), the
    compile database, the baseline or the configuration is refused before
    anything is written; --write-baseline onto a source file too."""
    race = ctx.race()
    os.link(race, ctx.path("hard.c"))
    entries = [{"directory": ctx.tmp, "file": "race.c", "arguments": ["cc", "-c", "race.c"]}]
    ctx.write("build/compile_commands.json", json.dumps(entries))
    ctx.write("cfg.json", "{}")
    run = ctx.run("--write-baseline", "base.json", race, "--", label="baseline")
    inputs = {p: open(p, "rb").read() for p in
              (race, ctx.path("build/compile_commands.json"), ctx.path("cfg.json"),
               ctx.path("base.json"))}
    for label, args in (
            ("-o the source", ["-o", "race.c", "race.c", "--"]),
            ("-o ./the source", ["-o", "./race.c", race, "--"]),
            ("-o a hard link", ["-o", "hard.c", "race.c", "--"]),
            ("-o the database", ["-p", "build", "-o", "build/compile_commands.json"]),
            ("-o the database named by -p", ["-p", "build/compile_commands.json", "-o",
                                             "build/compile_commands.json"]),
            ("-o the baseline", ["--baseline", "base.json", "-o", "base.json", "race.c", "--"]),
            ("-o the configuration", ["--config", "cfg.json", "-o", "cfg.json", "race.c", "--"]),
            ("--write-baseline the source", ["--write-baseline", "race.c", "race.c", "--"])):
        run = ctx.run(*args, label=label)
        expect_one_error(ctx, run, r"is .*input.*refusing", "that it is an input")
        for path, before in inputs.items():
            expect_unchanged(ctx, run, path, before)
    run = ctx.run("--baseline", "base.json", "--write-baseline", "base.json", "race.c", "--",
                  label="--write-baseline updating --baseline")
    ctx.expect_exit(run, 0)


@case("output-keeps-mode")
def output_keeps_mode(ctx):
    """A report (or baseline) that replaces an existing file keeps that
    file's permissions: a 0600 report stays 0600; a new one follows the
    umask."""
    ctx.race()
    for option, name in (("-o", "report.txt"), ("--write-baseline", "base.json")):
        ctx.write(name, "old\n")
        os.chmod(ctx.path(name), 0o600)
        run = ctx.run(option, name, "race.c", "--", label=option)
        mode = stat.S_IMODE(os.stat(ctx.path(name)).st_mode)
        if mode != 0o600:
            ctx.fail(run, f"{name} became {mode:o}, expected 600")
        with open(ctx.path(name)) as f:
            if f.read() == "old\n":
                ctx.fail(run, f"{name} was not replaced")
