#!/usr/bin/env python3
"""Test runner for fsrace.

Usage:
    python3 tests/run.py [--fsrace PATH] [--update-golden] [-v] [-k SUBSTRING]

PATH defaults to build/fsrace under the repository root (the parent of the
directory holding this script).  The last line of output is always
"N passed, N failed"; the exit status is 0 iff nothing failed.  Failing
cases print "FAIL <file>:<line>: <why>", -v also prints "ok ..." lines, and
skipped cases print "SKIP ...".  -k keeps only the tests whose path (or, for
bad-input cases, "bad_input/<name>", for report cases "report/<name>",
for workflow cases "workflow/<name>", for cache cases "cache/<name>",
for input cases "input/<name>") contains SUBSTRING.

There are eight parts.

1. Annotated rule tests: every tests/cases/**/*.c is run as
       fsrace --format json [ARGS...] FILE -- [CFLAGS...]
   with cwd = repository root and FILE relative to it.  A directory whose
   name ends in ".multi" is one test: all .c files below it (sorted) are
   passed together in one run, and none of them is run on its own.

   Headers: a comment whose text starts with one of these keywords (anywhere
   in the file; in a .multi test, in any of its files):
       // ARGS: --some-option value     extra fsrace options (shlex-split)
       // CFLAGS: -DFOO -I include      compiler flags after "--" (shlex-split)
       // EXIT: 2                       expected exit status
   Several ARGS or CFLAGS lines are concatenated; a line repeated verbatim
   (e.g. in several files of a .multi test) is used once.  Without EXIT the
   expected status is 1 if there is any WARNING or SPURIOUS annotation,
   else 0.

   Annotations live in comments (// or /* */) on the line they concern;
   one comment may hold several, e.g.
       open(p, O_RDONLY);  // WARNING[toctou-check-use] NOTE[other-rule]
   Keywords are upper case and the "[" follows immediately:
       WARNING[rule-id]        a finding of rule-id is reported on this line
       WARNING[rule-id "txt"]  ... and its message contains txt (\\" and \\\\
                               escape a quote or backslash inside txt)
       WARNING[rule-id risk=high]
                               ... and its risk is high (low, medium, high)
       WARNING[rule-id risk=low because="txt"]
                               ... and one of its risk reasons contains txt
       NOTE[rule-id]           some rule-id finding has a note on this line
       no-warning              no finding of any rule on this line
       MISSING[rule-id]        known gap: passes while rule-id is NOT
                               reported here; fails once it is ("now
                               reported: change MISSING to WARNING")
       SPURIOUS[rule-id]       known false positive: passes while it IS
                               reported; fails once it is gone
   NOTE, MISSING and SPURIOUS accept the optional "txt" too (matched against
   the note's or finding's message).  Every annotation is one case, the exit
   status is one case, and every finding that lands on a line without a
   WARNING, SPURIOUS or MISSING annotation for its rule is one failed case
   ("unexpected <rule> finding: <message>").  Notes need no annotation.  A
   malformed annotation ("WARNING[" without "]", "Warning[x]",
   "WARNING [x]", no-warning together with a rule annotation, ...) is a failed
   case.  When `fsrace --list-rules` works, rule ids that do not appear in
   its output fail as "unknown rule" (so a misspelt MISSING cannot pass
   forever).

2. CFG golden tests: every tests/cfg/*.c is run as
       fsrace --dump-cfg FILE -- [CFLAGS...]
   (CFLAGS header as above; FILE relative to the repository root) and its
   stdout must equal tests/cfg/NAME.cfg byte for byte.  The exit status must
   be 0 or 1.  --update-golden rewrites the .cfg files that differ and
   reports which ones.

3. Bad-input tests: the cases defined in tests/bad_input.py, and the
   worker-isolation cases in tests/isolation_tests.py (crashes, memory and
   time limits; -k "isolation/<name>").

4. Report tests: the cases defined in tests/report_tests.py (SARIF checked
   by Microsoft's SARIF multitool, the JSON schema, colours, the HTML
   report in headless Chromium, suppressions, baselines, progress).  Cases
   whose tool is missing are skipped with the reason, or fail when the
   environment has FSRACE_REQUIRE_TOOLS=1 (as CI does).

5. Workflow tests: the cases defined in tests/workflow_tests.py (rule
   selection, suppression comments naming no rule, --fix and
   --export-fixes).

6. Cache tests: the cases defined in tests/cache_tests.py (the result
   cache of docs/cache.md: its directory, clean-up, keys and entries).

7. Documentation tests: the cases defined in tests/doc_tests.py (--help,
   the README, the man page and docs/rules.md agree; make install and
   uninstall; --explain and its examples).

8. Input tests: the cases defined in tests/input_tests.py (out-of-tree
   builds under bear, compile database discovery and validation, path
   filters, FIFOs and devices as inputs, -o onto an input, the
   configuration file's JSON).

Every fsrace process runs with a 60 s timeout, in parallel.  A timeout, a
crash (killed by a signal, or exit status above 2) and any sanitizer report
on stderr are failures.  After a timeout or crash a Part 1 test is a single
failed case (its annotations are not checked); a sanitizer report or
invalid JSON is one extra failed case.
"""

