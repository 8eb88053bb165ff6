"""Documentation tests for fsrace, run by tests/run.py (Part 5).

What users read must say what the program does: --help, the README's
options table and the man page list exactly the same options (all made
from, or checked against, src/cli/options.def); --list-rules, the README's
rule table, docs/rules.md and the man page list the same rules; `make
install DESTDIR=...` installs a man page that `man -l` renders, and `make
uninstall` removes every installed file.

Cases are registered with @case(name) like tests/report_tests.py's (same
Context); -k selects them as "doc/<name>".  A case needing man-db is
skipped without it (scripts/setup.sh installs it), and fails instead under
FSRACE_REQUIRE_TOOLS=1.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import bad_input
from bad_input import Skip
from report_tests import run_case  # noqa: F401 (tests/run.py calls it)

ROOT = Path(__file__).resolve().parent.parent
CASES = []

# "  -h, --help", "  --format FORMAT": an option line of --help.
HELP_OPTION_RE = re.compile(r"^  (--?[a-z][\w-]*)(?:, (--[a-z][\w-]*))?(?= |$)",
                            re.M)
# "       -p BUILD_DIR", "       -h, --help": an option line of the man page.
MAN_OPTION_RE = re.compile(r"^ {7}(--?[a-z][\w-]*)(?:, (--[a-z][\w-]*))?(?= |$)",
                           re.M)
# "       toctou-check-use (warning, ...": a rule line of the man page.
MAN_RULE_RE = re.compile(r"^ {7}([a-z]+(?:-[a-z]+)+) \(", re.M)


def case(name):
    """Decorator registering a documentation case under name."""
    def register(func):
        """Add func to CASES and return it unchanged."""
        CASES.append(bad_input.Case(name, func, func.__code__.co_firstlineno))
        return func
    return register


def option_names(matches):
    """{canonical name: all spellings} from (short-or-long, long) pairs:
    an option is known by its long name when it has one."""
    names = {}
    for first, second in matches:
        names[second or first] = {first, second} - {""}
    return names


def help_options(ctx):
    """The options --help lists, as option_names() gives them."""
    run = ctx.run("--help")
    ctx.expect_exit(run, 0)
    text = run.proc.stdout.decode("utf-8", "replace")
    return option_names(HELP_OPTION_RE.findall(text))


def readme_table(heading_cell):
    """The first cells of the README table whose header row starts with
    `| heading_cell |`."""
    lines = (ROOT / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.startswith(f"| {heading_cell} |"))
    cells = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells.append(line.split(" | ")[0])
    return cells


def readme_options():
    """Every option spelled in the first column of the README's table."""
    spelled = set()
    for cell in readme_table("option"):
        spelled |= set(re.findall(r"`(--?[a-z][\w-]*)", cell))
    return spelled


def compare(ctx, what, expected, actual, label):
    """Record what is missing from or extra in `actual`."""
    run = bad_input.Run(None, label)
    if expected - actual:
        ctx.fail(run, f"{what} missing: {', '.join(sorted(expected - actual))}")
    if actual - expected:
        ctx.fail(run, f"{what} not in --help: {', '.join(sorted(actual - expected))}")


def build_dir(ctx):
    """The build directory holding fsrace and the man page writer."""
    build = Path(ctx.fsrace).parent
    if not os.access(build / "manpage", os.X_OK):
        raise Skip(f"{build / 'manpage'} not built (make builds it)")
    return build


def make(ctx, target, stage):
    """`make TARGET DESTDIR=stage` with the already built binaries (never
    rebuilding them); the finished process."""
    build = build_dir(ctx)
    return subprocess.run(
        ["make", "-s", "-C", str(ROOT), target, f"BUILD={build}",
         f"DESTDIR={stage}", "PREFIX=/usr/local",
         "-o", str(build / "fsrace"), "-o", str(build / "manpage")],
        capture_output=True, text=True, timeout=60, check=False)


def render_man(page):
    """The man page rendered as plain text by man-db, or raise Skip."""
    if not shutil.which("man"):
        raise Skip("man-db not installed (scripts/setup.sh installs it)")
    env = dict(os.environ, LC_ALL="C", MANWIDTH="100", MANPAGER="cat",
               PAGER="cat")
    proc = subprocess.run(["man", "-l", str(page)], capture_output=True,
                          text=True, timeout=60, env=env, check=False)
    return proc, re.sub(r".\x08", "", proc.stdout)


def installed_man(ctx, stage):
    """Install into stage; the rendered man page (or None after a failure)."""
    proc = make(ctx, "install", stage)
    run = bad_input.Run(None, "make install")
    if proc.returncode != 0:
        ctx.fail(run, f"exit {proc.returncode}: {proc.stderr.strip()[:300]}")
        return None
    page = Path(stage, "usr/local/share/man/man1/fsrace.1")
    rendered, text = render_man(page)
    if rendered.returncode != 0 or "fsrace" not in text:
        ctx.fail(bad_input.Run(None, "man -l"), f"exit {rendered.returncode}: "
                 f"{rendered.stderr.strip()[:300]}")
        return None
    if rendered.stderr.strip():
        ctx.fail(bad_input.Run(None, "man -l"),
                 f"warnings: {rendered.stderr.strip()[:300]}")
    return text


