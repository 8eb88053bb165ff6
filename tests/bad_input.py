"""Bad-input tests for fsrace, run by tests/run.py (Part 3).

Each case is a function registered with @case(name).  It gets a Context
whose temporary directory is fresh for that case, writes its inputs there,
runs fsrace (cwd = that directory) and states what it expects; every failed
expectation is a problem, and a case with no problems passes.  A case may
raise Skip(reason) when it cannot be run on this machine.

Every run is also checked for the things that must never happen:
a timeout, a crash (killed by a signal or exit status > 2), a sanitizer
report, a stderr line that is not a one-line "fsrace: ..." message (for
instance a traceback or a clang source excerpt), and exit status 2 without
an "fsrace: error:" or "fsrace: warning:" line saying why.

The runner passes a harness object with run(argv, cwd) -> Proc,
problems(Proc) -> [str] and findings(Proc, cwd) -> [Finding]; see
Harness in tests/run.py.
"""

import dataclasses
import json
import subprocess
import os
import random
import re
import shutil
import stat
import tempfile

RACE_C = """\
#include <fcntl.h>
#include <unistd.h>
int f(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);
  return -1;
}
/* set-user-id root: access() asks about the real user (a high-risk race) */
int drop(void) { return setuid(getuid()); }
"""
RACE_RULE = "toctou-check-use"
RACE_LINE = 5
PRIVDROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
FSRACE_LINE_RE = re.compile(r"^fsrace: \S")
REASON_LINE_RE = re.compile(r"^fsrace: (error|warning): \S", re.MULTILINE)


@dataclasses.dataclass
class Case:
    """A registered bad-input case."""
    name: str
    func: object
    line: int


@dataclasses.dataclass
class Outcome:
    """What run_case found out."""
    problems: list
    skipped: bool = False
    reason: str = ""


class Skip(Exception):
    """Raised by a case that cannot run here; the message says why."""


def registrar(cases):
    """A decorator factory: @registrar(cases)(name) adds a case function
    to the list cases under name (for this file and the other case files)."""
    def case_named(name):
        """Decorator registering a case function under name."""
        def register(func):
            """Add func to cases and return it unchanged."""
            cases.append(Case(name, func, func.__code__.co_firstlineno))
            return func
        return register
    return case_named


CASES = []
case = registrar(CASES)


def run_case(one_case, fsrace, harness):
    """Run one case in a fresh temporary directory."""
    with tempfile.TemporaryDirectory(prefix="fsrace-bad-input-") as tmp:
        ctx = Context(fsrace, harness, tmp)
        try:
            one_case.func(ctx)
        except Skip as skip:
            return Outcome([], True, str(skip))
        finally:
            ctx.restore_modes()
        return Outcome(ctx.problems)


@dataclasses.dataclass
class Run:
    """One finished fsrace run and the label its problems carry."""
    proc: object
    label: str


