"""Workflow tests for fsrace, run by tests/run.py (Part 5).

What fits fsrace into a project's routine: choosing rules (--enable,
--disable, globs, "enable"/"disable" in .fsrace.json), warnings about
suppression comments that name no rule, and fixes (--fix, --export-fixes).

Cases are written like tests/bad_input.py's (same Context, same checks on
every run: one-line stderr messages, no crash, no sanitizer report) and
registered here with @case(name); -k selects them as "workflow/<name>".
"""

import os
import re
import shutil
import subprocess

import bad_input
import report_tests
from bad_input import RACE_C, Skip

CASES = []
case = bad_input.registrar(CASES)
run_case = report_tests.run_case     # a skip fails under FSRACE_REQUIRE_TOOLS


def stderr_lines(run):
    """The non-empty lines of a run's stderr."""
    return [line for line in run.proc.stderr.splitlines() if line.strip()]


def expect_one_error(ctx, run, *patterns):
    """Exit status 2 and exactly one stderr line, matching every pattern,
    with one hint at most (no second "(see ...)" after a "did you mean")."""
    ctx.expect_exit(run, 2)
    lines = stderr_lines(run)
    if len(lines) != 1:
        ctx.fail(run, f"{len(lines)} stderr lines, expected one: {lines[:3]}")
        return
    for pattern in patterns:
        if not re.search(pattern, lines[0]):
            ctx.fail(run, f"stderr {lines[0]!r} does not match {pattern!r}")
    hints = len(re.findall(r"did you mean|\(see ", lines[0]))
    if hints > 1:
        ctx.fail(run, f"{hints} hints in {lines[0]!r}, expected one")


def rules_on(ctx, run):
    """{rule id: True/False} from --list-rules output."""
    table = {}
    for line in run.proc.stdout.decode().splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[2] in ("on", "off"):
            table[parts[0]] = parts[2] == "on"
    if not table:
        ctx.fail(run, "--list-rules printed no rule table")
    return table


# --------------------------------------------------------------------------
# Rule selection

@case("select-command-line")
def select_command_line(ctx):
    """--disable/--enable take ids, comma lists and globs, in order; an
    unknown id or a glob matching nothing is one error line naming the
    nearest rule."""
    race = ctx.race()
    run = ctx.run("--no-config", "--disable", "toctou-*", race, "--", label="--disable toctou-*")
    ctx.expect_exit(run, 0)
    run = ctx.run("--no-config", "--disable", "all", "--enable", "toctou-check-use",
                  "--format", "json", race, "--", label="--disable all --enable id")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, race)
    run = ctx.run("--no-config", "--disable", "*", "--enable", "lock*,toctou-exists-*",
                  "--list-rules", label="--enable lock*,...")
    ctx.expect_exit(run, 0)
    on = rules_on(ctx, run)
    wanted = {r for r in on if r.startswith("lock") or r == "toctou-exists-read"}
    if on and {r for r, v in on.items() if v} != wanted:
        ctx.fail(run, f"rules on: {sorted(r for r, v in on.items() if v)}, "
                 f"expected {sorted(wanted)}")
    run = ctx.run("--no-config", "--enable", "toctou-chek-use", race, "--",
                  label="--enable misspelt")
    expect_one_error(ctx, run, r"^fsrace: error: --enable: unknown rule 'toctou-chek-use'",
                     r"did you mean 'toctou-check-use'\?")
    run = ctx.run("--no-config", "--disable", "tocto-*", race, "--", label="--disable glob")
    expect_one_error(ctx, run, r"'tocto-\*' matches no rule",
                     r"did you mean 'toctou-[a-z-]+'\?")
    run = ctx.run("--no-config", "--enable", "lockfile-race,lockfile-nsf", race, "--",
                  label="--enable list with one unknown")
    expect_one_error(ctx, run, r"unknown rule 'lockfile-nsf'", r"did you mean 'lockfile-nfs'\?")