@case("options-documented")
def options_documented(ctx):
    """--help, the README's options table and the installed man page list
    exactly the same options."""
    in_help = help_options(ctx)
    spelled_in_help = set().union(*in_help.values())
    in_readme = readme_options()
    compare(ctx, "README options table:", spelled_in_help, in_readme,
            "README.md")
    text = installed_man(ctx, ctx.path("stage"))
    if text is not None:
        in_man = option_names(MAN_OPTION_RE.findall(text))
        compare(ctx, "man page options:", set(in_help), set(in_man), "fsrace.1")


def list_rules(ctx):
    """The rule ids --list-rules prints."""
    run = ctx.run("--list-rules")
    ctx.expect_exit(run, 0)
    return {line.split()[0] for line in
            run.proc.stdout.decode("utf-8", "replace").splitlines() if line}


@case("rules-documented")
def rules_documented(ctx):
    """--list-rules, the README's rule table, docs/rules.md's sections and
    the man page's RULES name the same rules."""
    rules = list_rules(ctx)
    readme = {re.sub(r"[`\s]", "", cell.strip("| ")) for cell in readme_table("id")}
    docs = set(re.findall(r"^## ([a-z-]+) ", (ROOT / "docs" / "rules.md").read_text(),
                          re.M))
    compare(ctx, "README rule table:", rules, readme, "README.md")
    compare(ctx, "docs/rules.md sections:", rules, docs, "docs/rules.md")
    text = installed_man(ctx, ctx.path("stage"))
    if text is not None:
        section = text.split("\nRULES\n", 1)[-1].split("\nENVIRONMENT\n", 1)[0]
        compare(ctx, "man page rules:", rules, set(MAN_RULE_RE.findall(section)),
                "fsrace.1")


@case("install-uninstall")
def install_uninstall(ctx):
    """make install puts the binary, the man page and the docs under
    DESTDIR/PREFIX; the installed binary runs; make uninstall removes every
    file it installed."""
    stage = Path(ctx.path("stage"))
    if installed_man(ctx, stage) is None:
        return
    installed = sorted(str(p.relative_to(stage)) for p in stage.rglob("*")
                       if p.is_file())
    run = bad_input.Run(None, "make install")
    for wanted in ("usr/local/bin/fsrace", "usr/local/share/man/man1/fsrace.1",
                   "usr/local/share/doc/fsrace/README.md",
                   "usr/local/share/doc/fsrace/docs/rules.md"):
        if wanted not in installed:
            ctx.fail(run, f"{wanted} not installed (got {installed[:12]})")
    binary = stage / "usr/local/bin/fsrace"
    if binary.exists():
        proc = ctx.harness.run([str(binary), "--version"], ctx.tmp)
        if proc.returncode != 0 or not proc.stdout.startswith(b"fsrace "):
            ctx.fail(run, f"installed fsrace --version: exit {proc.returncode}")
    proc = make(ctx, "uninstall", stage)
    left = sorted(str(p.relative_to(stage)) for p in stage.rglob("*")
                  if p.is_file())
    if proc.returncode != 0 or left:
        ctx.fail(bad_input.Run(None, "make uninstall"),
                 f"exit {proc.returncode}, files left: {left[:10]}")


# --------------------------------------------------------------------------
# Rule help: src/rules/help/ID.md, --explain, docs/rules.md

HELP_DIR = ROOT / "src" / "rules" / "help"
# What every rule's help says, in these words (the brief of --explain).
HELP_PARTS = ("**Reported**", "**Why it is a problem**", "**Not reported**",
              "**Fix**", "```c bad\n", "```c fixed\n")
EXAMPLE_RE = re.compile(r"^```c (bad|fixed)\n(.*?)^```$", re.S | re.M)
# The examples are functions; the headers they need come from here.
EXAMPLE_HEADERS = "".join(f"#include <{h}>\n" for h in (
    "errno.h", "fcntl.h", "pthread.h", "stdio.h", "stdlib.h", "string.h",
    "sys/file.h", "sys/stat.h", "unistd.h"))


@case("explain")
def explain(ctx):
    """--explain RULE prints src/rules/help/RULE.md for every rule, which
    has each part of a rule's help; an unknown rule is a usage error that
    names the nearest."""
    for rule in sorted(list_rules(ctx)):
        run = ctx.run("--explain", rule, label=f"--explain {rule}")
        ctx.expect_exit(run, 0)
        source = HELP_DIR / f"{rule}.md"
        if not source.exists():
            ctx.fail(run, f"no {source.relative_to(ROOT)}")
            continue
        text = source.read_text()
        if run.proc.stdout.decode("utf-8", "replace") != text:
            ctx.fail(run, f"output differs from {source.relative_to(ROOT)}")
        for part in HELP_PARTS:
            if text.count(part) < 1 or (part.startswith("```") and text.count(part) != 1):
                ctx.fail(run, f"{source.name} must have {part.strip()!r} (once for an example)")
    run = ctx.run("--explain", "toctou-chek-use", label="--explain misspelt")
    ctx.expect_exit(run, 2)
    ctx.expect_stderr(run, r"did you mean 'toctou-check-use'", "the nearest rule")