class Context:
    """Inputs, runs and expectations of one case."""

    def __init__(self, fsrace, harness, tmp):
        """Start with no problems in the empty directory tmp."""
        self.fsrace, self.harness, self.tmp = fsrace, harness, tmp
        self.problems = []
        self.locked = []

    def path(self, name):
        """Absolute path of name inside the case's directory."""
        return os.path.join(self.tmp, name)

    def write(self, name, data):
        """Create a file (str or bytes) and return its path."""
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode) as out:
            out.write(data)
        return path

    def race(self):
        """Write race.c and return its path."""
        return self.write("race.c", RACE_C)

    def lock(self, path):
        """chmod 000 path (undone by restore_modes)."""
        os.chmod(path, 0)
        self.locked.append(path)

    def restore_modes(self):
        """Make locked files accessible again so cleanup works."""
        for path in self.locked:
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)

    def fail(self, run, why):
        """Record a problem of one run."""
        self.problems.append(f"{run.label}: {why}" if run.label else why)

    def run(self, *args, label="", prefix=(), cwd=None, env=None):
        """Run fsrace with args in the case's directory (or cwd), with extra
        environment variables env; check the basics."""
        argv = [*prefix, self.fsrace, *args]
        if env:
            argv = ["env", *(f"{k}={v}" for k, v in env.items()), *argv]
        proc = self.harness.run(argv, cwd or self.tmp)
        run = Run(proc, label)
        problems = self.harness.problems(proc)
        for problem in problems:
            self.fail(run, problem)
        if not problems:                # a sanitizer report is many lines
            self.check_stderr_lines(run)
        if proc.returncode == 2 and not REASON_LINE_RE.search(proc.stderr):
            self.fail(run, "exit status 2 without an 'fsrace: error:' "
                      "or 'fsrace: warning:' line")
        return run

    def check_stderr_lines(self, run):
        """Every stderr line must be a one-line 'fsrace: ...' message."""
        for line in run.proc.stderr.splitlines():
            if line.strip() and not FSRACE_LINE_RE.match(line):
                self.fail(run, "stderr line is not a one-line 'fsrace:' "
                          f"message: {line.strip()[:120]!r}")
                return

    def expect_exit(self, run, *codes):
        """The exit status is one of codes."""
        code = run.proc.returncode
        if run.proc.timed_out or code is None or not 0 <= code <= 2:
            return                      # already reported as a problem
        if code not in codes:
            wanted = " or ".join(map(str, codes))
            self.fail(run, f"exit status {code}, expected {wanted}"
                      f"{first_line(run.proc.stderr)}")

    def expect_stderr(self, run, pattern, what):
        """stderr matches pattern (case-insensitive)."""
        if not re.search(pattern, run.proc.stderr, re.I | re.M):
            self.fail(run, f"stderr does not mention {what}"
                      f"{first_line(run.proc.stderr)}")

    def expect_stdout(self, run, pattern, what):
        """stdout matches pattern (case-insensitive)."""
        text = run.proc.stdout.decode("utf-8", "replace")
        if not re.search(pattern, text, re.I | re.M):
            self.fail(run, f"stdout does not mention {what}")

    def expect_finding(self, run, path, line=RACE_LINE, rule=RACE_RULE):
        """The JSON on stdout has a finding of rule at path:line."""
        code = run.proc.returncode
        if run.proc.timed_out or code is None or not 0 <= code <= 2:
            return                      # already reported as a problem
        try:
            findings = self.harness.findings(run.proc, self.tmp)
        except ValueError as exc:
            self.fail(run, f"invalid JSON output: {str(exc)[:160]}")
            return
        real = os.path.realpath(path)
        if not any(f.rule == rule and f.file == real and f.line == line
                   for f in findings):
            name = os.path.basename(path)
            self.fail(run, f"{rule} finding at {name}:{line} not reported")


def first_line(text):
    """' (stderr: <first non-empty line>)' or ''."""
    for line in text.splitlines():
        if line.strip():
            return f" (stderr: {line.strip()[:160]})"
    return ""


# --------------------------------------------------------------------------
# Generated inputs

def big_function(statements=50_000):
    """C source of one function with `statements` mixed statements."""
    lines = ["#include <fcntl.h>", "#include <unistd.h>",
             "int big(const char *p) {", "  int x = 0, fd = -1;"]
    for i in range(statements):
        if i % 10_000 == 5_000:
            lines.append("  switch (x % 3) { case 0: x++; break; "
                         "case 1: x--; break; default: x = 1; break; }")
        elif i % 5_000 == 1_234:
            lines.append("  if (access(p, F_OK) == 0) fd = open(p, O_RDONLY);")
        elif i % 2:
            lines.append(f"  if (x > {i}) x = 0;")
        else:
            lines.append(f"  x += {i};")
    lines += ["  return x + fd;", "}", ""]
    return "\n".join(lines)


def long_sum(terms=100_000):
    """A function whose initializer is 1+1+...+1 with `terms` terms."""
    return ("int sum(void) {\n  int x = " + "+".join(["1"] * terms)
            + ";\n  return x;\n}\n")


def deep_parens(depth=200):
    """A function with `depth` nested parentheses."""
    return ("int paren(void) {\n  int x = " + "(" * depth + "1"
            + ")" * depth + ";\n  return x;\n}\n")