@case("select-config")
def select_config(ctx):
    """"enable" and "disable" in .fsrace.json (ids and globs; enable
    first, then disable), overridden by the command line; mistakes stop
    the run naming the file, the key and the nearest rule."""
    race = ctx.race()
    ctx.write(".fsrace.json", '{"disable": ["toctou-*"]}')
    run = ctx.run("race.c", "--", label="disable toctou-*")
    ctx.expect_exit(run, 0)
    run = ctx.run("--enable", "toctou-check-use", "--format", "json", "race.c", "--",
                  label="config disables, command line enables")
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, race)
    ctx.write(".fsrace.json", '{"enable": ["lockfile-*", "toctou-exists-read"],\n'
                              ' "disable": ["lockfile-race"]}')
    run = ctx.run("--list-rules", label="enable then disable")
    on = rules_on(ctx, run)
    for rule, want in (("lockfile-nfs", True), ("toctou-exists-read", True),
                       ("lockfile-race", False), ("toctou-check-use", True)):
        if on and on.get(rule) != want:
            ctx.fail(run, f"{rule} is {'on' if on.get(rule) else 'off'} in --list-rules")
    for text, patterns in (
            ('{"disable": ["toctou-chek-use"]}',
             [r'\.fsrace\.json: "disable": unknown rule', r"did you mean 'toctou-check-use'\?"]),
            ('{"enable": ["lok-*"]}',
             [r'"enable": \'lok-\*\' matches no rule', r"did you mean 'lock-order'\?"]),
            ('{"enable": "lockfile-nfs"}', [r'"enable": expected an array']),
            ('{"disable": [3]}', [r'"disable": expected an array']),
            ('{"disabel": []}', [r'unknown key "disabel"'])):
        ctx.write(".fsrace.json", text)
        run = ctx.run("race.c", "--", label=text)
        expect_one_error(ctx, run, *patterns)


# --------------------------------------------------------------------------
# Suppression comments that name no rule

SUPPRESS_C = """\
#include <fcntl.h>
#include <unistd.h>

/* fsrace-ignore-function[lock-ordr]: typo (line 4) */
int f(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);  // fsrace-ignore[toctou-chek-use, name-after-open]: 7
  const char *s = "fsrace-ignore[in-a-string]";
  (void)s;
  if (access(p, W_OK) == 0)
    return open(p, O_RDWR);  // NOLINT(bugprone-foo, fsrace-toctou-chek-use)
  // NOLINTNEXTLINE(fsrace-*, fsrace-nope)
  return open(p, O_RDONLY);  // fsrace-ignore[toctou-check-use]: known rule, no warning
}
"""


@case("suppress-unknown-rule")
def suppress_unknown_rule(ctx):
    """A suppression comment naming no rule is a warning line with the file,
    the line and the nearest rule; NOLINT entries of other tools and string
    literals are left alone; the exit status still counts the findings."""
    ctx.write("s.c", SUPPRESS_C)
    # access() then open() in a program with no sign of privilege is low
    run = ctx.run("--no-config", "--min-risk", "low", "s.c", "--")
    ctx.expect_exit(run, 1)
    expected = [
        ("s.c", 4, "lock-ordr", "fsrace-ignore-function", "lock-order"),
        ("s.c", 7, "toctou-chek-use", "fsrace-ignore", "toctou-check-use"),
        ("s.c", 11, "fsrace-toctou-chek-use", "NOLINT", "fsrace-toctou-check-use"),
        ("s.c", 12, "fsrace-nope", "NOLINTNEXTLINE", None),
    ]
    lines = stderr_lines(run)
    warnings = [line for line in lines if line.startswith("fsrace: warning:")]
    if len(warnings) != len(expected):
        ctx.fail(run, f"{len(warnings)} warnings, expected {len(expected)}: {warnings}")
    for file, line, typed, marker, nearest in expected:
        pattern = (rf"^fsrace: warning: {re.escape(file)}:{line}: unknown rule "
                   rf"'{re.escape(typed)}' in {marker} .*did you mean "
                   + (rf"'{re.escape(nearest)}'\?$" if nearest else r"'[a-z-]+'\?$"))
        if not any(re.search(pattern, w) for w in warnings):
            ctx.fail(run, f"no warning for {typed!r} at {file}:{line}: {warnings}")
    for word in ("in-a-string", "bugprone-foo"):
        if word in run.proc.stderr:
            ctx.fail(run, f"warned about {word!r}, which is not fsrace's")
    again = ctx.run("--no-config", "--min-risk", "low", "s.c", "--", label="from the cache")
    if stderr_lines(again) != lines:
        ctx.fail(again, f"stderr differs on a cached run: {stderr_lines(again)}")
    ctx.write("s.c", SUPPRESS_C.replace("chek", "check").replace("ordr", "order")
              .replace("fsrace-nope", "fsrace-lock-order"))
    run = ctx.run("--no-config", "s.c", "--", label="corrected")
    ctx.expect_exit(run, 0)
    if "warning" in run.proc.stderr:
        ctx.fail(run, f"warnings after the typos were corrected: {stderr_lines(run)}")