import argparse
import concurrent.futures
import dataclasses
import difflib
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
TIMEOUT = 60
MAX_DIFF_LINES = 40
SANITIZER_MARKERS = ("AddressSanitizer", "UndefinedBehaviorSanitizer",
                     "runtime error:", "LeakSanitizer")

sys.dont_write_bytecode = True     # keep tests/ free of __pycache__
sys.path.insert(0, str(TESTS))
import bad_input  # noqa: E402  (lives next to this file)
import report_tests  # noqa: E402
import workflow_tests  # noqa: E402
import cache_tests  # noqa: E402
import doc_tests  # noqa: E402
import input_tests  # noqa: E402
import isolation_tests  # noqa: E402


# --------------------------------------------------------------------------
# Results and processes

@dataclasses.dataclass
class Result:
    """One pass/fail case, printed as "<status> <path>:<line>: <why>"."""
    path: str
    line: int
    ok: bool
    why: str
    details: list = dataclasses.field(default_factory=list)
    skipped: bool = False
    notice: str = ""        # printed even without -v (e.g. golden updated)
    order: tuple = ()       # sort key, filled in by the caller


@dataclasses.dataclass
class Proc:
    """What one subprocess did."""
    argv: list
    returncode: int | None
    stdout: bytes
    stderr: str
    timed_out: bool = False
    launch_error: str = ""
    timeout: int = TIMEOUT


def run_process(argv, cwd, timeout=TIMEOUT):
    """Run argv in its own process group; kill the whole group on timeout."""
    try:
        child = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE,
                                 start_new_session=True)
    except OSError as exc:
        return Proc(list(argv), None, b"", "", launch_error=str(exc))
    try:
        out, err = child.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        kill_group(child.pid)
        out, err = child.communicate()
        timed_out = True
    return Proc(list(argv), child.returncode, out,
                err.decode("utf-8", "replace"), timed_out, timeout=timeout)