def nested_ifs(depth=5_000):
    """A function with `depth` nested if statements (no braces)."""
    ifs = "".join(f"  if (x > {i})\n" for i in range(depth))
    return "int nest(int x) {\n" + ifs + "    x++;\n  return x;\n}\n"


# --------------------------------------------------------------------------
# Root cannot be stopped by chmod: drop the capabilities that bypass it.

def privdrop_prefix(ctx, locked, readable):
    """Command prefix making `locked` unreadable for us, or raise Skip."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        raise Skip("running as root and setpriv (util-linux) is missing")
    probe = ctx.harness.run([*PRIVDROP, "cat", locked], ctx.tmp)
    if probe.returncode == 0 or "permission denied" not in \
            probe.stderr.lower():
        raise Skip("setpriv does not stop root reading a mode 000 file")
    if ctx.harness.run([*PRIVDROP, "cat", readable], ctx.tmp).returncode:
        raise Skip("under setpriv race.c is not readable")
    plain = ctx.harness.run([ctx.fsrace, "--version"], ctx.tmp)
    dropped = ctx.harness.run([*PRIVDROP, ctx.fsrace, "--version"], ctx.tmp)
    if plain.returncode == 0 and dropped.returncode != 0:
        raise Skip("fsrace does not run under setpriv")
    return PRIVDROP


# --------------------------------------------------------------------------
# The cases

@case("missing-file")
def missing_file(ctx):
    """A file that does not exist next to a racy one."""
    race = ctx.race()
    run = ctx.run("--format", "json", ctx.path("nope.c"), race, "--")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"nope\.c", "nope.c")
    ctx.expect_stderr(run, r"no such file|not found|cannot",
                      "'no such file', 'not found' or 'cannot'")
    ctx.expect_finding(run, race)


@case("unreadable-file")
def unreadable_file(ctx):
    """A mode 000 file next to a racy one."""
    race = ctx.race()
    secret = ctx.write("secret.c", "int g(void) { return 0; }\n")
    ctx.lock(secret)
    prefix = privdrop_prefix(ctx, secret, race)
    run = ctx.run("--format", "json", secret, race, "--", prefix=prefix)
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"secret\.c", "secret.c")
    ctx.expect_stderr(run, r"permission", "'permission'")
    ctx.expect_finding(run, race)


@case("directory-as-file")
def directory_as_file(ctx):
    """A directory passed as an input file next to a racy one."""
    race = ctx.race()
    os.mkdir(ctx.path("subdir.c"))
    run = ctx.run("--format", "json", ctx.path("subdir.c"), race, "--")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"directory", "'directory'")
    ctx.expect_finding(run, race)


def compile_db_case(ctx, content, pattern, what):
    """Run -p DIR on a compile_commands.json holding content (or none)."""
    os.mkdir(ctx.path("build"))
    if content is not None:
        ctx.write("build/compile_commands.json", content)
    run = ctx.run("-p", ctx.path("build"))
    ctx.expect_exit(run, 2)
    if pattern:
        ctx.expect_stderr(run, pattern, what)


@case("compile-db-not-json")
def compile_db_not_json(ctx):
    """compile_commands.json that is not JSON."""
    compile_db_case(ctx, "{ not json", r"compile_commands\.json",
                    "compile_commands.json")


@case("compile-db-empty-file")
def compile_db_empty_file(ctx):
    """A 0-byte compile_commands.json."""
    compile_db_case(ctx, "", r"compile_commands\.json",
                    "compile_commands.json")


@case("compile-db-no-commands")
def compile_db_no_commands(ctx):
    """compile_commands.json holding []."""
    compile_db_case(ctx, "[]", r"\bno\b.*\bcommands?\b",
                    "'no ... commands'")


@case("compile-db-absent")
def compile_db_absent(ctx):
    """-p DIR where DIR has no compile_commands.json."""
    compile_db_case(ctx, None, None, None)


@case("syntax-error")
def syntax_error(ctx):
    """A syntax error in one function; the racy function below still parses.

    clang recovers at the closing brace of broken(), so g() is intact."""
    source = RACE_C.replace(
        "int f(const char *p) {",
        "int broken(void) {\n  int f( { return open(; }\n}\n\n"
        "int g(const char *p) {")
    bad = ctx.write("bad.c", source)
    run = ctx.run("--format", "json", bad, "--")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"bad\.c", "bad.c")
    ctx.expect_stderr(run, r"error", "'error'")
    ctx.expect_finding(run, bad, line=RACE_LINE + 4)


@case("empty-file")
def empty_file(ctx):
    """An empty file is valid C: no error, the race is still found."""
    race = ctx.race()
    run = ctx.run("--format", "json", ctx.write("empty.c", ""), race, "--")
    ctx.expect_exit(run, 1)
    if re.search(r"^fsrace: error:", run.proc.stderr, re.M):
        ctx.fail(run, f"error reported for an empty file"
                 f"{first_line(run.proc.stderr)}")
    ctx.expect_finding(run, race)


@case("binary-file")
def binary_file(ctx):
    """2 KB of random bytes named blob.c next to a racy file."""
    race = ctx.race()
    blob = ctx.write("blob.c", random.Random(1).randbytes(2048))
    run = ctx.run("--format", "json", blob, race, "--")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: (error|warning):.*blob\.c",
                      "blob.c in an 'fsrace: error:' line")
    ctx.expect_finding(run, race)


@case("huge-function")
def huge_function(ctx):
    """One function of 50,000 statements."""
    run = ctx.run("--format", "json", ctx.write("big.c", big_function()),
                  "--")
    ctx.expect_exit(run, 0, 1)


@case("deep-nesting")
def deep_nesting(ctx):
    """100,000-term sum, 200 nested parentheses, 5,000 nested ifs.

    clang may reject some of these (even crash on the sum if run naively);
    fsrace may exit 0, 1 or 2 but must not crash."""
    for name, source in (("sum.c", long_sum()), ("paren.c", deep_parens()),
                         ("ifs.c", nested_ifs())):
        run = ctx.run("--format", "json", ctx.write(name, source), "--",
                      label=name)
        ctx.expect_exit(run, 0, 1, 2)


@case("usage-errors")
def usage_errors(ctx):
    """Unknown option, no input files, unknown output format."""
    race = ctx.race()
    run = ctx.run("--bogus", race, "--", label="--bogus")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: error:", "'fsrace: error:'")
    ctx.expect_stderr(run, r"--help", "'--help'")
    run = ctx.run(label="no arguments")
    ctx.expect_exit(run, 2)
    run = ctx.run("--format", "xml", race, "--", label="--format xml")
    ctx.expect_exit(run, 2)


@case("help")
def help_text(ctx):
    """--help documents the options and the exit status."""
    run = ctx.run("--help")
    ctx.expect_exit(run, 0)
    for pattern, what in ((r"--format", "--format"),
                          (r"(?<![\w-])-p\b", "-p"),
                          (r"(?<![\w-])-o\b", "-o"),
                          (r"--list-rules", "--list-rules"),
                          (r"--version", "--version"),
                          (r"--dump-cfg", "--dump-cfg"),
                          (r"(?<![\w-])-j\b", "-j"),
                          (r"--color", "--color"),
                          (r"--show-suppressed", "--show-suppressed"),
                          (r"--baseline", "--baseline"),
                          (r"--write-baseline", "--write-baseline"),
                          (r"\bhtml\b", "the html format"),
                          (r"fsrace-ignore\[", "fsrace-ignore["),
                          (r"fsrace-ignore-function\[", "fsrace-ignore-function["),
                          (r"NO_COLOR", "NO_COLOR"),
                          (r"exit status", "'exit status'")):
        ctx.expect_stdout(run, pattern, what)


@case("version")
def version(ctx):
    """--version prints 'fsrace <version> (libclang X.Y.Z)': libclang's
    release, the same as clang-19's (one Debian source package), not the
    API number."""
    run = ctx.run("--version")
    ctx.expect_exit(run, 0)
    out = run.proc.stdout.decode("utf-8", "replace")
    m = re.fullmatch(r"fsrace \S+ \(libclang (\d+\.\d+\.\d+)\)\n", out)
    if not m:
        ctx.fail(run, f"not 'fsrace V (libclang X.Y.Z)': {out[:80]!r}")
        return
    clang = shutil.which("clang-19")
    if clang:
        said = subprocess.run([clang, "--version"], capture_output=True, text=True,
                              check=False).stdout
        release = re.search(r"version (\d+\.\d+\.\d+)", said)
        if release and release[1] != m[1]:
            ctx.fail(run, f"libclang {m[1]}, but clang-19 says {release[1]}")


@case("stats-singular")
def stats_singular(ctx):
    """--stats counts in English: '1 file', '0 cache hits'."""
    run = ctx.run("--stats", "--no-cache", "--format", "json", ctx.race(), "--")
    ctx.expect_exit(run, 1)
    ctx.expect_stderr(run, r"^fsrace: stats: 1 file, 0 cache hits, ", "'1 file, 0 cache hits'")


@case("output-symlink")
def output_symlink(ctx):
    """-o refuses to write through a symlink."""
    race = ctx.race()
    target = ctx.write("target.txt", "keep me\n")
    link = ctx.path("out.json")
    os.symlink(target, link)
    run = ctx.run("--format", "json", "-o", link, race, "--")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"link", "'symlink' or 'link'")
    with open(target) as kept:
        if kept.read() != "keep me\n":
            ctx.fail(run, "the symlink's target was overwritten")
    if not os.path.islink(link):
        ctx.fail(run, "the symlink was replaced")


@case("write-baseline-symlink")
def write_baseline_symlink(ctx):
    """--write-baseline refuses to write through a symlink, like -o."""
    race = ctx.race()
    target = ctx.write("target.txt", "keep me\n")
    link = ctx.path("baseline.json")
    os.symlink(target, link)
    run = ctx.run("--format", "json", "--write-baseline", link, race, "--")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"baseline\.json.*link", "baseline.json and 'link'")
    with open(target) as kept:
        if kept.read() != "keep me\n":
            ctx.fail(run, "the symlink's target was overwritten")
    if not os.path.islink(link):
        ctx.fail(run, "the symlink was replaced")
    leftovers = [n for n in os.listdir(ctx.tmp) if n.startswith(".fsrace-")]
    if leftovers:
        ctx.fail(run, f"temporary files left behind: {leftovers}")


# ---- compile databases that must work: the shapes bear and CMake write ----

RACE_WITH_HEADER = RACE_C.replace("#include <unistd.h>",
                                  "#include <unistd.h>\n#include \"mode.h\"") \
                         .replace("R_OK", "WANTED_MODE")


def project_with_header(ctx, name):
    """name.c that compiles only with -Iinc (it includes inc/mode.h)."""
    ctx.write("inc/mode.h", "#define WANTED_MODE R_OK\n")
    return ctx.write(f"src/{name}.c", RACE_WITH_HEADER)


def write_db(ctx, entries):
    """build/compile_commands.json holding the given entries."""
    import json
    ctx.write("build/compile_commands.json", json.dumps(entries, indent=2))


@case("compile-db-bear-arguments")
def compile_db_bear_arguments(ctx):
    """bear's shape: "arguments", the source given relative to "directory"."""
    src = project_with_header(ctx, "a")
    write_db(ctx, [{"directory": ctx.tmp, "file": os.path.join(ctx.tmp, "src/a.c"),
                    "arguments": ["/usr/bin/cc", "-Iinc", "-O2", "-c", "-o",
                                  "src/a.o", "src/a.c"]}])
    run = ctx.run("--format", "json", "-p", ctx.path("build"))
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, src, line=RACE_LINE + 1)


