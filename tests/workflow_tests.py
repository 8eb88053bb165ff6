"""Workflow tests for fsrace, run by tests/run.py (Part 5).

What fits fsrace into a project's routine: choosing rules (--enable,
--disable, globs, "enable"/"disable" in .fsrace.json), warnings about
suppression comments that name no rule, and fixes (--fix, --export-fixes).

Cases are written like tests/bad_input.py's (same Context, same checks on
every run: one-line stderr messages, no crash, no sanitizer report) and
registered here with @case(name); -k selects them as "workflow/<name>".
"""

import json
import re

import bad_input
from bad_input import Skip  # noqa: F401  (cases may raise it)

CASES = []
case = bad_input.registrar(CASES)
run_case = bad_input.run_case


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
    run = ctx.run("--no-config", "s.c", "--")
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
    again = ctx.run("--no-config", "s.c", "--", label="from the cache")
    if stderr_lines(again) != lines:
        ctx.fail(again, f"stderr differs on a cached run: {stderr_lines(again)}")
    ctx.write("s.c", SUPPRESS_C.replace("chek", "check").replace("ordr", "order")
              .replace("fsrace-nope", "fsrace-lock-order"))
    run = ctx.run("--no-config", "s.c", "--", label="corrected")
    ctx.expect_exit(run, 0)
    if "warning" in run.proc.stderr:
        ctx.fail(run, f"warnings after the typos were corrected: {stderr_lines(run)}")
