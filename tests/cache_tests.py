"""Result-cache tests for fsrace, run by tests/run.py (Part 5).

What docs/cache.md promises, tried as a hostile or unlucky user would: the
clean-up never touches a file that is not an entry, a symbolic link or a
directory others can write is refused, an entry is reused only when nothing
its parse depended on changed (working directory, include files, a header
that would now shadow another, the environment clang reads), cached output
is byte for byte the uncached output, a tampered entry is never shown, and
an entry replaced by a FIFO or a device does not hang the run.

Cases are written like tests/bad_input.py's (same Context, same checks on
every run: no timeout, crash, sanitizer report or stray stderr line) and
registered here with @case(name); -k selects them as "cache/<name>".
"""

import json
import os
import re
import stat

import bad_input
from bad_input import RACE_C, RACE_LINE, Skip

CASES = []
case = bad_input.registrar(CASES)


def run_case(one_case, fsrace, harness):
    """Run one case like bad_input does."""
    return bad_input.run_case(one_case, fsrace, harness)


# --------------------------------------------------------------------------
# Helpers

STATS_RE = re.compile(r"fsrace: stats: (\d+) files?, (\d+) cache hits?")


def cache_hits(ctx, run):
    """The cache hits --stats reported, or None (a failure is recorded)."""
    m = STATS_RE.search(run.proc.stderr)
    if not m:
        ctx.fail(run, "no 'fsrace: stats:' line on stderr")
        return None
    return int(m.group(2))


def cached_run(ctx, *args, label="", cache="cache", env=None, cwd=None, prefix=()):
    """fsrace --stats --format json --cache-dir CACHE ARGS."""
    return ctx.run("--stats", "--format", "json", "--cache-dir", ctx.path(cache), *args,
                   label=label, env=env, cwd=cwd, prefix=prefix)


def expect_hits(ctx, run, wanted):
    """--stats counted `wanted` cache hits."""
    hits = cache_hits(ctx, run)
    if hits is not None and hits != wanted:
        ctx.fail(run, f"{hits} cache hits, expected {wanted}")


def entries(ctx, cache="cache"):
    """Names of the entries in the cache directory."""
    return sorted(e for e in os.listdir(ctx.path(cache)) if e.endswith(".json"))


def warnings(run, pattern):
    """stderr lines matching pattern."""
    return [line for line in run.proc.stderr.splitlines() if re.search(pattern, line)]


# --------------------------------------------------------------------------
# Reuse and invalidation

@case("warm-run")
def cache_warm_run(ctx):
    """A second run on unchanged files is served from the cache, same output."""
    race = ctx.race()
    cold = cached_run(ctx, race, label="cold")
    warm = cached_run(ctx, race, label="warm")
    expect_hits(ctx, cold, 0)
    expect_hits(ctx, warm, 1)
    ctx.expect_finding(warm, race)
    if cold.proc.stdout != warm.proc.stdout:
        ctx.fail(warm, "the warm run's output differs from the cold run's")


@case("header-changed")
def cache_header_changed(ctx):
    """Changing an included header invalidates the entry."""
    ctx.write("mode.h", "#define READABLE(p) (access(p, R_OK) == 0)\n")
    src = ctx.write("a.c", RACE_C.replace('#include <unistd.h>',
                                          '#include <unistd.h>\n#include "mode.h"')
                    .replace("access(p, R_OK) == 0", "READABLE(p)"))
    first = cached_run(ctx, src, label="first")
    ctx.expect_finding(first, src, line=RACE_LINE + 1)
    ctx.write("mode.h", "#define READABLE(p) (p != 0)\n")   # no check any more
    second = cached_run(ctx, src, label="after edit")
    expect_hits(ctx, second, 0)
    if b'"findings": [\n ]' not in second.proc.stdout and b"toctou" in second.proc.stdout:
        ctx.fail(second, "the stale finding is still reported after the header changed")