@case("compile-db-command-string")
def compile_db_command_string(ctx):
    """CMake's shape: a "command" string and a relative "file"."""
    src = project_with_header(ctx, "b")
    write_db(ctx, [{"directory": ctx.path("src"), "file": "b.c",
                    "command": "cc -I../inc -MD -MF b.d -Wp,-MD,b2.d -save-temps "
                               "-c b.c -o b.o"}])
    run = ctx.run("--format", "json", "-p", ctx.path("build"))
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, src, line=RACE_LINE + 1)
    written = {os.path.relpath(os.path.join(d, f), ctx.tmp)
               for d, _, files in os.walk(ctx.tmp) for f in files} - \
        {"src/b.c", "inc/mode.h", "build/compile_commands.json"}
    if written:
        ctx.fail(run, f"the parse wrote files: {sorted(written)}")


@case("compile-db-select-files")
def compile_db_select_files(ctx):
    """-p DIR FILE analyses FILE only; a FILE not in the database gets
    default flags and a warning."""
    a = project_with_header(ctx, "a")
    project_with_header(ctx, "b")
    loose = ctx.race()
    write_db(ctx, [{"directory": ctx.tmp, "file": f"src/{n}.c",
                    "arguments": ["cc", "-Iinc", "-c", f"src/{n}.c"]}
                   for n in ("a", "b")])
    run = ctx.run("--format", "json", "-p", ctx.path("build"), "src/a.c", "race.c")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, a, line=RACE_LINE + 1)
    ctx.expect_finding(run, loose)
    ctx.expect_stderr(run, r"race\.c.*not in the compile database", "the loose file")
    text = run.proc.stdout.decode("utf-8", "replace")
    if "b.c" in text:
        ctx.fail(run, "src/b.c was analysed though not asked for")