@case("rules-doc-generated")
def rules_doc_generated(ctx):
    """docs/rules.md is src/rules/help/index.md and every rule's help,
    in --list-rules order, each after an anchor named by the rule's id
    (SARIF's helpUri points there); `make docs` writes it."""
    run = ctx.run("--list-rules")
    order = [line.split()[0] for line in
             run.proc.stdout.decode("utf-8", "replace").splitlines() if line]
    wanted = (HELP_DIR / "index.md").read_text() + "".join(
        f'\n<a id="{r}"></a>\n\n' + (HELP_DIR / f"{r}.md").read_text()
        for r in order if (HELP_DIR / f"{r}.md").exists())
    if (ROOT / "docs" / "rules.md").read_text() != wanted:
        ctx.fail(bad_input.Run(None, "docs/rules.md"),
                 "differs from src/rules/help/*.md: run `make docs`")


def example_findings(ctx, rule, kind, code):
    """Run fsrace (with `rule` enabled) on one example; its findings' rules,
    or None after a failure."""
    name = f"{rule}-{kind}.c"
    ctx.write(name, EXAMPLE_HEADERS + "\n" + code)
    run = ctx.run("--no-cache", "--min-risk", "low", "--enable", rule, "--format", "json",
                  name, "--",
                  label=f"{rule} {kind} example")
    ctx.expect_exit(run, 0, 1)
    if run.proc.returncode not in (0, 1):
        return None
    return [f.rule for f in ctx.harness.findings(run.proc, ctx.tmp)], run


@case("explain-examples")
def explain_examples(ctx):
    """Every rule's bad example is reported by that rule; its fixed example
    compiles and is reported by no rule."""
    for source in sorted(HELP_DIR.glob("*.md")):
        examples = dict(EXAMPLE_RE.findall(source.read_text()))
        rule = source.stem
        for kind, code in sorted(examples.items()):
            found = example_findings(ctx, rule, kind, code)
            if found is None:
                continue
            rules, run = found
            if kind == "bad" and rule not in rules:
                ctx.fail(run, f"not reported by {rule} (found {rules})")
            if kind == "fixed" and rules:
                ctx.fail(run, f"not clean: {rules}")


# --------------------------------------------------------------------------
# pre-commit

@case("pre-commit-hook")
def pre_commit_hook(ctx):
    """.pre-commit-hooks.yaml parses as YAML, declares a hook with the keys
    pre-commit requires, whose file pattern takes C files, and whose entry
    is the command make install puts on PATH: run as pre-commit would (the
    entry, its args, then the changed files), it reports a race."""
    try:
        import yaml  # python3-yaml (Debian), as pre-commit itself uses
    except ImportError as exc:
        raise Skip("python3-yaml not installed (scripts/setup.sh installs it)") from exc
    run = bad_input.Run(None, ".pre-commit-hooks.yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    if not isinstance(hooks, list) or len(hooks) != 1:
        ctx.fail(run, f"expected a list of one hook, got {hooks!r}"[:200])
        return
    hook = hooks[0]
    for key in ("id", "name", "entry", "language"):
        if not isinstance(hook.get(key), str):
            ctx.fail(run, f"no {key}")
    pattern = re.compile(hook.get("files", ""))
    if not pattern.search("src/a.c") or pattern.search("tests/run.py"):
        ctx.fail(run, f"files {hook.get('files')!r} must take .c files only")
    stage = Path(ctx.path("stage"))
    proc = make(ctx, "install", stage)
    if proc.returncode != 0:
        ctx.fail(run, f"make install: {proc.stderr.strip()[:300]}")
        return
    bindir = stage / "usr/local/bin"
    command = hook.get("entry", "").split()
    if not command or not (bindir / command[0]).exists():
        ctx.fail(run, f"entry {hook.get('entry')!r} is not a command make install installs")
        return
    ctx.race()
    env = dict(os.environ, PATH=f"{bindir}:{os.environ.get('PATH', '')}")
    hooked = subprocess.run([*command, *hook.get("args", []), "race.c"], cwd=ctx.tmp,
                            env=env, capture_output=True, text=True, timeout=60,
                            check=False)
    if hooked.returncode != 1 or "toctou-check-use" not in hooked.stdout:
        ctx.fail(run, f"the hook on a racy file: exit {hooked.returncode}, "
                 f"{hooked.stdout.strip()[:200]!r}")
