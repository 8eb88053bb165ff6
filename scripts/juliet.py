#!/usr/bin/env python3
"""Score fsrace on the Juliet C/C++ 1.3 test suite (NIST SARD).

Usage: python3 scripts/juliet.py JULIET_DIR [--fsrace PATH] [--cwe 367 377 ...]
                                 [--rules RULE,RULE] [-v]

JULIET_DIR holds testcases/ and testcasesupport/ (e.g. a checkout of
github arichardson/juliet-test-suite-c; Juliet is not part of this repo).
Every .c file of testcases/CWE<N>_* whose name has no "w32" is analysed with
-I testcasesupport -DINCLUDEMAIN. A function whose name contains "bad" is a
true positive when fsrace reports a finding in it on a line that calls one
of Juliet's file-use macros (OPEN, FOPEN, ...); a finding anywhere in a
function whose name contains "good" is a false positive. Prints, per CWE,
bad functions detected / total and good functions with findings / total,
twice: with every risk level shown (--min-risk low), and at the default
level (findings of medium risk and above).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

FUNC_RE = re.compile(r"^(?:static\s+)?void\s+(\w+)\s*\(\s*(?:void)?\s*\)\s*$")


def functions_of(path):
    """(name, first line, last line) of each top-level void f() function."""
    lines = open(path, encoding="latin-1").read().split("\n")
    found, current, depth = [], None, 0
    for i, line in enumerate(lines, 1):
        m = FUNC_RE.match(line.strip())
        if depth == 0 and m:
            current = [m.group(1), i, i]
        depth += line.count("{") - line.count("}")
        if current and depth == 0 and "}" in line:
            current[2] = i
            found.append(tuple(current))
            current = None
    return found, lines


def run_fsrace(fsrace, files, support, rules):
    """fsrace's JSON findings for files (one run, all cores)."""
    cmd = [fsrace, "--format", "json", "--min-risk", "low", *files, "--", "-I", support,
           "-DINCLUDEMAIN"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"fsrace failed ({proc.returncode}): {proc.stderr[:500]}")
    errors = [l for l in proc.stderr.splitlines() if "error" in l]
    findings = json.loads(proc.stdout)["findings"]
    if rules:
        findings = [f for f in findings if f["rule"] in rules]
    return findings, errors


USE_MACRO = re.compile(r"\b(OPEN|FOPEN|CREAT|REMOVE|UNLINK|CHMOD|CHOWN|RENAME|open|fopen|"
                       r"creat|_open|_wopen|_wfopen|fopen_s)\s*\(")


def score(juliet, fsrace, cwe, rules, verbose):
    """Print both levels' figures for one CWE; return those of every level:
    (bad_hit, bad_total, good_fp, good_total)."""
    dirs = glob.glob(os.path.join(juliet, "testcases", f"CWE{cwe}_*"))
    files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, "**", "*.c"),
                                                        recursive=True)
                   if "w32" not in os.path.basename(f))
    if not files:
        sys.exit(f"no CWE{cwe} test cases under {juliet}/testcases")
    support = os.path.join(juliet, "testcasesupport")
    findings, errors = run_fsrace(fsrace, files, support, rules)
    shown = [f for f in findings if f.get("risk", {}).get("level") != "low"]
    result = None
    for label, subset in (("every risk level (--min-risk low)", findings),
                          ("default level (medium and up)", shown)):
        counts = tally(files, subset, verbose and subset is findings)
        print(f"CWE-{cwe}, {label}: {len(files)} files; bad functions reported on the use: "
              f"{counts[0]}/{counts[1]}; good functions with a finding: "
              f"{counts[2]}/{counts[3]}; files with compile errors: {len(errors)}")
        result = result or counts
    return result


def tally(files, findings, verbose):
    """(bad_hit, bad_total, good_fp, good_total) of findings over files."""
    by_file = {}
    for f in findings:
        by_file.setdefault(os.path.realpath(f["file"]), []).append(f)
    bad_hit = bad_total = good_fp = good_total = 0
    for path in files:
        funcs, lines = functions_of(path)
        mine = by_file.get(os.path.realpath(path), [])
        for name, first, last in funcs:
            inside = [f for f in mine if first <= f["line"] <= last]
            if "bad" in name and "good" not in name:
                bad_total += 1
                hit = any(USE_MACRO.search(lines[f["line"] - 1]) for f in inside)
                bad_hit += hit
                if verbose and not hit:
                    print(f"  missed {os.path.basename(path)}:{first} {name}")
            elif name.startswith("good") and name != "good":
                good_total += 1
                good_fp += bool(inside)
                if verbose and inside:
                    print(f"  false positive {os.path.basename(path)}:{inside[0]['line']} "
                          f"{name}: {inside[0]['message'][:80]}")
    return bad_hit, bad_total, good_fp, good_total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("juliet")
    ap.add_argument("--fsrace", default=os.path.join(os.path.dirname(__file__), "..",
                                                     "build", "fsrace"))
    ap.add_argument("--cwe", nargs="+", default=["367"])
    ap.add_argument("--rules", default="", help="only count these rule ids (comma list)")
    ap.add_argument("-v", action="store_true", help="list misses and false positives")
    args = ap.parse_args()
    rules = set(filter(None, args.rules.split(",")))
    for cwe in args.cwe:
        score(args.juliet, args.fsrace, cwe, rules, args.v)


if __name__ == "__main__":
    main()