# ---- machine-applicable fixes ----

FIX_C = """\
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
int f(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0) return -1;
  chmod(path, 0644);
  write(fd, "x", 1);
  return close(fd);
}
int g(const char *path) {
  FILE *fp = fopen(path, "a");  /* "w": fchown() after it is late-permissions' */
  if (!fp) return -1;
  chown(path, 0, 0);
  fputs("x", fp);
  return fclose(fp);
}
"""


@case("name-after-open-fix")
def name_after_open_fix(ctx):
    """name-after-open attaches a text edit (fchmod(fd), fchown(fileno(fp)));
    applied, the code compiles and fsrace reports nothing."""
    src = ctx.write("fix.c", FIX_C)
    run = ctx.run("--no-cache", "--format", "json", src)
    ctx.expect_exit(run, 1)
    try:
        findings = json.loads(run.proc.stdout)["findings"]
    except ValueError:
        ctx.fail(run, "invalid JSON")
        return
    fixes = [f["fix"] for f in findings if f["rule"] == "name-after-open" and f.get("fix")]
    wanted = {"fchmod(fd", "fchown(fileno(fp)"}
    if {x["replacement"] for x in fixes} != wanted:
        ctx.fail(run, f"fixes {[x['replacement'] for x in fixes]}, expected {sorted(wanted)}")
        return
    lines = FIX_C.split("\n")
    for x in sorted(fixes, key=lambda x: (x["line"], x["column"]), reverse=True):
        if x["line"] != x["end_line"]:
            ctx.fail(run, "a fix spans lines")
            return
        text = lines[x["line"] - 1]
        lines[x["line"] - 1] = (text[: x["column"] - 1] + x["replacement"] +
                                text[x["end_column"] - 1:])
    fixed = ctx.write("fixed.c", "\n".join(lines))
    cc = subprocess.run(["clang-19", "-fsyntax-only", fixed], capture_output=True, text=True)
    if cc.returncode != 0:
        ctx.fail(run, f"the fixed code does not compile: {cc.stderr[:200]}")
    again = ctx.run("--no-cache", "--format", "json", fixed, label="fixed")
    ctx.expect_exit(again, 0)