# --------------------------------------------------------------------------
# Fixes: --fix and --export-fixes

# Every fix fsrace makes, and one finding it must not fix (an overwrite
# after access(W_OK) is no creation: O_EXCL would break it).
FIXABLE_C = """\
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int link_checked(const char *p) {
  struct stat st;
  if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
    return -1;
  return open(p, O_RDONLY);
}

FILE *create(const char *p) {
  if (access(p, F_OK) == 0)
    return NULL;
  return fopen(p, "wb");
}

int create_open(const char *p) {
  struct stat st;
  if (stat(p, &st) != 0)
    return open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  return -1;
}

int take_lock(void) {
  while (access("/var/lock/app.lock", F_OK) == 0)
    sleep(1);
  return open("/var/lock/app.lock", O_CREAT | O_WRONLY, 0644);
}

int reopen(const char *p) {
  int fd = open(p, O_WRONLY);
  if (fd < 0)
    return -1;
  chmod(p, 0644);
  write(fd, "x", 1);
  return close(fd);
}

FILE *overwrite(const char *p) {
  if (access(p, W_OK) == 0)
    return fopen(p, "w");
  return NULL;
}
"""
FIXED = [  # (line, before, after, rule)
    (10, "open(p, O_RDONLY);", "open(p, O_RDONLY | O_NOFOLLOW);", "toctou-symlink-check"),
    (16, 'fopen(p, "wb");', 'fopen(p, "wbx");', "toctou-check-use"),
    (22, "O_WRONLY | O_CREAT | O_TRUNC, 0644", "O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0644",
     "toctou-check-use"),
    (29, "O_CREAT | O_WRONLY, 0644", "O_CREAT | O_WRONLY | O_EXCL, 0644", "lockfile-race"),
    (36, "chmod(p, 0644);", "fchmod(fd, 0644);", "name-after-open"),
]
UNFIXED_LINE = 43


def expected_fixed():
    """FIXABLE_C with every expected fix applied."""
    lines = FIXABLE_C.split("\n")
    for line, before, after, _ in FIXED:
        assert before in lines[line - 1], (line, before)
        lines[line - 1] = lines[line - 1].replace(before, after)
    return "\n".join(lines)


def compiles(ctx, run, path):
    """clang-19 -fsyntax-only accepts path (or record why not)."""
    cc = shutil.which("clang-19") or shutil.which("clang")
    if not cc:
        raise Skip("clang-19 not installed")
    proc = subprocess.run([cc, "-fsyntax-only", path], capture_output=True, text=True)
    if proc.returncode != 0:
        ctx.fail(run, f"the fixed file does not compile: {proc.stderr.strip()[:300]}")


def only_unfixable_left(ctx, name):
    """fsrace on the fixed file reports the unfixable finding alone."""
    run = ctx.run("--no-config", "--min-risk", "low", "--format", "json", name, "--",
                  label=f"{name} fixed")
    ctx.expect_exit(run, 1)
    try:
        findings = ctx.harness.findings(run.proc, ctx.tmp)
    except ValueError:
        ctx.fail(run, "invalid JSON")
        return
    left = sorted((f.line, f.rule) for f in findings)
    if left != [(UNFIXED_LINE, "toctou-check-use")]:
        ctx.fail(run, f"after the fixes fsrace reports {left}, expected only "
                 f"[({UNFIXED_LINE}, 'toctou-check-use')]")


