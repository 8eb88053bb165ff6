"""Report tests for fsrace, run by tests/run.py (Part 4).

The output formats and what sits around them: SARIF (checked by
Microsoft's SARIF multitool with its GitHub rules, and against the SARIF
2.1.0 JSON schema shipped in that npm package), the JSON schema in
docs/fsrace-output.schema.json, text colours, the HTML report (in a real
headless Chromium: no console message, filters hide findings), suppression
comments, baselines, and the progress line on a terminal.

Cases are written like tests/bad_input.py's (same Context, same checks on
every run) and registered here with @case(name); -k selects them as
"report/<name>".  A case needing a tool that is not installed (the
multitool, Chromium, python3-jsonschema) is skipped with the reason; with
FSRACE_REQUIRE_TOOLS=1 in the environment (CI sets it) a skip is a failure.
Where the tools are looked for:
    FSRACE_SARIF_MULTITOOL  the Sarif.Multitool binary, else
    FSRACE_NPM_PREFIX       an `npm install --prefix` directory holding
                            @microsoft/sarif-multitool (default /tmp/sarif)
    FSRACE_CHROMIUM         the browser, else chromium on PATH
"""

import html
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import bad_input
from bad_input import RACE_C, Skip

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "fsrace-output.schema.json"
REQUIRE_TOOLS = os.environ.get("FSRACE_REQUIRE_TOOLS") == "1"
MULTITOOL_PKG = "node_modules/@microsoft/sarif-multitool-linux"
SCREENSHOT = "/tmp/fsrace-html-report.png"
# SARIF2005 asks for tool.driver.informationUri, a public web page about
# the tool; fsrace has none to give, and GitHub does not need one.
ALLOWED_SARIF_RULES = {"SARIF2005"}
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{16}:[1-9][0-9]*$")

CASES = []
case = bad_input.registrar(CASES)


def run_case(one_case, fsrace, harness):
    """Run one case like bad_input does; a skip fails under REQUIRE_TOOLS."""
    outcome = bad_input.run_case(one_case, fsrace, harness)
    if outcome.skipped and REQUIRE_TOOLS:
        return bad_input.Outcome([f"{outcome.reason} (FSRACE_REQUIRE_TOOLS=1: "
                                  "this must run here)"])
    return outcome


# --------------------------------------------------------------------------
# Helpers