@case("schedule-by-includes")
def schedule_by_includes(ctx):
    """Units start costliest first, by the bytes they include (cost.c): a
    small unity file of #include lines outweighs a bigger standalone file;
    quoted names resolve beside the includer, <> ones on -I; a FIFO and a
    missing include neither hang nor count."""
    part = "int f%d(void) { return %d; }\n"
    for i in range(3):
        ctx.write(f"src/part{i}.c", "".join(part % (j, j) for j in range(300 * i, 300 * i + 300)))
    ctx.write("inc/big.h", "/* header */\n" * 2000)
    os.mkfifo(ctx.path("src/fifo.h"))
    unity = ctx.write("unity.c", '#include "src/part0.c"\n  # include "src/part1.c"\n'
                      '#include <big.h>\n#include "src/fifo.h"\n#include "nowhere.h"\n'
                      '#include "src/part2.c"\n#include "src/part2.c"\n')
    alone = ctx.write("alone.c", "int g(void) { return 0; }\n" * 1200)
    binary = os.path.join(os.path.dirname(ctx.fsrace), "cost_check")
    if not os.path.exists(binary):
        raise Skip(f"{binary} not built (make builds it)")
    proc = ctx.harness.run([binary, unity, alone, "--", "-I", "inc"], ctx.tmp)
    run = Run(proc, "cost_check")
    for problem in ctx.harness.problems(proc):
        ctx.fail(run, problem)
    costs = {}
    for line in proc.stdout.decode().splitlines():
        size, name = line.split(" ", 1)
        costs[name] = int(size)
    parts = sum(os.path.getsize(ctx.path(f"src/part{i}.c")) for i in range(3))
    want_unity = (os.path.getsize(unity) + parts + os.path.getsize(ctx.path("inc/big.h")))
    if costs.get(unity) != want_unity:
        ctx.fail(run, f"unity.c costs {costs.get(unity)}, expected {want_unity} "
                 "(itself, each part once, and big.h)")
    if costs.get(alone) != os.path.getsize(alone):
        ctx.fail(run, f"alone.c costs {costs.get(alone)}, expected its own size")
    if not costs.get(unity, 0) > costs.get(alone, 0) > os.path.getsize(unity):
        ctx.fail(run, "the unity file should come first, though its own bytes are fewer")