@case("corrupt-entries")
def cache_corrupt_entries(ctx):
    """Corrupt or truncated entries are ignored, never trusted."""
    race = ctx.race()
    cached_run(ctx, race, label="fill")
    entries = [e for e in os.listdir(ctx.path("cache")) if e.endswith(".json")]
    if not entries:
        ctx.problems.append("no cache entry was written")
        return
    for i, name in enumerate(entries):
        path = ctx.path(os.path.join("cache", name))
        data = open(path, "rb").read()
        open(path, "wb").write(data[: len(data) // 2] if i % 2 else b"\x00garbage{")
    run = cached_run(ctx, race, label="corrupt")
    expect_hits(ctx, run, 0)
    ctx.expect_finding(run, race)


@case("entry-symlink")
def cache_entry_symlink(ctx):
    """An entry replaced by a symbolic link is not followed, and its target
    is not written through when the entry is stored again."""
    race = ctx.race()
    cached_run(ctx, race, label="fill")
    victim = ctx.write("victim.txt", "untouched\n")
    for name in os.listdir(ctx.path("cache")):
        os.unlink(ctx.path(os.path.join("cache", name)))
        os.symlink(victim, ctx.path(os.path.join("cache", name)))
    run = cached_run(ctx, race, label="symlinked")
    expect_hits(ctx, run, 0)
    ctx.expect_finding(run, race)
    if open(victim).read() != "untouched\n":
        ctx.fail(run, "a cache write went through a symbolic link")


@case("off")
def cache_off(ctx):
    """--no-cache neither reads nor writes the cache."""
    race = ctx.race()
    run = ctx.run("--no-cache", "--stats", "--format", "json", "--cache-dir",
                  ctx.path("cache"), race)
    ctx.expect_finding(run, race)
    expect_hits(ctx, run, 0)
    if os.path.exists(ctx.path("cache")):
        ctx.fail(run, "--no-cache created the cache directory")



# --------------------------------------------------------------------------
# The directory and its clean-up

def old(path):
    """Give path an mtime in 2001, so a clean-up would take it first."""
    os.utime(path, (1e9, 1e9))


@case("trim-keeps-foreign-files")
def trim_keeps_foreign_files(ctx):
    """FSRACE_CACHE_LIMIT_MIB=1 over a directory holding the user's files:
    only entries (an entry's name and first bytes) are counted or removed."""
    os.mkdir(ctx.path("cache"), 0o700)
    foreign = {"photo1.jpg": os.urandom(600_000), "photo2.jpg": os.urandom(600_000),
               "notes.txt": b"my notes\n" * 70_000,
               "0123456789abcdef.json": b'{"mine": 1}' + b" " * 600_000,
               ".0123456789abcdef.json": os.urandom(600_000)}
    for name, data in foreign.items():
        old(ctx.write(os.path.join("cache", name), data))
    # Two big files that are provably entries: the clean-up must still work.
    magic = b'{"fsrace_cache": '
    for name in ("00000000000000aa.json", "00000000000000bb.json"):
        old(ctx.write(os.path.join("cache", name), magic + b" " * 700_000))
    run = cached_run(ctx, ctx.race(), env={"FSRACE_CACHE_LIMIT_MIB": "1"})
    ctx.expect_exit(run, 1)
    for name, data in foreign.items():
        path = ctx.path(os.path.join("cache", name))
        if not os.path.exists(path) or open(path, "rb").read() != data:
            ctx.fail(run, f"the clean-up removed or changed the user's {name}")
    left = [n for n in ("00000000000000aa.json", "00000000000000bb.json")
            if os.path.exists(ctx.path(os.path.join("cache", n)))]
    if len(left) > 1:
        ctx.fail(run, "the clean-up did not remove old entries over the limit")


@case("limit-validated")
def limit_validated(ctx):
    """A bad FSRACE_CACHE_LIMIT_MIB is one warning and the default limit:
    2^43 MiB overflowed and wrapped negative, deleting every entry."""
    race = ctx.race()
    for value in ("8796093022208", "99999999999999999999999", "-5", "12abc", "0", "", " 7"):
        env = {"FSRACE_CACHE_LIMIT_MIB": value}
        first = cached_run(ctx, race, env=env, label=f"limit {value!r}")
        second = cached_run(ctx, race, env=env, label=f"limit {value!r} again")
        for run in (first, second):
            ctx.expect_exit(run, 1)
            if len(warnings(run, r"FSRACE_CACHE_LIMIT_MIB")) != 1:
                ctx.fail(run, "not one warning line about FSRACE_CACHE_LIMIT_MIB")
        expect_hits(ctx, second, 1)
    good = cached_run(ctx, race, env={"FSRACE_CACHE_LIMIT_MIB": "1048576"}, label="good")
    if warnings(good, r"FSRACE_CACHE_LIMIT_MIB"):
        ctx.fail(good, "a valid limit was warned about")


@case("dir-symlink")
def dir_symlink(ctx):
    """A cache directory that is a symbolic link is refused (caching off),
    however it is spelled: "link", "link/", "link//"."""
    race = ctx.race()
    os.mkdir(ctx.path("elsewhere"), 0o700)
    os.symlink(ctx.path("elsewhere"), ctx.path("clink"))
    for spelling in ("clink", "clink/", "clink//"):
        run = ctx.run("--stats", "--format", "json", "--cache-dir", spelling, race,
                      label=spelling)
        ctx.expect_exit(run, 1)
        ctx.expect_stderr(run, r"symbolic link.*caching off", "the refused cache directory")
        ctx.expect_finding(run, race)
        if os.listdir(ctx.path("elsewhere")):
            ctx.fail(run, "wrote into the symlinked cache directory")


@case("dir-mode")
def dir_mode(ctx):
    """A cache directory that group or others may enter is refused: its
    entries decide what is reported."""
    race = ctx.race()
    os.mkdir(ctx.path("cache"))
    os.chmod(ctx.path("cache"), 0o755)
    run = cached_run(ctx, race)
    ctx.expect_exit(run, 1)
    ctx.expect_stderr(run, r"mode 0700.*caching off", "the refused cache directory")
    if entries(ctx):
        ctx.fail(run, "wrote into a cache directory others can read")


@case("dir-read-only")
def dir_read_only(ctx):
    """A cache directory we cannot write to: one line saying so, then the
    run goes on without caching."""
    race = ctx.race()
    other = ctx.write("other.c", RACE_C)
    os.mkdir(ctx.path("cache"), 0o700)
    locked = ctx.write("locked.txt", "x\n")
    ctx.lock(locked)
    prefix = bad_input.privdrop_prefix(ctx, locked, race)
    os.chmod(ctx.path("cache"), 0o500)
    ctx.locked.append(ctx.path("cache"))
    run = cached_run(ctx, race, other, prefix=prefix)
    ctx.expect_exit(run, 1)
    ctx.expect_finding(run, race)
    ctx.expect_finding(run, other)
    said = warnings(run, r"cache directory")
    if len(said) != 1 or not re.search(r"not writable.*caching off", said[0]):
        ctx.fail(run, f"expected one 'not writable ... caching off' line, got {said}")


def replace_entries(ctx, make):
    """Fill the cache from race.c, then replace each entry by make(path)."""
    race = ctx.race()
    cached_run(ctx, race, label="fill")
    names = entries(ctx)
    if not names:
        ctx.problems.append("no cache entry was written")
    for name in names:
        path = ctx.path(os.path.join("cache", name))
        os.unlink(path)
        make(path)
    return race


@case("entry-fifo")
def entry_fifo(ctx):
    """An entry replaced by a FIFO is a miss, not a hang (the run has the
    runner's timeout), and the clean-up leaves it alone."""
    race = replace_entries(ctx, os.mkfifo)
    run = cached_run(ctx, race, label="fifo", env={"FSRACE_CACHE_LIMIT_MIB": "1"})
    expect_hits(ctx, run, 0)
    ctx.expect_finding(run, race)


@case("entry-device")
def entry_device(ctx):
    """An entry replaced by an endless device (/dev/zero's numbers) is a
    miss, not an endless read."""
    def make(path):
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
        except PermissionError:
            raise Skip("cannot make a device node here (needs CAP_MKNOD)") from None
    race = replace_entries(ctx, make)
    run = cached_run(ctx, race, label="device")
    expect_hits(ctx, run, 0)
    ctx.expect_finding(run, race)


# --------------------------------------------------------------------------
# Cached output is uncached output

def stderr_without_stats(run):
    """stderr less the --stats line (its counts and time differ by design)."""
    return [line for line in run.proc.stderr.splitlines() if not STATS_RE.search(line)]


def suite_groups(ctx):
    """The annotated suite as runs: units with the same ARGS and CFLAGS
    analysed together (which also exercises the whole-program rounds)."""
    groups = {}
    for files, args, cflags in ctx.harness.annotated_units():
        groups.setdefault((tuple(args), tuple(cflags)), []).extend(files)
    return sorted(groups.items())


@case("suite-cached-equals-uncached")
def suite_cached_equals_uncached(ctx):
    """The whole annotated suite (tests/cases/**), in JSON and SARIF: a run
    that fills a fresh cache, a run served from it and a --no-cache run
    print the same bytes (a finding's fix was lost by the cache)."""
    for index, ((args, cflags), files) in enumerate(suite_groups(ctx)):
        cache = ctx.path(f"cache{index}")

        def run(fmt, *how, label):
            return ctx.run("--stats", "--format", fmt, *how, *args, *files, "--", *cflags,
                           cwd=ctx.harness.root, label=f"{' '.join(args)} [{label}]")
        cold = run("json", "--cache-dir", cache, label="cold")
        warm = run("json", "--cache-dir", cache, label="warm")
        expect_hits(ctx, warm, len(files))
        plain = run("json", "--no-cache", label="no cache")
        for other in (warm, plain):
            if other.proc.stdout != cold.proc.stdout:
                ctx.fail(other, "JSON differs from the run that filled the cache")
            if stderr_without_stats(other) != stderr_without_stats(cold):
                ctx.fail(other, "stderr differs from the run that filled the cache")
            if other.proc.returncode != cold.proc.returncode:
                ctx.fail(other, "exit status differs from the run that filled the cache")
        warm_sarif = run("sarif", "--cache-dir", cache, label="warm sarif")
        expect_hits(ctx, warm_sarif, len(files))
        plain_sarif = run("sarif", "--no-cache", label="no cache sarif")
        if warm_sarif.proc.stdout != plain_sarif.proc.stdout:
            ctx.fail(warm_sarif, "SARIF from the cache differs from SARIF without it")


AGAIN_RE = re.compile(r"(\d+) analysed again with other files' summaries \((\d+) parsed again")


def again_counts(ctx, run):
    """(analysed again, parsed again) from --stats, or (0, 0) on a failure."""
    m = AGAIN_RE.search(run.proc.stderr)
    if not m:
        ctx.fail(run, "no 'analysed again ... parsed again' counts in --stats")
        return 0, 0
    return int(m.group(1)), int(m.group(2))


@case("rounds-reuse-kept-units")
def rounds_reuse_kept_units(ctx):
    """The whole-program rounds analyse the units they kept after parsing
    them, never parse a unit twice, and report what parsing again
    reports (FSRACE_KEEP_MIB=0 keeps nothing); over the annotated suite."""
    again_total = reparsed_without = 0
    kept = None
    for (args, cflags), files in suite_groups(ctx):
        def run(label, env=None):
            return ctx.run("--stats", "--format", "json", "--no-cache", *args, *files, "--",
                           *cflags, cwd=ctx.harness.root, env=env,
                           label=f"{' '.join(args)} [{label}]")
        kept = run("kept")
        parsed = run("parsed again", env={"FSRACE_KEEP_MIB": "0"})
        if kept.proc.stdout != parsed.proc.stdout or \
                stderr_without_stats(kept) != stderr_without_stats(parsed):
            ctx.fail(kept, "the kept units' report differs from parsing them again")
        again, reparsed = again_counts(ctx, kept)
        if reparsed:
            ctx.fail(kept, f"{reparsed} units parsed again although they were kept")
        again_total += again
        reparsed_without += again_counts(ctx, parsed)[1]
    if kept and (not again_total or not reparsed_without):
        ctx.fail(kept, f"the suite analysed {again_total} units again ({reparsed_without} "
                 "parsed again without keeping): the rounds were not exercised")


SELECTION_C = """\
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int f(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);
  return -1;
}
char *name_for_a_caller(void) {
  return tmpnam(NULL);
}
FILE *g(void) {
  const char *path = "/tmp/app.log";
  if (access(path, F_OK) != 0)
    return fopen(path, "w");
  return NULL;
}
/* set-user-id root: access() asks about the real user (a high-risk race) */
int drop(void) { return setuid(getuid()); }
"""
ANALYSED_RE = re.compile(r"fsrace: stats: .*, (\d+) analysed,")


def rules_reported(ctx, run):
    """The (rule, line) pairs of a JSON run."""
    try:
        return sorted((f.rule, f.line) for f in ctx.harness.findings(run.proc, ctx.tmp))
    except ValueError as exc:
        ctx.fail(run, f"invalid JSON: {exc}")
        return []


@case("rule-selection-reuses-entries")
def rule_selection_reuses_entries(ctx):
    """Entries hold every rule's findings, filtered when reported: after a
    default run, --enable all (an off-by-default rule) and --disable of a
    rule that supersedes another parse nothing, and report what a run
    without the cache reports."""
    src = ctx.write("sel.c", SELECTION_C)
    cached_run(ctx, src, label="default")
    selections = {(): {("insecure-temp-file", 15), ("toctou-check-use", 6)},
                  ("--enable", "all"): {("insecure-temp-file", 15), ("toctou-check-use", 6),
                                        ("insecure-temp-name", 10)},
                  ("--disable", "insecure-temp-file"): {("toctou-check-use", 6),
                                                        ("toctou-check-use", 15)}}
    for selection, wanted in selections.items():
        label = " ".join(selection) or "default"
        run = cached_run(ctx, *selection, src, label=label + " (cached)")
        expect_hits(ctx, run, 1)
        analysed = ANALYSED_RE.search(run.proc.stderr)
        if not analysed or analysed.group(1) != "0":
            ctx.fail(run, "a file was parsed again")
        if set(rules_reported(ctx, run)) != wanted:
            ctx.fail(run, f"reported {rules_reported(ctx, run)}, expected {sorted(wanted)}")
        plain = ctx.run("--format", "json", "--no-cache", *selection, src,
                        label=label + " (no cache)")
        if plain.proc.stdout != run.proc.stdout:
            ctx.fail(run, "output differs from the same selection without the cache")


# --------------------------------------------------------------------------
# What the key covers

RACE_VIA_HEADER = """\
#include <fcntl.h>
#include <unistd.h>
#include "h.h"
int f(const char *p) {
  if (READABLE(p))
    return open(p, O_RDONLY);
  return -1;
}
/* set-user-id root: access() asks about the real user (a high-risk race) */
int drop(void) { return setuid(getuid()); }
"""
RACY_H = "#define READABLE(p) (access(p, R_OK) == 0)\n"
SAFE_H = "#define READABLE(p) (p != 0)\n"
HEADER_RACE_LINE = 6


def expect_clean(ctx, run):
    """The JSON run reports no finding."""
    if rules_reported(ctx, run):
        ctx.fail(run, f"stale findings {rules_reported(ctx, run)}")


@case("key-two-checkouts")
def key_two_checkouts(ctx):
    """Two checkouts with the same a.c and different h.h, run from each as
    `fsrace a.c`: each gets its own result (the safe one's "0 findings"
    was handed to the racy one)."""
    for name, header in (("safe", SAFE_H), ("racy", RACY_H)):
        ctx.write(f"{name}/a.c", RACE_VIA_HEADER)
        ctx.write(f"{name}/h.h", header)
    safe = cached_run(ctx, "a.c", cwd=ctx.path("safe"), label="safe checkout")
    ctx.expect_exit(safe, 0)
    racy = cached_run(ctx, "a.c", cwd=ctx.path("racy"), label="racy checkout")
    ctx.expect_exit(racy, 1)
    expect_hits(ctx, racy, 0)
    try:
        found = ctx.harness.findings(racy.proc, ctx.path("racy"))
    except ValueError as exc:
        found = []
        ctx.fail(racy, f"invalid JSON: {exc}")
    if not any(f.line == HEADER_RACE_LINE and f.file == os.path.realpath(ctx.path("racy/a.c"))
               for f in found):
        ctx.fail(racy, "the race in the racy checkout is not reported")


@case("key-shadowing-header")
def key_shadowing_header(ctx):
    """-Iinc1 -Iinc2: a new inc1/h.h now shadows inc2/h.h (inc1 absent at
    first, then empty, then holding it)."""
    src = ctx.write("a.c", RACE_VIA_HEADER)
    ctx.write("inc2/h.h", SAFE_H)
    flags = ("--", "-Iinc1", "-Iinc2")
    first = cached_run(ctx, "a.c", *flags, label="inc1 absent")
    ctx.expect_exit(first, 0)
    os.mkdir(ctx.path("inc1"))
    again = cached_run(ctx, "a.c", *flags, label="inc1 empty")
    ctx.expect_exit(again, 0)     # a hit or not: a new directory may be a miss
    expect_hits(ctx, cached_run(ctx, "a.c", *flags, label="inc1 still empty"), 1)
    ctx.write("inc1/h.h", RACY_H)
    shadowed = cached_run(ctx, "a.c", *flags, label="inc1/h.h created")
    expect_hits(ctx, shadowed, 0)
    ctx.expect_finding(shadowed, src, line=HEADER_RACE_LINE)


@case("key-quoted-include-shadowing")
def key_quoted_include_shadowing(ctx):
    """#include "h.h" found through -Iinc: a new h.h next to the including
    file comes first."""
    src = ctx.write("src/a.c", RACE_VIA_HEADER)
    ctx.write("inc/h.h", SAFE_H)
    first = cached_run(ctx, "src/a.c", "--", "-Iinc", label="from inc")
    ctx.expect_exit(first, 0)
    ctx.write("src/h.h", RACY_H)
    second = cached_run(ctx, "src/a.c", "--", "-Iinc", label="next to a.c")
    expect_hits(ctx, second, 0)
    ctx.expect_finding(second, src, line=HEADER_RACE_LINE)


@case("key-cpath")
def key_cpath(ctx):
    """CPATH and C_INCLUDE_PATH choose the header: changing them is a miss."""
    src = ctx.write("a.c", RACE_VIA_HEADER.replace('"h.h"', "<h.h>"))
    ctx.write("safe/h.h", SAFE_H)
    ctx.write("racy/h.h", RACY_H)
    for var in ("CPATH", "C_INCLUDE_PATH"):
        cache = f"cache-{var}"
        safe = cached_run(ctx, src, cache=cache, env={var: ctx.path("safe")},
                          label=f"{var}=safe")
        ctx.expect_exit(safe, 0)
        racy = cached_run(ctx, src, cache=cache, env={var: ctx.path("racy")},
                          label=f"{var}=racy")
        expect_hits(ctx, racy, 0)
        ctx.expect_finding(racy, src, line=HEADER_RACE_LINE)


@case("key-missing-header-created")
def key_missing_header_created(ctx):
    """A unit whose header was missing is analysed again once it exists."""
    src = ctx.write("a.c", RACE_VIA_HEADER)
    missing = cached_run(ctx, src, "--", "-Iinc", label="h.h missing")
    ctx.expect_exit(missing, 2)
    ctx.write("inc/h.h", RACY_H)
    found = cached_run(ctx, src, "--", "-Iinc", label="h.h created")
    expect_hits(ctx, found, 0)
    ctx.expect_finding(found, src, line=HEADER_RACE_LINE)


# --------------------------------------------------------------------------
# Entries are checked, never trusted

def tamper_finding(field, value):
    """An edit of the first finding of an entry."""
    def edit(entry):
        entry["findings"][0][field] = value
    return edit


def tamper_loc(index, value):
    """An edit of the first finding's location ([file, line, column])."""
    def edit(entry):
        entry["findings"][0]["loc"][index] = value
    return edit


def tamper_notes(entry):
    """A note count no rule makes."""
    entry["findings"][0]["notes"] = entry["findings"][0]["notes"] * 5000


def tamper_reason(index, value):
    """An edit of the first risk reason ([loc, text, factor, weight]) of
    the first finding, or a new one if it has none."""
    def edit(entry):
        reasons = entry["findings"][0].setdefault("reasons", [])
        if not reasons:
            reasons.append([entry["findings"][0]["loc"], "a reason", 1, 1])
        reasons[0][index] = value
    return edit


def tamper_messages(entry):
    """A message that is not an 'fsrace: ' line."""
    entry["messages"] = "\x1b[2J\x1b[31mpwned\n"


TAMPERING = [
    ("file outside the unit", tamper_loc(0, "/etc/passwd"), "/etc/passwd"),
    ("column 4e9", tamper_loc(2, 4_000_000_000), "4000000000"),
    ("column 1e300", tamper_loc(2, 1e300), "e+300"),
    ("line past the end", tamper_loc(1, 99), ":99:"),
    ("line 0", tamper_loc(1, 0), ":0:"),
    ("escape in the message", tamper_finding("message", "\x1b[31mred\x1b[0m"), "\x1b"),
    ("C1 control in the message", tamper_finding("message", "a\u009bb"), "\u009b"),
    ("newline in the function", tamper_finding("function", "f\nfsrace: x"), "fsrace: x"),
    ("5000 copies of each note", tamper_notes, None),
    ("escape in a risk reason", tamper_reason(1, "\x1b]0;title\x07"), "\x1b"),
    ("risk factor 1e300", tamper_reason(2, 1e300), None),
    ("risk reason in /etc/passwd", tamper_reason(0, ["/etc/passwd", 1, 1]), "/etc/passwd"),
    ("messages", tamper_messages, "pwned"),
]


@case("entry-values-checked")
def entry_values_checked(ctx):
    """An entry that parses but says something impossible (a location
    outside the unit's files or its lines, a control character, an absurd
    count) is a miss: the file is analysed again, and nothing of the entry
    is shown."""
    race = ctx.race()
    cached_run(ctx, race, label="fill")
    for label, edit, shown in TAMPERING:
        names = entries(ctx)
        if len(names) != 1:
            ctx.problems.append(f"{label}: {len(names)} entries, expected 1")
            return
        path = ctx.path(os.path.join("cache", names[0]))
        entry = json.loads(open(path, encoding="utf-8").read())
        edit(entry)
        with open(path, "w", encoding="utf-8") as out:
            out.write(json.dumps(entry))
        run = cached_run(ctx, race, label=label)
        ctx.expect_exit(run, 1)
        expect_hits(ctx, run, 0)
        ctx.expect_finding(run, race)
        text = run.proc.stdout.decode("utf-8", "replace") + run.proc.stderr
        if shown and shown in text:
            ctx.fail(run, f"the tampered value {shown!r} was shown")