def kill_group(pgid):
    """SIGKILL the process group we created for one child."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def fatal_problem(proc):
    """Why the run produced no usable result (launch error, timeout, crash)."""
    if proc.launch_error:
        return f"cannot run {proc.argv[0]}: {proc.launch_error}"
    if proc.timed_out:
        return f"timed out after {proc.timeout} s"
    code = proc.returncode
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"crashed: killed by {name}{stderr_hint(proc)}"
    if code > 2:
        return f"crashed: exit status {code}{stderr_hint(proc)}"
    return None


def sanitizer_problem(proc):
    """The first sanitizer report line on stderr, if any."""
    for line in proc.stderr.splitlines():
        if any(marker in line for marker in SANITIZER_MARKERS):
            return "sanitizer report: " + shorten(line.strip())
    return None


def stderr_hint(proc):
    """' (stderr: <first non-empty line>)' or '' for an empty stderr."""
    for line in proc.stderr.splitlines():
        if line.strip():
            return f" (stderr: {shorten(line.strip())})"
    return ""


def shorten(text, limit=200):
    """Cut text to at most limit characters."""
    return text if len(text) <= limit else text[:limit - 3] + "..."


def display(path):
    """Path relative to the repository root when it lies below it."""
    path = os.path.realpath(path)
    try:
        return os.path.relpath(path, ROOT) if Path(path).is_relative_to(
            ROOT) else path
    except ValueError:
        return path


# --------------------------------------------------------------------------
# fsrace JSON output

@dataclasses.dataclass
class Finding:
    """A finding with its file resolved to a real path."""
    rule: str
    file: str
    line: int
    message: str
    notes: list          # of (file, line, message)
    risk: str | None = None     # "low", "medium", "high"
    reasons: list = dataclasses.field(default_factory=list)  # their texts


def parse_report(stdout, cwd):
    """Parse fsrace's JSON (schema version 1); raise ValueError if invalid."""
    try:
        data = json.loads(stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"stdout is not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError("not a version 1 fsrace report")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ValueError('"findings" is not a list')
    if not isinstance(data.get("errors", []), list):
        raise ValueError('"errors" is not a list')
    return [parse_finding(item, cwd) for item in findings]


def parse_finding(item, cwd):
    """Validate and convert one entry of "findings"."""
    if not isinstance(item, dict):
        raise ValueError("a finding is not an object")
    rule, file, line = item.get("rule"), item.get("file"), item.get("line")
    message = item.get("message")
    if not (isinstance(rule, str) and isinstance(file, str)
            and isinstance(message, str) and is_int(line)):
        raise ValueError(f"finding lacks rule/file/line/message: {item}")
    notes = []
    for note in item.get("notes", []):
        if not (isinstance(note, dict) and isinstance(note.get("file"), str)
                and is_int(note.get("line"))):
            raise ValueError(f"malformed note: {note}")
        notes.append((resolve(cwd, note["file"]), note["line"],
                      str(note.get("message", ""))))
    risk = item.get("risk", {})
    reasons = [str(r.get("reason", "")) for r in risk.get("reasons", [])]
    return Finding(rule, resolve(cwd, file), line, message, notes,
                   risk.get("level"), reasons)


def is_int(value):
    """True for a JSON integer (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool)


def resolve(cwd, path):
    """Real path of a file name that fsrace printed while running in cwd."""
    return os.path.realpath(os.path.join(cwd, path))


class Harness:
    """What tests/bad_input.py may use from this runner."""

    @staticmethod
    def run(argv, cwd, timeout=TIMEOUT):
        """Run a process (see run_process)."""
        return run_process(argv, cwd, timeout)

    @staticmethod
    def problems(proc):
        """Timeout, crash and sanitizer problems of a finished run."""
        return [p for p in (fatal_problem(proc), sanitizer_problem(proc)) if p]

    @staticmethod
    def findings(proc, cwd):
        """Findings in proc's JSON stdout (raises ValueError if invalid)."""
        return parse_report(proc.stdout, cwd)

    root = ROOT

    @staticmethod
    def annotated_units():
        """(files relative to the repository root, ARGS, CFLAGS) of every
        Part 1 unit, for cases that run the whole annotated suite."""
        units = []
        for unit in find_units(TESTS / "cases"):
            sources = [read_source(path) for path in unit.files]
            units.append(([os.path.relpath(p, ROOT) for p in unit.files],
                          header_values(sources, "ARGS")[0],
                          header_values(sources, "CFLAGS")[0]))
        return units


# --------------------------------------------------------------------------
# Part 1: reading annotations

KINDS = ("WARNING", "NOTE", "MISSING", "SPURIOUS")
KEYWORD_RE = re.compile(
    r"(?<![\w-])(WARNING|NOTE|MISSING|SPURIOUS)\b(\s*)([\[({<])", re.I)
BODY_RE = re.compile(r'([A-Za-z0-9_.:/-]+)(?:\s+risk=(low|medium|high))?'
                     r'(?:\s+because="((?:[^"\\\n]|\\.)*)")?'
                     r'(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]')
NO_WARNING_RE = re.compile(r"(?<![\w-])no-warning(?![\w-])(\s*\[)?")
HEADER_RE = re.compile(r"(ARGS|CFLAGS|EXIT):(.*)")


@dataclasses.dataclass
class Annotation:
    """One annotation: kind is WARNING/NOTE/MISSING/SPURIOUS/no-warning."""
    kind: str
    rule: str
    text: str | None
    file: str            # real path
    line: int
    risk: str | None = None      # risk=LEVEL
    because: str | None = None   # because="text": a risk reason

    def label(self):
        """The annotation as written, e.g. WARNING[rule "text"]."""
        if self.kind == "no-warning":
            return "no-warning"
        risk = f" risk={self.risk}" if self.risk else ""
        because = f' because="{self.because}"' if self.because is not None else ""
        text = f' "{self.text}"' if self.text is not None else ""
        return f"{self.kind}[{self.rule}{risk}{because}{text}]"


@dataclasses.dataclass
class Source:
    """Annotations, headers and annotation errors of one test file."""
    path: str                                   # real path
    annotations: list = dataclasses.field(default_factory=list)
    headers: list = dataclasses.field(default_factory=list)  # (key, line, v)
    malformed: list = dataclasses.field(default_factory=list)  # (line, why)


def iter_comments(text):
    """Yield (line number, text) for every line of every C comment."""
    i, line, n = 0, 1, len(text)
    while i < n:
        if text.startswith("//", i):
            i, line = yield from line_comment(text, i + 2, line)
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end
            for offset, part in enumerate(text[i + 2:end].split("\n")):
                yield line + offset, part
            line += text.count("\n", i, end)
            i = end + 2
        elif text[i] in "\"'":
            i, line = skip_literal(text, i, line)
        else:
            line += text[i] == "\n"
            i += 1


def line_comment(text, i, line):
    """Yield the lines of a // comment body at i; return (end, line)."""
    while True:
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        yield line, text[i:end]
        if not text[i:end].endswith("\\") or end == len(text):
            return end, line
        i, line = end + 1, line + 1


def skip_literal(text, i, line):
    """Skip a string or character literal; return (index after, line)."""
    quote, i = text[i], i + 1
    while i < len(text) and text[i] not in (quote, "\n"):
        if text[i] == "\\" and i + 1 < len(text):
            line += text[i + 1] == "\n"
            i += 1
        i += 1
    return i + (i < len(text) and text[i] == quote), line


def read_source(path):
    """Parse the headers and annotations of one test file."""
    src = Source(os.path.realpath(path))
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for line, comment in iter_comments(text):
        header = HEADER_RE.match(comment.strip().lstrip("/*!").strip())
        if header:
            src.headers.append((header[1], line, header[2].strip()))
        else:
            parse_annotations(src, line, comment)
    check_line_conflicts(src)
    return src


def parse_annotations(src, line, comment):
    """Add the annotations found in one comment line to src."""
    for match in KEYWORD_RE.finditer(comment):
        word, space, bracket = match.groups()
        if is_prose(word, space, bracket):
            continue
        body = BODY_RE.match(comment, match.end())
        if word != word.upper() or space or bracket != "[" or not body:
            snippet = comment[match.start():match.start() + 50].strip()
            src.malformed.append((line, f"malformed annotation: {snippet}"))
            continue
        text, because = (None if t is None else re.sub(r"\\(.)", r"\1", t)
                         for t in (body[4], body[3]))
        src.annotations.append(
            Annotation(word, body[1], text, src.path, line, body[2], because))
    for match in NO_WARNING_RE.finditer(comment):
        if match[1]:
            src.malformed.append((line, "malformed annotation: "
                                  "no-warning takes no [rule]"))
        else:
            src.annotations.append(
                Annotation("no-warning", "", None, src.path, line))


def is_prose(word, space, bracket):
    """True for text like "note (1)" or "NOTE (see above)" (not a typo)."""
    if word == word.upper():
        return bool(space) and bracket != "["
    return bool(space) or bracket != "["


def check_line_conflicts(src):
    """no-warning cannot share a line with a rule annotation."""
    by_line = {}
    for ann in src.annotations:
        by_line.setdefault(ann.line, set()).add(ann.kind)
    for line, kinds in sorted(by_line.items()):
        if "no-warning" in kinds and kinds & {"WARNING", "MISSING",
                                              "SPURIOUS"}:
            src.malformed.append(
                (line, "malformed annotation: no-warning together with "
                       "a WARNING/MISSING/SPURIOUS annotation"))


# --------------------------------------------------------------------------
# Part 1: units and headers

@dataclasses.dataclass
class Unit:
    """One fsrace run of Part 1: a single .c file or a .multi directory."""
    name: str            # display name used for -k and sorting
    files: list          # Paths, sorted


def find_units(cases_dir):
    """All Part 1 tests below cases_dir, sorted by name."""
    units = []
    for dirpath, dirnames, filenames in os.walk(cases_dir):
        dirnames.sort()
        for dirname in [d for d in dirnames if d.endswith(".multi")]:
            multi = Path(dirpath, dirname)
            files = sorted(multi.rglob("*.c"))
            units.append(Unit(display(multi), files))
        dirnames[:] = [d for d in dirnames if not d.endswith(".multi")]
        for filename in sorted(f for f in filenames if f.endswith(".c")):
            path = Path(dirpath, filename)
            units.append(Unit(display(path), [path]))
    return sorted(units, key=lambda unit: unit.name)


def header_values(sources, key):
    """Concatenated shlex-split values of one header (repeats used once)."""
    values, seen, errors = [], set(), []
    for src in sources:
        for hkey, line, value in src.headers:
            if hkey != key or value in seen:
                continue
            seen.add(value)
            try:
                values += shlex.split(value)
            except ValueError as exc:
                errors.append(Result(display(src.path), line, False,
                                     f"malformed {key} header: {exc}"))
    return values, errors


def expected_exit(sources):
    """(status, path, line, errors) from EXIT headers or the annotations."""
    first = (display(sources[0].path), 1) if sources else ("?", 1)
    exits, errors = [], []
    for src in sources:
        for key, line, value in src.headers:
            if key != "EXIT":
                continue
            if re.fullmatch(r"\d+", value):
                exits.append((int(value), display(src.path), line))
            else:
                errors.append(Result(display(src.path), line, False,
                                     f"malformed EXIT header: {value!r}"))
    if len({code for code, _, _ in exits}) > 1:
        errors.append(Result(*first, False, "conflicting EXIT headers"))
    if exits:
        return exits[0][0], exits[0][1], exits[0][2], errors
    racy = any(a.kind in ("WARNING", "SPURIOUS")
               for src in sources for a in src.annotations)
    return int(racy), first[0], first[1], errors


# --------------------------------------------------------------------------
# Part 1: checking a run

def run_unit(unit, fsrace, known_rules):
    """Run fsrace on one Part 1 unit and return its Results."""
    try:
        sources = [read_source(path) for path in unit.files]
    except OSError as exc:
        return [Result(unit.name, 1, False, f"cannot read test: {exc}")]
    args, errors = header_values(sources, "ARGS")
    cflags, more = header_values(sources, "CFLAGS")
    code, path, line, exit_errors = expected_exit(sources)
    errors += more + exit_errors + malformed_results(sources)
    if not unit.files:
        return errors + [Result(unit.name, 1, False, "no .c files")]
    files = [os.path.relpath(p, ROOT) for p in unit.files]
    argv = [fsrace, "--format", "json", *args, *files, "--", *cflags]
    proc = run_process(argv, ROOT)
    results = check_unit(sources, proc, (code, path, line), known_rules)
    return errors + results + [prefilter_result(argv, path, line)]


def prefilter_result(argv, path, line):
    """The pre-filter case: parsing every file (--no-prefilter) gives the
    same report, byte for byte, and the same exit status (both without
    the cache, which is tested on its own)."""
    proc = run_process([argv[0], "--no-cache", *argv[1:]], ROOT)
    full = run_process([argv[0], "--no-cache", "--no-prefilter", *argv[1:]], ROOT)
    if (full.returncode, full.stdout) == (proc.returncode, proc.stdout):
        return Result(path, line, True, "same report with --no-prefilter")
    return Result(path, line, False, "the report differs with --no-prefilter "
                  f"(exit {proc.returncode} vs {full.returncode}): the pre-filter "
                  "skipped a unit that matters (src/cli/prefilter.c)")


def malformed_results(sources):
    """One failed Result per malformed annotation."""
    return [Result(display(src.path), line, False, why)
            for src in sources for line, why in src.malformed]


def check_unit(sources, proc, expected, known_rules):
    """Compare one finished run with the annotations of its sources."""
    code, path, line = expected
    fatal = fatal_problem(proc)
    if fatal:
        return [Result(path, line, False, fatal)]
    results = [exit_result(proc, code, path, line)]
    sanitizer = sanitizer_problem(proc)
    if sanitizer:
        results.append(Result(path, line, False, sanitizer))
    try:
        findings = parse_report(proc.stdout, ROOT)
    except ValueError as exc:
        return results + [Result(path, line, False,
                                 f"invalid JSON output: {shorten(str(exc))}")]
    annotations = [a for src in sources for a in src.annotations]
    results += [check_annotation(a, findings, known_rules)
                for a in annotations]
    return results + unexpected_findings(annotations, findings)


def exit_result(proc, code, path, line):
    """The exit-status case."""
    if proc.returncode == code:
        return Result(path, line, True, f"exit status {code}")
    return Result(path, line, False, f"exit status {proc.returncode}, "
                  f"expected {code}{stderr_hint(proc)}")


def check_annotation(ann, findings, known_rules):
    """Decide one annotation case."""
    where = (display(ann.file), ann.line)
    if ann.kind != "no-warning" and known_rules is not None \
            and ann.rule not in known_rules:
        return Result(*where, False, f"{ann.label()}: unknown rule "
                      f"{ann.rule!r} (not in fsrace --list-rules)")
    checker = {"WARNING": check_warning, "NOTE": check_note,
               "MISSING": check_missing, "SPURIOUS": check_spurious,
               "no-warning": check_no_warning}[ann.kind]
    why = checker(ann, findings)
    return Result(*where, why is None, why or ann.label())


def on_line(ann, findings, rule=None):
    """Findings on the annotation's line (of one rule if given)."""
    return [f for f in findings if f.file == ann.file and f.line == ann.line
            and (rule is None or f.rule == rule)]


def matching(ann, findings):
    """Findings of ann's rule on its line whose message has ann's text (and
    whose risk and reasons are as ann says, if it says)."""
    return [f for f in on_line(ann, findings, ann.rule)
            if (ann.text is None or ann.text in f.message)
            and (ann.risk is None or ann.risk == f.risk)
            and (ann.because is None
                 or any(ann.because in r for r in f.reasons))]


def check_warning(ann, findings):
    """WARNING: the finding is reported (with the text, if given)."""
    if matching(ann, findings):
        return None
    same_rule = on_line(ann, findings, ann.rule)
    if same_rule:
        f = same_rule[0]
        return (f"{ann.label()}: reported as risk={f.risk} "
                f"({'; '.join(f.reasons) or 'no reasons'}): "
                f"{shorten(f.message)}")
    others = sorted({f.rule for f in on_line(ann, findings)})
    also = f" (this line has: {', '.join(others)})" if others else ""
    return f"expected {ann.rule} finding not reported{also}"


def check_note(ann, findings):
    """NOTE: some finding of the rule has a note on this line."""
    for finding in findings:
        if finding.rule != ann.rule:
            continue
        for file, line, message in finding.notes:
            if (file, line) == (ann.file, ann.line) and (
                    ann.text is None or ann.text in message):
                return None
    return f"{ann.label()}: no {ann.rule} finding has a matching note here"


def check_missing(ann, findings):
    """MISSING: passes while the finding is absent."""
    if matching(ann, findings):
        return f"{ann.label()} now reported: change MISSING to WARNING"
    return None


def check_spurious(ann, findings):
    """SPURIOUS: passes while the finding is present."""
    if matching(ann, findings):
        return None
    return f"{ann.label()} no longer reported: remove SPURIOUS"


def check_no_warning(ann, findings):
    """no-warning: nothing at all is reported on this line."""
    found = on_line(ann, findings)
    if not found:
        return None
    return "no-warning: " + "; ".join(
        f"unexpected {f.rule} finding: {shorten(f.message)}" for f in found)


def unexpected_findings(annotations, findings):
    """A failed Result for every finding no annotation accounts for."""
    covered = {(a.file, a.line, a.rule) for a in annotations
               if a.kind in ("WARNING", "SPURIOUS", "MISSING")}
    silent = {(a.file, a.line) for a in annotations if a.kind == "no-warning"}
    return [Result(display(f.file), f.line, False,
                   f"unexpected {f.rule} finding: {shorten(f.message)}")
            for f in findings
            if (f.file, f.line, f.rule) not in covered
            and (f.file, f.line) not in silent]


def list_rules(fsrace):
    """Rule ids from `fsrace --list-rules`, or None if that does not work."""
    proc = run_process([fsrace, "--list-rules"], ROOT)
    if fatal_problem(proc) or proc.returncode != 0:
        return None
    words = set(re.findall(r"[A-Za-z0-9_.:/-]+",
                           proc.stdout.decode("utf-8", "replace")))
    return {w.strip(":.") for w in words} | words or None


# --------------------------------------------------------------------------
# Part 2: CFG golden files

def run_cfg(source, fsrace, update):
    """Run --dump-cfg on one tests/cfg file and compare with its .cfg."""
    name, golden = display(source), source.with_suffix(".cfg")
    src = read_source(source)
    cflags, errors = header_values([src], "CFLAGS")
    proc = run_process([fsrace, "--dump-cfg", os.path.relpath(source, ROOT),
                        "--", *cflags], ROOT)
    problem = fatal_problem(proc) or sanitizer_problem(proc)
    if not problem and proc.returncode not in (0, 1):
        problem = f"exit status {proc.returncode}{stderr_hint(proc)}"
    if problem:
        return errors + [Result(name, 1, False, problem)]
    if update:
        return errors + [update_golden(name, golden, proc.stdout)]
    return errors + [compare_golden(name, golden, proc.stdout)]


def update_golden(name, golden, output):
    """Write output to golden if it differs; say so."""
    old = golden.read_bytes() if golden.exists() else None
    if old == output:
        return Result(name, 1, True, "golden unchanged")
    golden.write_bytes(output)
    verb = "created" if old is None else "updated"
    return Result(name, 1, True, f"{verb} {display(golden)}",
                  notice=f"{verb} {display(golden)}")


def compare_golden(name, golden, output):
    """Compare output with the golden file; a failure carries a diff."""
    if not golden.exists():
        return Result(name, 1, False, f"missing {display(golden)} "
                      "(run with --update-golden)")
    expected = golden.read_bytes()
    if expected == output:
        return Result(name, 1, True, "matches golden")
    return Result(name, 1, False, f"output differs from {display(golden)}",
                  details=golden_diff(expected, output, display(golden)))


def golden_diff(expected, actual, label):
    """A unified diff of at most MAX_DIFF_LINES lines."""
    old = expected.decode("utf-8", "replace").splitlines()
    new = actual.decode("utf-8", "replace").splitlines()
    lines = list(difflib.unified_diff(old, new, label, "fsrace --dump-cfg",
                                      lineterm=""))
    if len(lines) <= 2:
        return ["(only line endings or the final newline differ)"]
    if len(lines) > MAX_DIFF_LINES:
        more = len(lines) - (MAX_DIFF_LINES - 1)
        lines = lines[:MAX_DIFF_LINES - 1] + [f"... ({more} more lines)"]
    return lines


# --------------------------------------------------------------------------
# Part 3: bad input

def run_bad_input(case, fsrace, module=bad_input):
    """Run one case of tests/bad_input.py (or of tests/report_tests.py);
    return a one-Result list."""
    where = (display(module.__file__), case.line)
    outcome = module.run_case(case, fsrace, Harness)
    label = f"[{case.name}] "
    if outcome.skipped:
        return [Result(*where, False, label + outcome.reason, skipped=True)]
    if outcome.problems:
        return [Result(*where, False, label + "; ".join(outcome.problems))]
    return [Result(*where, True, label.strip())]


# --------------------------------------------------------------------------
# Driver

def collect_jobs(args, fsrace):
    """(sort key, callable returning Results) for every selected test."""
    keep = (lambda name: args.k in name) if args.k else (lambda name: True)
    units = [u for u in find_units(TESTS / "cases")
             if keep(u.name) or any(keep(display(f)) for f in u.files)]
    known = list_rules(fsrace) if units else None
    jobs = [((1, u.name), lambda u=u: run_unit(u, fsrace, known))
            for u in units]
    for source in sorted((TESTS / "cfg").glob("*.c")):
        if keep(display(source)):
            jobs.append(((2, display(source)),
                         lambda s=source: run_cfg(s, fsrace,
                                                  args.update_golden)))
    for index, case in enumerate(bad_input.CASES):
        if keep(f"bad_input/{case.name}"):
            jobs.append(((3, index), lambda c=case: run_bad_input(c,
                                                                  fsrace)))
    for index, case in enumerate(report_tests.CASES):
        if keep(f"report/{case.name}"):
            jobs.append(((4, index), lambda c=case: run_bad_input(
                c, fsrace, report_tests)))
    for index, case in enumerate(workflow_tests.CASES):
        if keep(f"workflow/{case.name}"):
            jobs.append(((5, index), lambda c=case: run_bad_input(
                c, fsrace, workflow_tests)))
    for index, case in enumerate(cache_tests.CASES):
        if keep(f"cache/{case.name}"):
            jobs.append(((6, index), lambda c=case: run_bad_input(
                c, fsrace, cache_tests)))
    for index, case in enumerate(doc_tests.CASES):
        if keep(f"doc/{case.name}"):
            jobs.append(((7, index), lambda c=case: run_bad_input(
                c, fsrace, doc_tests)))
    for index, case in enumerate(input_tests.CASES):
        if keep(f"input/{case.name}"):
            jobs.append(((8, index), lambda c=case: run_bad_input(
                c, fsrace, input_tests)))
    for index, case in enumerate(isolation_tests.CASES):
        if keep(f"isolation/{case.name}"):
            jobs.append(((9, index), lambda c=case: run_bad_input(
                c, fsrace, isolation_tests)))
    return jobs


def run_jobs(jobs):
    """Run all jobs in parallel; return their Results in sorted order."""
    results = []
    workers = os.cpu_count() or 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(job): key for key, job in jobs}
        for future in concurrent.futures.as_completed(futures):
            key = futures[future]
            try:
                found = future.result()
            except Exception as exc:  # a bug in a test must not hide others
                found = [Result(str(key[1]), 1, False,
                                f"runner error: {exc!r}")]
            for seq, result in enumerate(found):
                result.order = (key, result.path, result.line, seq)
            results += found
    return sorted(results, key=lambda r: r.order)