@case("prefilter-skips")
def prefilter_skips(ctx):
    """A file whose code names no function fsrace knows is not parsed (so
    even its compile error goes unseen); --no-prefilter parses it. A racy
    file beside it is parsed and reported either way."""
    quiet = ctx.write("quiet.c", "int add(int a, int b) { return a + b }\n")
    racy = ctx.race()
    run = ctx.run("--no-cache", "--stats", quiet, racy, "--")
    ctx.expect_exit(run, 1)
    ctx.expect_stderr(run, r"stats: 2 files, 0 cache hits, 1 not parsed", "one file not parsed")
    full = ctx.run("--no-cache", "--no-prefilter", "--stats", quiet, racy, "--",
                   label="--no-prefilter")
    ctx.expect_exit(full, 2)
    ctx.expect_stderr(full, r"quiet\.c: does not compile", "the compile error")
    ctx.expect_stderr(full, r"0 not parsed", "every file parsed")


@case("prefilter-body-include")
def prefilter_body_include(ctx):
    """A file included inside a function body is that function's code: the
    pre-filter reads its calls as the main file's, so the unit is parsed
    and the race in the included lines is reported."""
    ctx.write("body.inc", "  if (access(p, R_OK) == 0)\n    return open(p, O_RDONLY);\n")
    # (the race is ranked low in an unprivileged program: show every level)
    main = ctx.write("m.c", "#include <fcntl.h>\n#include <unistd.h>\n"
                     "int f(const char *p) {\n#include \"body.inc\"\n  return -1;\n}\n")
    run = ctx.run("--no-cache", "--min-risk", "low", "--format", "json", main, "--")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, ctx.path("body.inc"), line=2)