@case("fix-in-place")
def fix_in_place(ctx):
    """--fix applies every machine-applicable edit (O_NOFOLLOW after a link
    check, "wbx" and O_EXCL where an existence check shows the program
    creates, O_EXCL on a polled lock file, fchmod(fd)), lists each on
    stderr, replaces the file by a new one (rename) with the same mode and
    no temporary left over; the result compiles and fsrace then reports only
    the finding that has no fix."""
    path = ctx.write("fix.c", FIXABLE_C)
    os.chmod(path, 0o640)
    inode = os.stat(path).st_ino
    run = ctx.run("--no-config", "--min-risk", "low", "--fix", "fix.c", "--")
    ctx.expect_exit(run, 1)
    with open(path) as src:
        text = src.read()
    if text != expected_fixed():
        ctx.fail(run, "fixed file differs from the expected one:\n" + text)
    mode = os.stat(path).st_mode & 0o7777
    if mode != 0o640:
        ctx.fail(run, f"mode {mode:o} after --fix, expected 640")
    if os.stat(path).st_ino == inode:
        ctx.fail(run, "the file was rewritten in place, not replaced by a rename")
    leftovers = [n for n in os.listdir(ctx.tmp) if n.startswith(".fsrace")]
    if leftovers:
        ctx.fail(run, f"temporary files left: {leftovers}")
    logged = [line for line in stderr_lines(run) if line.startswith("fsrace: fixed ")]
    for line, _, after, rule in FIXED:
        if not any(f"fix.c:{line}:" in entry and f"[{rule}]" in entry for entry in logged):
            ctx.fail(run, f"stderr does not list the fix at line {line} [{rule}]: {logged}")
    ctx.expect_stderr(run, rf"^fsrace: applied {len(FIXED)} fixes in 1 file$", "the summary")
    compiles(ctx, run, path)
    only_unfixable_left(ctx, "fix.c")


@case("fix-refusals")
def fix_refusals(ctx):
    """--fix never writes through a symbolic link (exit 2, target unchanged)
    and leaves a file whose edits overlap unchanged (exit 2)."""
    ctx.write("real.c", FIXABLE_C)
    os.symlink("real.c", ctx.path("link.c"))
    run = ctx.run("--no-config", "--min-risk", "low", "--fix", "link.c", "--", label="--fix through a link")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: error: link\.c: is a symbolic link", "the refused link")
    with open(ctx.path("real.c")) as src:
        if src.read() != FIXABLE_C or not os.path.islink(ctx.path("link.c")):
            ctx.fail(run, "--fix changed the link or its target")
    race = ctx.race()
    proc = ctx.harness.run([report_tests.fixture_binary(ctx), "overlap", "race.c"], ctx.tmp)
    run = bad_input.Run(proc, "overlapping fixes")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: error: race\.c: two fixes overlap; left unchanged",
                      "the overlap")
    with open(race) as src:
        if src.read() != RACE_C:
            ctx.fail(run, "a file with overlapping fixes was changed")


def tool(*names):
    """The first of names on PATH, or raise Skip."""
    for name in names:
        if shutil.which(name):
            return name
    raise Skip(f"{names[0]} not installed (apt-get install clang-tools-19 clang-tidy-19)")


def yaml_module():
    """PyYAML, or raise Skip."""
    try:
        import yaml  # noqa: PLC0415  (optional)
    except ImportError as exc:
        raise Skip("python3-yaml not installed") from exc
    return yaml


def key_shapes(text):
    """The layout of every key of a YAML document: (key, its column, the
    spaces between the colon and a value on the same line, or None)."""
    shapes = set()
    for line in text.splitlines():
        m = re.match(r"^([ -]*)([A-Za-z]+):( *)(.?)", line)
        if m:
            padding = len(m.group(3)) if m.group(4) else None
            shapes.add((m.group(2), len(m.group(1)), padding))
    return shapes


def clang_tidy_shapes(ctx, tidy):
    """Key layout of a clang-tidy --export-fixes file with a replacement."""
    ctx.write("braces.c", "int f(int x) {\n  if (x)\n    return 1;\n  return 0;\n}\n")
    subprocess.run([tidy, "--checks=-*,readability-braces-around-statements",
                    "--export-fixes=" + ctx.path("tidy.yaml"), ctx.path("braces.c"), "--"],
                   capture_output=True, cwd=ctx.tmp, check=False)
    try:
        with open(ctx.path("tidy.yaml")) as f:
            return key_shapes(f.read())
    except OSError as exc:
        raise Skip(f"{tidy} wrote no --export-fixes file") from exc