def report(results, verbose):
    """Print the results; return (passed, failed)."""
    passed = failed = 0
    for r in results:
        where = f"{r.path}:{r.line}"
        if r.skipped:
            print(f"SKIP {where}: {r.why}")
            continue
        if r.ok:
            passed += 1
            if r.notice:
                print(r.notice)
            if verbose:
                print(f"ok {where}: {r.why}")
            continue
        failed += 1
        print(f"FAIL {where}: {r.why}")
        for detail in r.details:
            print("    " + detail)
    return passed, failed


def parse_args(argv):
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description="Run the fsrace test suite.")
    parser.add_argument("--fsrace", default=str(ROOT / "build" / "fsrace"),
                        help="fsrace binary (default: build/fsrace)")
    parser.add_argument("--update-golden", action="store_true",
                        help="rewrite tests/cfg/*.cfg from fsrace's output")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also print passing cases")
    parser.add_argument("-k", metavar="SUBSTRING",
                        help="only tests whose path contains SUBSTRING")
    return parser.parse_args(argv)


def main(argv=None):
    """Entry point; returns the exit status."""
    sys.stdout.reconfigure(errors="replace", line_buffering=True)
    args = parse_args(argv)
    fsrace = os.path.abspath(args.fsrace)
    if not (os.path.isfile(fsrace) and os.access(fsrace, os.X_OK)):
        print(f"FAIL {display(fsrace)}:0: fsrace binary not found or "
              "not executable")
        print("0 passed, 1 failed")
        return 1
    # A cache of this run's own: never the user's, and exercised by every
    # case (each file's results are stored; the cases in tests/cache_tests.py
    # read them back).
    with tempfile.TemporaryDirectory(prefix="fsrace-test-cache-") as cache:
        os.environ["FSRACE_CACHE_DIR"] = cache
        os.environ.setdefault("LSAN_OPTIONS",
                              f"suppressions={TESTS / 'lsan.supp'}:print_suppressions=0")
        passed, failed = report(run_jobs(collect_jobs(args, fsrace)),
                                args.verbose)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