def examples_args():
    """fsrace arguments for the example project, run from the repository
    root: -p examples when setup.sh recorded its compile database (and it
    names files of this checkout), else the files with default flags."""
    db = ROOT / "examples" / "compile_commands.json"
    try:
        entries = json.loads(db.read_text())
        if entries and all(Path(e["file"]).exists() and Path(
                e["file"]).resolve().is_relative_to(ROOT) for e in entries):
            return ["-p", "examples"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return [*sorted(str(p.relative_to(ROOT))
                    for p in (ROOT / "examples").glob("*.c")), "--"]


def stdout_json(ctx, run):
    """The run's stdout parsed as JSON, or None after recording why not."""
    try:
        return json.loads(run.proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        ctx.fail(run, f"stdout is not JSON: {str(exc)[:160]}")
        return None


def fixture_binary(ctx):
    """build/report_fixture beside the fsrace binary, or raise Skip."""
    path = Path(ctx.fsrace).parent / "report_fixture"
    if not os.access(path, os.X_OK):
        raise Skip(f"{path} not built (make builds it)")
    return str(path)


def run_fixture(ctx, fmt):
    """Run report_fixture on RACE_C in the case's directory."""
    ctx.race()
    proc = ctx.harness.run([fixture_binary(ctx), fmt, "race.c"], ctx.tmp)
    run = bad_input.Run(proc, f"report_fixture {fmt}")
    for problem in ctx.harness.problems(proc):
        ctx.fail(run, problem)
    return run


def findings_by_line(doc):
    """{line: finding} of a JSON report."""
    return {f["line"]: f for f in doc.get("findings", [])}


# --------------------------------------------------------------------------
# SARIF

def multitool(env=None):
    """Path of the SARIF multitool binary, or raise Skip (whose message
    names the variables it looks at); env defaults to os.environ."""
    env = os.environ if env is None else env
    wanted = env.get("FSRACE_SARIF_MULTITOOL")
    prefix = env.get("FSRACE_NPM_PREFIX", "/tmp/sarif")
    path = wanted or os.path.join(prefix, MULTITOOL_PKG, "Sarif.Multitool")
    if not os.path.isfile(path):
        if wanted:
            raise Skip(f"SARIF multitool not found at FSRACE_SARIF_MULTITOOL={wanted}")
        raise Skip(f"SARIF multitool not installed in {prefix} (npm install --prefix "
                   f"{prefix} @microsoft/sarif-multitool; or set FSRACE_NPM_PREFIX to "
                   "the --prefix it was installed with, or FSRACE_SARIF_MULTITOOL to "
                   "the binary)")
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)       # npm may skip the package's postinstall
    return path


def sarif_schema_path():
    """The SARIF 2.1.0 JSON schema shipped in the multitool's npm package."""
    return os.path.join(os.path.dirname(multitool()), "sarif-2.1.0.json")


def rule_message(run, result):
    """A multitool result's message text, formatted from its rule."""
    message = result.get("message", {})
    if "text" in message:
        return message["text"]
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    index = result.get("ruleIndex", -1)
    template = ""
    if 0 <= index < len(rules):
        strings = rules[index].get("messageStrings", {})
        template = strings.get(message.get("id"), {}).get("text", "")
    args = message.get("arguments", [])
    return re.sub(r"\{(\d+)\}", lambda m: str(args[int(m[1])])
                  if int(m[1]) < len(args) else m[0], template)


def multitool_complaints(log):
    """Errors and warnings in the multitool's own SARIF output log."""
    complaints = []
    for run in log.get("runs", []):
        for result in run.get("results", []):
            level = result.get("level", "warning")
            rule = result.get("ruleId", "?")
            if level in ("error", "warning") and rule not in ALLOWED_SARIF_RULES:
                complaints.append(f"{level} {rule}: {rule_message(run, result)}")
        for inv in run.get("invocations", []):
            for note in inv.get("toolExecutionNotifications", []) + \
                    inv.get("toolConfigurationNotifications", []):
                if note.get("level", "warning") == "error":
                    complaints.append("tool error: " + str(
                        note.get("message", {}).get("text", note))[:200])
            if inv.get("executionSuccessful") is False:
                complaints.append("the multitool's run did not succeed")
    return complaints


def validate_with_multitool(ctx, sarif_file, label):
    """`Sarif.Multitool validate --rule-kind Sarif;Gh`: the SARIF rules and
    GitHub code scanning's (GH1001-GH1007). Its exit status is 0 even for
    invalid files, so its output log is read instead."""
    tool = multitool()
    log_file = sarif_file + ".validation.sarif"
    proc = ctx.harness.run([tool, "validate", "--rule-kind", "Sarif;Gh",
                            "--level", "Error;Warning;Note",
                            "--output", log_file, sarif_file], ctx.tmp)
    run = bad_input.Run(proc, label)
    try:
        with open(log_file, encoding="utf-8-sig") as f:
            log = json.load(f)
    except (OSError, ValueError) as exc:
        ctx.fail(run, f"the multitool wrote no readable log ({exc}); "
                 f"exit {proc.returncode}{bad_input.first_line(proc.stderr)}")
        return
    for complaint in multitool_complaints(log):
        ctx.fail(run, "multitool: " + complaint[:300])


def validate_with_schema(ctx, schema, documents, label):
    """Validate JSON files with jsonschema (in this Python, or Debian's
    python3-jsonschema in /usr/bin/python3), or raise Skip."""
    python = jsonschema_python()
    proc = ctx.harness.run([python, "-c", SCHEMA_CHECK, str(schema),
                            *map(str, documents)], ctx.tmp)
    run = bad_input.Run(proc, label)
    if proc.returncode != 0:
        out = proc.stdout.decode("utf-8", "replace").strip()
        ctx.fail(run, f"schema {os.path.basename(str(schema))}: "
                 f"{(out or proc.stderr.strip())[:600]}")


SCHEMA_CHECK = """\
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8-sig"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = []
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))
    for e in sorted(cls(schema).iter_errors(doc), key=str)[:5]:
        where = "/".join(map(str, e.absolute_path))
        errors.append(f"{path}: {where}: {e.message[:200]}")
print("\\n".join(errors))
sys.exit(1 if errors else 0)
"""


def jsonschema_python():
    """An interpreter that can import jsonschema, or raise Skip."""
    for python in (sys.executable, "/usr/bin/python3"):
        if python and os.path.exists(python) and subprocess.run(
                [python, "-c", "import jsonschema"], capture_output=True,
                check=False).returncode == 0:
            return python
    raise Skip("python3-jsonschema not installed (scripts/setup.sh "
               "installs it)")


def write_output(ctx, name, run):
    """Save a run's stdout in the case's directory; return the path."""
    path = ctx.path(name)
    with open(path, "wb") as out:
        out.write(run.proc.stdout)
    return path


@case("sarif-multitool")
def sarif_multitool(ctx):
    """SARIF of the example project passes the SARIF multitool's SARIF and
    GitHub rule sets, and the SARIF 2.1.0 schema from its npm package."""
    run = ctx.run("--format", "sarif", "--enable", "all", *examples_args(),
                  cwd=ROOT)
    ctx.expect_exit(run, 1)
    path = write_output(ctx, "examples.sarif", run)
    validate_with_multitool(ctx, path, "examples.sarif")
    validate_with_schema(ctx, sarif_schema_path(), [path], "examples.sarif")


@case("sarif-multitool-fix")
def sarif_multitool_fix(ctx):
    """A finding with a fix (report_fixture) gives valid SARIF "fixes"."""
    run = run_fixture(ctx, "sarif")
    path = write_output(ctx, "fix.sarif", run)
    validate_with_multitool(ctx, path, "fix.sarif")
    doc = stdout_json(ctx, run)
    if doc is None:
        return
    fixes = doc["runs"][0]["results"][0].get("fixes", [])
    try:
        change = fixes[0]["artifactChanges"][0]
        repl = change["replacements"][0]
        ok = (change["artifactLocation"]["uri"] == "race.c"
              and repl["deletedRegion"] == {"startLine": 5, "startColumn": 12,
                                            "endLine": 5, "endColumn": 29}
              and repl["insertedContent"]["text"]
              == "open(p, O_RDONLY | O_NOFOLLOW)")
    except (KeyError, IndexError, TypeError):
        ok = False
    if not ok:
        ctx.fail(run, f"fixes not as set on the finding: {fixes}")


def check_rule_descriptor(ctx, run, rule):
    """A rule as GitHub shows it: descriptions, help, tags, severity."""
    rid = rule.get("id", "?")
    for key in ("shortDescription", "fullDescription", "help"):
        if not rule.get(key, {}).get("text"):
            ctx.fail(run, f"rule {rid}: no {key}.text")
    props = rule.get("properties", {})
    tags = props.get("tags", [])
    if "security" not in tags or not any(
            re.fullmatch(r"external/cwe/cwe-\d+", t) for t in tags):
        ctx.fail(run, f"rule {rid}: tags {tags} lack security or "
                 "external/cwe/cwe-NNN")
    try:
        if not 0.0 <= float(props.get("security-severity")) <= 10.0:
            raise ValueError
    except (TypeError, ValueError):
        ctx.fail(run, f"rule {rid}: bad security-severity "
                 f"{props.get('security-severity')!r}")


def check_location(ctx, run, where, loc):
    """A repository-relative location with a full region."""
    phys = loc.get("physicalLocation", {})
    art, reg = phys.get("artifactLocation", {}), phys.get("region", {})
    uri = art.get("uri", "")
    if uri.startswith(("/", "file:")) or art.get("uriBaseId") != "%SRCROOT%":
        ctx.fail(run, f"{where}: not a %SRCROOT%-relative URI: {art}")
    keys = ("startLine", "startColumn", "endLine", "endColumn")
    if not all(isinstance(reg.get(k), int) and reg[k] >= 1 for k in keys):
        ctx.fail(run, f"{where}: incomplete region {reg}")
    elif (reg["endLine"], reg["endColumn"]) <= (reg["startLine"],
                                                reg["startColumn"]):
        ctx.fail(run, f"{where}: region ends before it starts: {reg}")


def same_place(a, b):
    """Two SARIF locations name the same file and region."""
    pa, pb = a.get("physicalLocation", {}), b.get("physicalLocation", {})
    return (pa.get("artifactLocation") == pb.get("artifactLocation")
            and pa.get("region") == pb.get("region"))


def check_result(ctx, run, i, result, rules):
    """One result: rule, message, location, fingerprint, related, flow."""
    where = f"results[{i}]"
    index = result.get("ruleIndex")
    if not (isinstance(index, int) and 0 <= index < len(rules)
            and rules[index].get("id") == result.get("ruleId")):
        ctx.fail(run, f"{where}: ruleIndex does not name ruleId")
    if not result.get("message", {}).get("text"):
        ctx.fail(run, f"{where}: no message text")
    locs = result.get("locations", [])
    related = result.get("relatedLocations", [])
    for k, loc in enumerate(locs[:1] + related):
        check_location(ctx, run, f"{where} location {k}", loc)
    fp = result.get("partialFingerprints", {}).get("primaryLocationLineHash")
    if not FINGERPRINT_RE.match(str(fp)):
        ctx.fail(run, f"{where}: bad partialFingerprints {fp!r}")
    if not related or not all(r.get("message", {}).get("text")
                              for r in related):
        ctx.fail(run, f"{where}: no relatedLocations with messages")
    flow = [step["location"] for cf in result.get("codeFlows", [])[:1]
            for tf in cf.get("threadFlows", [])[:1]
            for step in tf.get("locations", [])]
    wanted = related + locs[:1]
    if len(flow) != len(wanted) or not all(
            same_place(a, b) for a, b in zip(flow, wanted)):
        ctx.fail(run, f"{where}: codeFlows is not the checks, then the use")


@case("sarif-structure")
def sarif_structure(ctx):
    """What GitHub code scanning uses, field by field, and the fingerprints
    agree with the JSON report's."""
    run = ctx.run("--format", "sarif", *examples_args(), cwd=ROOT)
    ctx.expect_exit(run, 1)
    doc = stdout_json(ctx, run)
    if doc is None:
        return
    sarif_run = doc["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    for rule in rules:
        check_rule_descriptor(ctx, run, rule)
    base = sarif_run.get("originalUriBaseIds", {}).get("%SRCROOT%", {})
    if base.get("uri") != Path(ROOT).as_uri() + "/":
        ctx.fail(run, f"originalUriBaseIds: {base}")
    results = sarif_run["results"]
    if not results:
        ctx.fail(run, "no results for the example project")
    for i, result in enumerate(results):
        check_result(ctx, run, i, result, rules)
    jrun = ctx.run("--format", "json", *examples_args(), cwd=ROOT)
    jdoc = stdout_json(ctx, jrun)
    if jdoc is not None:
        sarif_fps = [r["partialFingerprints"]["primaryLocationLineHash"]
                     for r in results]
        json_fps = [f.get("fingerprint") for f in jdoc["findings"]]
        if sarif_fps != json_fps:
            ctx.fail(run, f"SARIF and JSON fingerprints differ: {sarif_fps} "
                     f"vs {json_fps}")


HELP_URI_BASE = "https://example.org/fsrace/blob/main"
# Calls a file function, so that it is parsed (not skipped as having
# nothing to check), and does not compile.
BROKEN_C = RACE_C + "int broken(void) { return access(\"x\", F_OK) }\n"


def sarif_of(ctx, run):
    """(the run object of a SARIF log on stdout, its rules) or (None, [])."""
    doc = stdout_json(ctx, run)
    if doc is None:
        return None, []
    sarif_run = doc["runs"][0]
    return sarif_run, sarif_run["tool"]["driver"]["rules"]


def check_help_links(ctx, run, sarif_run, rules, base):
    """helpUri and informationUri point into the docs under `base`, or are
    absent when no base is configured."""
    info = sarif_run["tool"]["driver"].get("informationUri")
    wanted_info = base and base + "/README.md"
    if info != wanted_info:
        ctx.fail(run, f"informationUri {info!r}, expected {wanted_info!r}")
    for rule in rules:
        wanted = base and f"{base}/docs/rules.md#{rule['id']}"
        if rule.get("helpUri") != wanted:
            ctx.fail(run, f"rule {rule['id']}: helpUri {rule.get('helpUri')!r}, "
                     f"expected {wanted!r}")


@case("sarif-invocations-help")
def sarif_invocations_help(ctx):
    """SARIF's invocation: executionSuccessful, one error notification on a
    file that did not compile (valid for the multitool and GitHub); each
    rule's help.markdown is its --explain text; helpUri and informationUri
    from --help-uri-base or .fsrace.json's "helpUriBase", none without."""
    ctx.race()
    ctx.write("broken.c", BROKEN_C)
    run = ctx.run("--format", "sarif", "--help-uri-base", HELP_URI_BASE + "/",
                  "race.c", "broken.c", "--", label="race.c broken.c")
    ctx.expect_exit(run, 2)
    sarif_run, rules = sarif_of(ctx, run)
    if sarif_run is None:
        return
    inv = sarif_run.get("invocations", [{}])[0]
    notes = inv.get("toolExecutionNotifications", [])
    where = [n.get("locations", [{}])[0].get("physicalLocation", {})
             .get("artifactLocation", {}).get("uri") for n in notes]
    if inv.get("executionSuccessful") is not False or where != ["broken.c"] \
            or notes[0].get("level") != "error" \
            or "does not compile" not in notes[0].get("message", {}).get("text", ""):
        ctx.fail(run, f"invocations: {json.dumps(inv)[:400]}")
    check_help_links(ctx, run, sarif_run, rules, HELP_URI_BASE)
    for rule in rules:
        explain = ctx.run("--explain", rule["id"], label=f"--explain {rule['id']}")
        if rule.get("help", {}).get("markdown") != explain.proc.stdout.decode():
            ctx.fail(run, f"rule {rule['id']}: help.markdown is not --explain's text")
    path = write_output(ctx, "broken.sarif", run)
    validate_with_multitool(ctx, path, "broken.sarif")
    validate_with_schema(ctx, sarif_schema_path(), [path], "broken.sarif")
    ctx.write(".fsrace.json", json.dumps({"helpUriBase": HELP_URI_BASE}))
    clean = ctx.run("--format", "sarif", "race.c", "--", label="config helpUriBase")
    sarif_run, rules = sarif_of(ctx, clean)
    if sarif_run is not None:
        check_help_links(ctx, clean, sarif_run, rules, HELP_URI_BASE)
        inv = sarif_run.get("invocations", [{}])[0]
        if inv.get("executionSuccessful") is not True or inv.get("toolExecutionNotifications"):
            ctx.fail(clean, f"a clean run's invocations: {json.dumps(inv)[:300]}")
    plain = ctx.run("--format", "sarif", "--no-config", "race.c", "--", label="no base")
    sarif_run, rules = sarif_of(ctx, plain)
    if sarif_run is not None:
        check_help_links(ctx, plain, sarif_run, rules, None)


@case("skip-messages")
def skip_messages(ctx):
    """Without the multitool, the skip message says where it looked and
    names FSRACE_NPM_PREFIX, the variable that moves it."""
    nowhere = ctx.path("no-npm")
    try:
        multitool({"FSRACE_NPM_PREFIX": nowhere})
        ctx.fail(bad_input.Run(None, "multitool()"), f"found a multitool in {nowhere}")
    except Skip as skip:
        if "FSRACE_NPM_PREFIX" not in str(skip) or nowhere not in str(skip):
            ctx.fail(bad_input.Run(None, "multitool()"), f"skip message: {skip}")


# --------------------------------------------------------------------------
# GitLab Code Quality

GITLAB_SCHEMA = ROOT / "tests" / "schemas" / "gitlab-codequality.schema.json"


@case("gitlab-report")
def gitlab_report(ctx):
    """--format gitlab: valid against the fields GitLab documents, one issue
    per reported finding (rule, line, message as in the JSON report) with
    unique fingerprints and repository-relative paths; suppressed findings
    left out; no findings is an empty array."""
    args = ("--enable", "all", *examples_args())
    run = ctx.run("--format", "gitlab", *args, cwd=ROOT)
    ctx.expect_exit(run, 1)
    issues = stdout_json(ctx, run)
    jdoc = stdout_json(ctx, ctx.run("--format", "json", *args, cwd=ROOT))
    if issues is None or jdoc is None:
        return
    path = write_output(ctx, "examples.gitlab.json", run)
    validate_with_schema(ctx, GITLAB_SCHEMA, [path], "examples.gitlab.json")
    got = [(i.get("check_name"), i.get("location", {}).get("lines", {}).get("begin"),
            i.get("description"), i.get("location", {}).get("path")) for i in issues]
    wanted = [(f["rule"], f["line"], f["message"], f["file"]) for f in jdoc["findings"]]
    if not wanted or got != wanted:
        ctx.fail(run, f"issues {got[:3]} are not the JSON findings {wanted[:3]}")
    fingerprints = [i.get("fingerprint") for i in issues]
    if len(set(fingerprints)) != len(fingerprints):
        ctx.fail(run, f"fingerprints not unique: {fingerprints}")
    ctx.write("quiet.c", RACE_C.replace("return open(p, O_RDONLY);",
                                        "return open(p, O_RDONLY);  "
                                        "// fsrace-ignore[*]: a test"))
    quiet = ctx.run("--format", "gitlab", "--show-suppressed", "quiet.c", "--",
                    label="suppressed")
    ctx.expect_exit(quiet, 0)
    if stdout_json(ctx, quiet) != []:
        ctx.fail(quiet, "a suppressed finding is in the GitLab report")


# --------------------------------------------------------------------------
# Notes of many checks

ELSE_IF_C = """#include <fcntl.h>
#include <unistd.h>
int f(const char *p)
{
    const char *q = p;
    if (access(q, R_OK) != 0)
        return 0;
    else if (access(p, R_OK) == 0)
        return 1;
    else if (access(p, W_OK) == 0)
        return 2;
    else if (access(p, X_OK) == 0)
        return 3;
    else if (access(q, W_OK) != 0)
        return 4;
    return open(p, O_RDWR);
}
"""


@case("notes-many-checks")
def notes_many_checks(ctx):
    """A use decided by many checks of one name keeps one note for the
    nearest (the check it rests on) and one note that counts the others and
    says where the first is; a check of another name keeps its own note."""
    ctx.write("chain.c", ELSE_IF_C)
    run = ctx.run("--format", "json", "--min-risk", "low", "chain.c", "--")
    doc = stdout_json(ctx, run)
    if doc is None:
        return
    finding = findings_by_line(doc).get(16)
    if not finding:
        ctx.fail(run, "no finding on the open() of line 16")
        return
    got = [(n["line"], n["message"]) for n in finding["notes"]]
    wanted = [(14, "'q' checked here by access()"),
              (6, "and 1 other check of 'q' decides this use (at line 6)"),
              (12, "'p' checked here by access()"),
              (8, "and 2 other checks of 'p' decide this use (first at line 8)")]
    if got != wanted:
        ctx.fail(run, f"notes {got} are not {wanted}")


# --------------------------------------------------------------------------
# JSON schema

@case("json-schema")
def json_schema(ctx):
    """JSON reports (examples, suppressed findings shown, a fix) follow
    docs/fsrace-output.schema.json, and the schema rejects a broken one."""
    docs = []
    run = ctx.run("--format", "json", "--enable", "all", *examples_args(),
                  cwd=ROOT)
    docs.append(write_output(ctx, "examples.json", run))
    ctx.write("quiet.c", RACE_C.replace(
        "O_RDONLY);", "O_RDONLY); // fsrace-ignore[*]: test"))
    run = ctx.run("--format", "json", "--show-suppressed", "quiet.c", "--")
    docs.append(write_output(ctx, "suppressed.json", run))
    if b'"suppressed": {"reason": "test"}' not in run.proc.stdout:
        ctx.fail(run, "no suppressed finding with its reason")
    docs.append(write_output(ctx, "fix.json", run_fixture(ctx, "json")))
    validate_with_schema(ctx, SCHEMA, docs, "fsrace-output.schema.json")
    broken = json.loads(Path(docs[0]).read_text())
    del broken["findings"][0]["fingerprint"]
    broken["findings"][0]["severity"] = "fatal"
    bad = ctx.write("broken.json", json.dumps(broken))
    probe = []
    saved, ctx.problems = ctx.problems, probe
    validate_with_schema(ctx, SCHEMA, [bad], "broken")
    ctx.problems = saved
    if not probe:
        ctx.fail(bad_input.Run(None, "broken.json"),
                 "the schema accepts a finding without fingerprint")


# --------------------------------------------------------------------------
# Text: colours

def run_on_pty(argv, cwd, env, stdout_tty=True, stderr_tty=False,
               timeout=60):
    """Run argv with stdout and/or stderr on a pseudo-terminal; return
    (exit status, stdout bytes, stderr bytes)."""
    master, slave = pty.openpty()
    pipes = {}
    out = slave if stdout_tty else subprocess.PIPE
    err = slave if stderr_tty else subprocess.PIPE
    child = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=out, stderr=err)
    os.close(slave)
    tty_data, deadline = b"", time.monotonic() + timeout
    streams = [master] + [s for s in (child.stdout, child.stderr) if s]
    for s in streams[1:]:
        pipes[s.fileno()] = b""
    while streams and time.monotonic() < deadline:
        ready, _, _ = select.select(streams, [], [], 0.2)
        for s in ready:
            fd = s if isinstance(s, int) else s.fileno()
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                streams.remove(s)
            elif fd == master:
                tty_data += chunk
            else:
                pipes[fd] += chunk
    if streams:
        child.kill()
    child.wait()
    os.close(master)
    stdout = tty_data if stdout_tty else pipes[child.stdout.fileno()]
    stderr = tty_data if stderr_tty else pipes[child.stderr.fileno()]
    for stream in (child.stdout, child.stderr):
        if stream:
            stream.close()
    return child.returncode, stdout, stderr


COLOR_MARKS = (b"\x1b[1;35mwarning:", b"\x1b[1;36mnote:", b"\x1b[1;32m^",
               b"\x1b[1mrace.c:5:12: ")


@case("text-color")
def text_color(ctx):
    """Colours as clang draws them only on a terminal, never with -o,
    NO_COLOR (even empty) or TERM=dumb; --color=always|never override."""
    race = ctx.race()
    base = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    base["TERM"] = "xterm"
    cases = [  # (label, args, env changes, stdout on a tty, colour wanted)
        ("tty", [], {}, True, True),
        ("pipe", [], {}, False, False),
        ("NO_COLOR=1 on a tty", [], {"NO_COLOR": "1"}, True, False),
        ("NO_COLOR= on a tty", [], {"NO_COLOR": ""}, True, False),
        ("TERM=dumb on a tty", [], {"TERM": "dumb"}, True, False),
        ("--color=always to a pipe", ["--color=always"], {}, False, True),
        ("--color always with NO_COLOR", ["--color", "always"],
         {"NO_COLOR": "1"}, False, True),
        ("--color=never on a tty", ["--color=never"], {}, True, False),
    ]
    for label, args, env, tty, wanted in cases:
        code, out, _ = run_on_pty([ctx.fsrace, *args, race, "--"], ctx.tmp,
                                  {**base, **env}, stdout_tty=tty)
        run = bad_input.Run(None, label)
        if code != 1:
            ctx.fail(run, f"exit status {code}, expected 1")
        has = [m for m in COLOR_MARKS if m in out]
        if wanted and len(has) != len(COLOR_MARKS):
            missing = [m for m in COLOR_MARKS if m not in has]
            ctx.fail(run, f"colour codes missing: {missing}")
        if not wanted and b"\x1b[" in out:
            ctx.fail(run, "colour codes where there should be none")
        if b"fsrace: 1 finding in 1 file analysed" not in out:
            ctx.fail(run, "no summary line")
    code, _, _ = run_on_pty([ctx.fsrace, "-o", "out.txt", race, "--"],
                            ctx.tmp, base)
    text = Path(ctx.path("out.txt")).read_bytes() if os.path.exists(
        ctx.path("out.txt")) else b""
    if code != 1 or b"warning:" not in text or b"\x1b[" in text:
        ctx.fail(bad_input.Run(None, "-o on a tty"),
                 f"exit {code}; the file must hold plain text: {text[:80]!r}")
    run = ctx.run("--color=sometimes", race, "--")
    ctx.expect_exit(run, 2)


# --------------------------------------------------------------------------
# HTML

HOSTILE_C = RACE_C.replace(
    "return open(p, O_RDONLY);",
    "return open(p, O_RDONLY); /* <script>alert('x')</script> & </pre> */")


@case("html-report")
def html_report(ctx):
    """The page is self-contained, escapes source text and file names, and
    groups findings by file, then rule."""
    ctx.race()
    ctx.write("x<y>&.c", HOSTILE_C)
    run = ctx.run("--format", "html", "-o", "report.html", "race.c",
                  "x<y>&.c", "--")
    ctx.expect_exit(run, 1)
    page = Path(ctx.path("report.html")).read_text(encoding="utf-8")
    for bad, what in ((r"<script>alert", "unescaped source text"),
                      (r"x<y>&\.c", "an unescaped file name"),
                      (r"https?:", "a web address"),
                      (r"\b(src|href)=\"(?!data:|#)", "an external resource"),
                      (r"@import|url\(", "a style sheet import")):
        if re.search(bad, page):
            ctx.fail(run, f"the page holds {what}")
    for good in ("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                 "&lt;/pre&gt;", "x&lt;y&gt;&amp;.c",
                 "Content-Security-Policy", 'data-filter="rule"',
                 'data-filter="severity"'):
        if good not in page:
            ctx.fail(run, f"the page lacks {good!r}")
    files = re.findall(r'<section class="file"><h2>([^<]*)</h2>', page)
    if sorted(files) != sorted(["race.c", "x&lt;y&gt;&amp;.c"]):
        ctx.fail(run, f"file sections: {files}")
    if page.count('<section class="group"') != 2 or \
            page.count('<article class="finding"') != 2:
        ctx.fail(run, "expected one rule group and one finding per file")
    steps = re.findall(r'<li class="(?:check|use)" data-role="(\w+)">', page)
    if steps != ["check", "use", "check", "use"]:
        ctx.fail(run, f"path steps are {steps}, not check then use")
    html_steps_fix_help(ctx)
    run = ctx.run("--format", "html", ctx.write("clean.c", "int f(void) "
                                                "{ return 0; }\n"), "--")
    ctx.expect_exit(run, 0)
    ctx.expect_stdout(run, r"No findings", "'No findings'")


NAME_AFTER_OPEN_C = """\
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
int save(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    return -1;
  chmod(path, 0644);
  return close(fd);
}
"""


def html_articles(page):
    """{rule: article HTML} of a report page (the last of each rule)."""
    return {re.search(r'data-rule="([^"]*)"', a)[1]: a
            for a in re.findall(r'<article class="finding".*?</article>', page, re.S)}


def html_steps_fix_help(ctx):
    """Each step is labelled by its role (an open is an "open", not a
    check), the fix is shown as a diff, no message appears twice in a
    finding, and each rule's heading links to an anchor in the page that
    holds its --explain text, bad example included."""
    ctx.race()
    ctx.write("nao.c", NAME_AFTER_OPEN_C)
    run = ctx.run("--format", "html", "-o", "steps.html", "race.c", "nao.c", "--",
                  label="roles, fix, help")
    ctx.expect_exit(run, 1)
    page = Path(ctx.path("steps.html")).read_text(encoding="utf-8")
    articles = html_articles(page)
    nao = articles.get("name-after-open", "")
    roles = re.findall(r'data-role="(\w+)"', nao)
    if roles != ["open", "use"]:
        ctx.fail(run, f"name-after-open steps are {roles}, not open then use")
    if not re.search(r'class="line add">.*fchmod\(fd, 0644\)', nao):
        ctx.fail(run, "name-after-open's fix (fchmod(fd, 0644)) is not shown")
    for rule, article in articles.items():
        message = re.search(r"<h4>(?:<span[^>]*>[^<]*</span> )*(.*?)</h4>", article)[1]
        if article.count(message) != 1:
            ctx.fail(run, f"{rule}: its message is shown {article.count(message)} times")
    for rule in articles:
        if f'href="#help-{rule}"' not in page:
            ctx.fail(run, f"{rule}: no link to its help")
        section = re.search(rf'<section class="help" id="help-{rule}">(.*?)</section>',
                            page, re.S)
        bad = re.search(r"```c bad\n(.*?)\n", (ROOT / "src" / "rules" / "help" /
                                               f"{rule}.md").read_text())[1]
        if not section or html.escape(bad, quote=True).replace("&#x27;", "&#39;") \
                not in section[1]:
            ctx.fail(run, f"{rule}: no help section with its --explain text")


def chromium():
    """The browser binary, or raise Skip."""
    path = os.environ.get("FSRACE_CHROMIUM") or shutil.which("chromium")
    if not path:
        raise Skip("chromium not installed (apt-get install chromium; or set "
                   "FSRACE_CHROMIUM to the browser)")
    return path


def chromium_run(ctx, args, url):
    """Run headless Chromium (no network, fresh profile); return Proc."""
    return ctx.harness.run([
        chromium(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions",
        f"--user-data-dir={ctx.path('profile')}", "--enable-logging=stderr",
        "--v=0", *args, url], ctx.tmp)


# Runs before the page's own script: collects errors it could not log.
PROBE_HEAD = """<script>
window.__errors = [];
window.addEventListener('error', function (e) { __errors.push('error: ' + e.message); });
document.addEventListener('securitypolicyviolation', function (e) {
  __errors.push('CSP: ' + e.blockedURI); });
</script>"""

# Runs after the page's script: clicks the filters as a user would.
PROBE_TAIL = """<script>
(function () {
  function shown(el) { return el.offsetParent !== null; }
  function count(rule, want) {
    var n = 0, all = document.querySelectorAll('.finding');
    for (var i = 0; i < all.length; i++)
      if ((all[i].getAttribute('data-rule') === rule) === want && shown(all[i])) n++;
    return n;
  }
  var out = {errors: window.__errors, total: document.querySelectorAll('.finding').length};
  var box = document.querySelector('#filters input[data-filter="rule"]');
  out.rule = box.value;
  out.before = [count(box.value, true), count(box.value, false)];
  box.click();
  out.unchecked = [count(box.value, true), count(box.value, false), box.checked,
                   document.getElementById('shown').textContent];
  box.click();
  out.rechecked = [count(box.value, true), count(box.value, false)];
  var links = document.querySelectorAll('a.rule-help'), missing = [];
  for (var i = 0; i < links.length; i++) {
    var target = document.getElementById(links[i].getAttribute('href').slice(1));
    if (!target || !target.querySelector('pre code')) missing.push(links[i].textContent);
  }
  out.help_links = [links.length, missing];
  var sev = document.querySelector('#filters input[data-filter="severity"]');
  sev.click();
  out.severity_off = document.querySelectorAll('.finding:not([hidden])').length;
  sev.click();
  var pre = document.createElement('pre');
  pre.id = 'probe-result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def console_lines(stderr):
    """Chromium's log lines for console messages and uncaught errors."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@case("html-browser")
def html_browser(ctx):
    """In headless Chromium the report loads with no console message at
    all (errors, CSP violations), unticking a rule hides exactly that
    rule's findings and ticking it brings them back; a screenshot of the
    page is left in /tmp for people to look at."""
    browser = chromium()
    report = ctx.path("report.html")
    run = ctx.run("--format", "html", "--enable", "all", "-o", report,
                  *examples_args(), cwd=ROOT)
    ctx.expect_exit(run, 1)
    page = Path(report).read_text(encoding="utf-8")
    probe = ctx.write("probe.html", page.replace(
        "<head>", "<head>" + PROBE_HEAD, 1).replace(
        "</body>", PROBE_TAIL + "</body>", 1))
    proc = chromium_run(ctx, ["--dump-dom"], Path(probe).as_uri())
    brun = bad_input.Run(proc, f"{os.path.basename(browser)} --dump-dom")
    for problem in ctx.harness.problems(proc):
        ctx.fail(brun, problem)
    for line in console_lines(proc.stderr):
        ctx.fail(brun, "console: " + line.split("]", 1)[-1].strip()[:200])
    found = re.search(r'<pre id="probe-result">(.*?)</pre>',
                      proc.stdout.decode("utf-8", "replace"), re.S)
    if not found:
        ctx.fail(brun, "the probe script did not run "
                 f"(exit {proc.returncode}){bad_input.first_line(proc.stderr)}")
        return
    check_probe(ctx, brun, json.loads(html.unescape(found[1])))
    shot = chromium_run(ctx, [f"--screenshot={SCREENSHOT}",
                              "--window-size=1280,1400",
                              "--hide-scrollbars"], Path(report).as_uri())
    if not os.path.exists(SCREENSHOT) or shot.returncode != 0:
        ctx.fail(bad_input.Run(shot, "--screenshot"), "no screenshot taken")


def check_probe(ctx, run, out):
    """What the probe saw when it clicked the filters."""
    if out["errors"]:
        ctx.fail(run, f"page errors: {out['errors']}")
    in_rule, others = out["before"]
    if in_rule < 1 or in_rule + others != out["total"]:
        ctx.fail(run, f"before filtering {out['before']} of {out['total']} "
                 "findings were visible")
    hidden_rule, still_others, checked, text = out["unchecked"]
    if checked or hidden_rule != 0 or still_others != others:
        ctx.fail(run, f"unticking {out['rule']}: {hidden_rule} of its "
                 f"findings and {still_others} of {others} others visible")
    if text != f"{others} of {out['total']} findings shown":
        ctx.fail(run, f"count after unticking: {text!r}")
    if out["rechecked"] != out["before"]:
        ctx.fail(run, f"ticking it again: {out['rechecked']} visible, "
                 f"expected {out['before']}")
    if out["severity_off"] >= out["total"]:
        ctx.fail(run, "unticking a severity hid nothing")
    links, missing = out["help_links"]
    if not links or missing:
        ctx.fail(run, f"rule links without a help section holding an example: {missing} "
                 f"(of {links} links)")


# --------------------------------------------------------------------------
# Suppressions

SUPPRESS_C = """\
#include <fcntl.h>
#include <unistd.h>

int same_line(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);  // fsrace-ignore[toctou-check-use]: our own dir
  return -1;
}

int line_before(const char *p) {
  if (access(p, R_OK) == 0)
    /* fsrace-ignore[other-rule, toctou-check-use]: block, in a list */
    return open(p, O_RDONLY);
  return -1;
}

int star(const char *p) {
  if (access(p, R_OK) == 0)
    // fsrace-ignore[*]
    return open(p, O_RDONLY);
  return -1;
}

int wrong_rule(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);  // fsrace-ignore[toctou-exists-read]: other rule
  return -1;
}

int code_above(const char *p) {
  if (access(p, R_OK) != 0) return -1;  // fsrace-ignore[*]: this line only
  return open(p, O_RDONLY);
}

int in_string(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY) + (int)sizeof("// fsrace-ignore[*]");
  return -1;
}

// fsrace-ignore-function[toctou-check-use]: whole function
int whole(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);
  return -1;
}

/* fsrace-ignore-function[*]: above the return type */
static int
gnu_style(const char *p)
{
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);
  return -1;
}
int use_gnu_style(void) { return gnu_style("x"); }

int name_line(const char *p) { // fsrace-ignore-function[toctou-check-use]: 1st
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);
  return -1;
}

int nolint(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);  // NOLINT(bugprone-x, fsrace-toctou-check-use)
  return -1;
}

int nolint_next(const char *p) {
  if (access(p, R_OK) == 0)
    // NOLINTNEXTLINE(fsrace-toctou-check-use)
    return open(p, O_RDONLY);
  return -1;
}

int nolint_other(const char *p) {
  if (access(p, R_OK) == 0)
    return open(p, O_RDONLY);  // NOLINT(bugprone-x)
  return -1;
}

/* set-user-id root: access() asks about the real user (a high-risk race) */
int drop(void) { return setuid(getuid()); }
"""


def racy_lines(source):
    """{function name: line of its open() call} in a test source."""
    lines, current = {}, None
    for number, text in enumerate(source.splitlines(), 1):
        name = re.match(r"(?:\w+ )*\**(\w+)\(const char \*p\)", text)
        if name:
            current = name[1]
        if "return open(" in text:
            lines[current] = number
    return lines


@case("suppressions")
def suppressions(ctx):
    """Each comment form silences what it should and nothing else; the
    silenced findings do not count for the exit status and show up, with
    their reasons, under --show-suppressed."""
    ctx.write("s.c", SUPPRESS_C)
    racy = racy_lines(SUPPRESS_C)
    reported = {"wrong_rule", "code_above", "in_string", "nolint_other"}
    reasons = {"same_line": "our own dir", "line_before": "block, in a list",
               "star": "", "whole": "whole function",
               "gnu_style": "above the return type", "name_line": "1st",
               "nolint": "", "nolint_next": ""}
    run = ctx.run("--format", "json", "s.c", "--")
    ctx.expect_exit(run, 1)
    doc = stdout_json(ctx, run)
    if doc is None:
        return
    got = set(findings_by_line(doc))
    want = {racy[name] for name in reported}
    if got != want:
        names = {v: k for k, v in racy.items()}
        ctx.fail(run, f"reported {sorted(names.get(n, n) for n in got)}, "
                 f"expected {sorted(reported)}")
    if doc.get("suppressed") != len(reasons):
        ctx.fail(run, f"suppressed count {doc.get('suppressed')}, "
                 f"expected {len(reasons)}")
    run = ctx.run("--format", "json", "--show-suppressed", "s.c", "--")
    ctx.expect_exit(run, 1)
    shown = findings_by_line(stdout_json(ctx, run) or {})
    for name, reason in reasons.items():
        got_reason = shown.get(racy[name], {}).get("suppressed", {}).get(
            "reason")
        if got_reason != reason:
            ctx.fail(run, f"{name}: suppression reason {got_reason!r}, "
                     f"expected {reason!r}")
    run = ctx.run("--show-suppressed", "s.c", "--")
    ctx.expect_stdout(run, r"= suppressed: our own dir", "the reason")
    ctx.expect_stdout(run, r"^fsrace: 4 findings in 1 file analysed; "
                      r"8 suppressed$", "the summary with 8 suppressed")
    only = ctx.write("only.c", RACE_C.replace(
        "return open(p, O_RDONLY);",
        "return open(p, O_RDONLY); /* fsrace-ignore[toctou-check-use]: ok */"))
    run = ctx.run(only, "--", label="all suppressed")
    ctx.expect_exit(run, 0)


# --------------------------------------------------------------------------
# Baselines

TWO_RACES_C = RACE_C + """
int g(const char *q) {
  struct stat st;
  if (stat(q, &st) == 0 && S_ISREG(st.st_mode))
    return chmod(q, 0600);
  return -1;
}
""".replace("int g", "#include <sys/stat.h>\nint g")


@case("baseline")
def baseline(ctx):
    """--write-baseline records the findings; with --baseline they stay
    silent after a line is inserted above them, and one comes back once
    its racy line changes."""
    src = ctx.write("two.c", TWO_RACES_C)
    run = ctx.run("--format", "json", "--write-baseline", "base.json", src,
                  "--", label="write")
    ctx.expect_exit(run, 0)
    try:
        base = json.loads(Path(ctx.path("base.json")).read_text())
        fps = [e["fingerprint"] for e in base["findings"]]
        ok = base["fsrace_baseline"] == 1 and len(fps) == 2 and all(
            FINGERPRINT_RE.match(fp) for fp in fps)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        ok, fps = False, str(exc)
    if not ok:
        ctx.fail(run, f"baseline file not as documented: {fps}")
    ctx.write("two.c", "/* a new first line */\n\n" + TWO_RACES_C)
    run = ctx.run("--format", "json", "--baseline", "base.json", src, "--",
                  label="lines moved")
    ctx.expect_exit(run, 0)
    doc = stdout_json(ctx, run) or {}
    if doc.get("findings") or doc.get("baselined") != 2:
        ctx.fail(run, f"expected nothing new and 2 baselined: "
                 f"{len(doc.get('findings', []))} findings, "
                 f"{doc.get('baselined')} baselined")
    run = ctx.run("--baseline", "base.json", src, "--", label="text")
    ctx.expect_stdout(run, r"^fsrace: 0 findings in 1 file analysed; "
                      r"2 in the baseline$", "'2 in the baseline'")
    changed = TWO_RACES_C.replace("return chmod(q, 0600);",
                                  "return chmod(q, 0640);")
    ctx.write("two.c", "/* a new first line */\n\n" + changed)
    run = ctx.run("--format", "json", "--baseline", "base.json", src, "--",
                  label="racy line changed")
    ctx.expect_exit(run, 1)
    doc = stdout_json(ctx, run) or {}
    lines = [f["line"] for f in doc.get("findings", [])]
    want = changed.splitlines().index("    return chmod(q, 0640);") + 3
    if lines != [want] or doc.get("baselined") != 1:
        ctx.fail(run, f"expected only the chmod() at {want}: {lines}, "
                 f"{doc.get('baselined')} baselined")


@case("baseline-bad-file")
def baseline_bad_file(ctx):
    """A missing or broken baseline stops the run with one clear line."""
    race = ctx.race()
    for label, content, pattern in (
            ("missing", None, r"missing\.json: No such file"),
            ("not JSON", "{ nope", r"broken\.json: not valid JSON"),
            ("not a baseline", '{"findings": 3}',
             r"broken\.json: not an fsrace baseline")):
        name = "missing.json" if content is None else "broken.json"
        if content is not None:
            ctx.write(name, content)
        run = ctx.run("--baseline", name, race, "--", label=label)
        ctx.expect_exit(run, 2)
        ctx.expect_stderr(run, r"^fsrace: error: " + pattern, pattern)


# --------------------------------------------------------------------------
# Progress

@case("progress")
def progress(ctx):
    """On a terminal a long run rewrites 'fsrace: [done/total] elapsed' in
    place on stderr and erases it; piped, stderr stays empty."""
    # Big enough to take seconds, small enough that a sanitizer build
    # (several times slower, all rules run for the cache) stays well
    # inside the timeout.
    files = [ctx.write(f"big{i}.c", bad_input.big_function(25_000))
             for i in range(3)]
    env = dict(os.environ)
    start = time.monotonic()
    code, out, err = run_on_pty([ctx.fsrace, "-j1", "--format", "json",
                                 *files, "--"], ctx.tmp, env,
                                stdout_tty=False, stderr_tty=True,
                                timeout=120)
    elapsed = time.monotonic() - start
    run = bad_input.Run(None, "stderr on a tty")
    if code not in (0, 1):
        ctx.fail(run, f"exit status {code}")
    if not re.search(rb"\rfsrace: \[[0-3]/3\] \d+\.\ds", err):
        if elapsed < 1.5:
            raise Skip(f"the run took {elapsed:.1f} s: too fast to show "
                       "progress")
        ctx.fail(run, f"no progress line on stderr: {err[:120]!r}")
    elif not err.endswith(b"\r"):
        ctx.fail(run, f"the progress line was not erased: {err[-60:]!r}")
    try:
        json.loads(out)
    except ValueError:
        ctx.fail(run, "stdout is not clean JSON")
    piped = ctx.run("-j1", "--format", "json", *files, "--", label="piped")
    if piped.proc.stderr:
        ctx.fail(piped, f"stderr not empty: {piped.proc.stderr[:80]!r}")