def check_yaml(ctx, run, doc, source):
    """The document holds every finding with clang-tidy's fields, and each
    replacement's offset and length point at the text it replaces."""
    diags = doc.get("Diagnostics") or []
    if doc.get("MainSourceFile") != ctx.path("fix.c"):
        ctx.fail(run, f"MainSourceFile {doc.get('MainSourceFile')!r}")
    if len(diags) != len(FIXED) + 1:
        ctx.fail(run, f"{len(diags)} diagnostics, expected {len(FIXED) + 1}")
    data = source.encode()
    for d in diags:
        msg = d.get("DiagnosticMessage", {})
        missing = {"DiagnosticName", "DiagnosticMessage", "Level"} - set(d) or \
            {"Message", "FilePath", "FileOffset", "Replacements"} - set(msg)
        if missing:
            ctx.fail(run, f"diagnostic without {sorted(missing)}: {d}")
            continue
        line = data[:msg["FileOffset"]].count(b"\n") + 1
        for r in msg["Replacements"]:
            old = data[r["Offset"]:r["Offset"] + r["Length"]].decode()
            wanted = [(b, a) for ln, b, a, rule in FIXED
                      if ln == line and rule == d["DiagnosticName"]]
            if not wanted or old + "" not in wanted[0][0] or \
                    r["FilePath"] != ctx.path("fix.c"):
                ctx.fail(run, f"replacement {r} of {d['DiagnosticName']} at line {line} "
                         f"replaces {old!r}")


@case("export-fixes")
def export_fixes(ctx):
    """--export-fixes writes clang-tidy's YAML: the same keys laid out the
    same way as clang-tidy's own file, offsets that point at the replaced
    text; clang-apply-replacements applied to it gives the same file as
    --fix. A run without findings writes a document with no diagnostics."""
    apply = tool("clang-apply-replacements-19", "clang-apply-replacements",
                 "clang-apply-replacements-14")
    tidy = tool("clang-tidy-19", "clang-tidy", "clang-tidy-14")
    yaml = yaml_module()
    path = ctx.write("fix.c", FIXABLE_C)
    os.mkdir(ctx.path("fixes"))
    run = ctx.run("--no-config", "--min-risk", "low", "--export-fixes", "fixes/fsrace.yaml", "fix.c", "--")
    ctx.expect_exit(run, 1)
    with open(ctx.path("fixes/fsrace.yaml")) as f:
        text = f.read()
    check_yaml(ctx, run, yaml.safe_load(text), FIXABLE_C)
    ours, theirs = key_shapes(text), clang_tidy_shapes(ctx, tidy)
    if len(theirs) < 10 or theirs - ours:
        ctx.fail(run, "keys laid out unlike clang-tidy's (key, column, padding): "
                 f"{sorted(theirs - ours)}; ours: {sorted(ours - theirs)}")
    proc = subprocess.run([apply, ctx.path("fixes")], capture_output=True, text=True)
    if proc.returncode != 0:
        ctx.fail(run, f"{apply} failed: {proc.stderr.strip()[:300]}")
    with open(path) as src:
        if src.read() != expected_fixed():
            ctx.fail(run, f"{apply} did not produce what --fix does")
    compiles(ctx, run, path)
    run = ctx.run("--no-config", "--export-fixes", "fix.c", "fix.c", "--",
                  label="--export-fixes onto the source")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"^fsrace: error: --export-fixes fix\.c: is the source file",
                      "the refusal")
    with open(path) as src:
        if src.read() != expected_fixed():
            ctx.fail(run, "--export-fixes overwrote the source file")
    ctx.write("clean.c", "int main(void) { return 0; }\n")
    run = ctx.run("--no-config", "--min-risk", "low", "--export-fixes", "clean.yaml", "clean.c", "--",
                  label="no findings")
    ctx.expect_exit(run, 0)
    with open(ctx.path("clean.yaml")) as f:
        doc = yaml.safe_load(f.read())
    if doc.get("Diagnostics") != [] or not doc.get("MainSourceFile", "").endswith("clean.c"):
        ctx.fail(run, f"document of a clean run: {doc}")