@case("prefilter-idle-cached")
def prefilter_idle_cached(ctx):
    """A file the pre-filter found nothing in is answered from the cache
    next time, until something its scan read changes, or a header appears
    earlier on the search path: quiet.c calls CHECK() and OPEN(), which
    inc2/cfg.h defines as nothing; a new inc1/cfg.h makes them access() and
    open(), and the race must then be reported."""
    ctx.write("inc2/cfg.h", "#define CHECK(p) 0\n#define OPEN(p) 0\n")
    quiet = ctx.write("quiet.c", '#include "cfg.h"\n'
                      "int f(const char *p) {\n  if (CHECK(p) == 0)\n    return OPEN(p);\n"
                      "  return -1;\n}\n")
    cache = ctx.path("cache")
    flags = ["--", "-I", ctx.path("inc1"), "-I", ctx.path("inc2"), "-include", "fcntl.h",
             "-include", "unistd.h"]
    first = ctx.run("--cache-dir", cache, "--stats", quiet, *flags, label="first")
    ctx.expect_exit(first, 0)
    ctx.expect_stderr(first, r"1 not parsed", "the pre-filter's skip")
    again = ctx.run("--cache-dir", cache, "--stats", quiet, *flags, label="again")
    ctx.expect_exit(again, 0)
    ctx.expect_stderr(again, r"1 cache hits?, 0 not parsed", "a cache hit")
    ctx.write("inc1/cfg.h", "#define CHECK(p) access(p, R_OK)\n"
              "#define OPEN(p) open(p, O_RDONLY)\n")
    shadowed = ctx.run("--cache-dir", cache, "--stats", "--format", "json", "--min-risk", "low",
                       quiet, *flags, label="shadowed")
    ctx.expect_exit(shadowed, 1)
    ctx.expect_finding(shadowed, quiet, line=4)


def many_walks(n):
    """One function with n readdir() loops, each chmod()ing a joined name
    the walk's d_type said was a regular file; returns (source, lines of
    the chmod() calls)."""
    out = ["#include <dirent.h>", "#include <stdio.h>", "#include <sys/stat.h>",
           "void clean(DIR **ds) {"]
    uses = []
    for i in range(n):   # each its own entry and buffer: no walk speaks for another's
        out += [f"  struct dirent *e{i};", f"  char path{i}[4096];",
                f"  while ((e{i} = readdir(ds[{i}])) != NULL) {{",
                f"    if (e{i}->d_type != DT_REG) continue;",
                f'    snprintf(path{i}, sizeof path{i}, "d{i}/%s", e{i}->d_name);',
                f"    chmod(path{i}, 0600);", "  }"]
        uses.append(len(out) - 1)
    return "\n".join(out + ["}", ""]), uses


def many_lock_files(n):
    """One function creating n lock files, each after stat() found it
    absent; returns (source, lines of the open() calls)."""
    out = ["#include <fcntl.h>", "#include <sys/stat.h>", "int take(void) {",
           "  struct stat st; int fd = -1;"]
    uses = []
    for i in range(n):
        out.append(f'  if (stat("/var/lock/a{i}.lock", &st) != 0)')
        out.append(f'    fd = open("/var/lock/a{i}.lock", O_CREAT | O_WRONLY, 0644);')
        uses.append(len(out))
    return "\n".join(out + ["  return fd;", "}", ""]), uses


def expect_all_at(ctx, run, path, rule, lines, wording):
    """A finding of rule with `wording` at each of lines, none missing."""
    if run.proc.returncode != 1:
        return                          # expect_exit said why
    try:
        found = json.loads(run.proc.stdout)["findings"]
    except ValueError:
        ctx.fail(run, "invalid JSON")
        return
    got = {f["line"] for f in found if f["rule"] == rule and wording in f["message"]}
    missing = [x for x in lines if x not in got]
    if missing:
        ctx.fail(run, f"{len(missing)} of {len(lines)} {rule} findings missing "
                 f"(first at line {missing[0]})")


@case("no-silent-caps")
def no_silent_caps(ctx):
    """Issue 12 point 10: no silent caps. More walks in one function than the
    16 once kept, and more checked lock-file creations than the 256 once
    kept, are all reported as such."""
    src, uses = many_walks(20)
    walks = ctx.write("walks.c", src)
    run = ctx.run("--no-cache", "--min-risk", "low", "--format", "json", walks, "--",
                  label="20 walks")
    ctx.expect_exit(run, 1)
    expect_all_at(ctx, run, walks, "toctou-symlink-check", uses, "after readdir()")
    src, uses = many_lock_files(300)
    locks = ctx.write("locks.c", src)
    run = ctx.run("--no-cache", "--min-risk", "low", "--format", "json", locks, "--",
                  label="300 lock files")
    ctx.expect_exit(run, 1)
    expect_all_at(ctx, run, locks, "lockfile-race", uses, "after stat() found it absent")
