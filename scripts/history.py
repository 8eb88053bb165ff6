#!/usr/bin/env python3
"""Historical race bugs: is fsrace loud at the vulnerable commit and silent
at the fix?

Usage: python3 scripts/history.py [--fsrace PATH] [--mirrors DIR] [-v]

Each row of BUGS is a race bug that a real project fixed, named by the fix
commit. The script needs the projects' git histories (this workplace's
fetch tool leaves them under /work/.mirror/OWNER+NAME/; CI has no network,
so there it says which mirrors are missing and exits 0). For each bug it
extracts the tree at the fix's parent and at the fix, runs fsrace on the
files the fix changed, and compares the findings with the fix's diff:

  found   a finding (its use, or a note on its check) lies on a line the
          fix removed or changed, or within CONTEXT lines of one, at the
          vulnerable commit;
  silent  no such finding on the lines the fix added or changed, at the fix.

Files are parsed with generic flags (-D_GNU_SOURCE, -I for the file's
folder, the top folder and its include/ and lib/), not with each commit's
configured build: code under HAVE_* macros that only configure defines is
not seen. --db REPO=DIR uses DIR/compile_commands.json's flags for the
files instead (a build of that project made once, at any commit).
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

CONTEXT = 3

# repo, fix commit, what the bug was (the commit message's words).
BUGS = [
    ("Duncaen/OpenDoas", "6cf64c2", "persist_timestamp: timestamp file created without O_NOFOLLOW"),
    ("cronie-crond/cronie", "9e4a8fa", "CVE-2010-0424: crontab -e timestamp race"),
    ("cronie-crond/cronie", "e91b6eb", "race condition on crontab modification"),
    ("logrotate/logrotate", "22892fb", "do_mkdir: time-of-check/time-of-use race"),
    ("logrotate/logrotate", "65ab90d", "do_mkdir: minimize race potential"),
    ("logrotate/logrotate", "aff4a30", "createOutputFile: stat/open TOCTOU race"),
    ("logrotate/logrotate", "da20fcc", "symbolic link log files opened by accident"),
    ("logrotate/logrotate", "29c20e4", "O_NOFOLLOW missing when opening files"),
    ("logrotate/logrotate", "c9da65b", "file timestamps updated by name"),
    ("shadow-maint/shadow", "f787a0c7", "passwd: TOCTOU race (no PAM)"),
    ("shadow-maint/shadow", "976b7bff", "vipw: chmod/chown by name"),
    ("linux-pam/linux-pam", "475bd60c", "pam_namespace: privilege escalation through symlinks"),
]


def git_dir(mirrors, repo):
    """The mirror's git directory, or None."""
    base = os.path.join(mirrors, repo.replace("/", "+"))
    for cand in (os.path.join(base, "repo", ".git"), os.path.join(base, "repo"), base):
        if os.path.isfile(os.path.join(cand, "HEAD")):
            return cand
    return None


def git(gdir, *args):
    return subprocess.run(["git", "--git-dir", gdir, *args], capture_output=True,
                          text=True, errors="replace", check=True).stdout


def changed_lines(gdir, fix):
    """{file: (old line numbers, new line numbers)} the fix touched (C files)."""
    diff = git(gdir, "diff", "-U0", f"{fix}^", fix, "--", "*.c")
    out, cur = {}, None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            cur = line[6:] if line.startswith("+++ b/") else None
            if cur:
                out[cur] = (set(), set())
        m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", line)
        if m and cur:
            o, oc, n, nc = (int(m.group(1)), int(m.group(2) or 1), int(m.group(3)),
                            int(m.group(4) or 1))
            # A pure insertion still points at where the missing code belongs.
            out[cur][0].update(range(o, o + max(oc, 1)))
            out[cur][1].update(range(n, n + max(nc, 1)))
    return out


def extract(gdir, commit, into):
    os.makedirs(into)
    archive = subprocess.run(["git", "--git-dir", gdir, "archive", commit],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", into], input=archive, check=True)


def generic_flags(top, path):
    dirs = [os.path.dirname(path), top, os.path.join(top, "include"), os.path.join(top, "lib"),
            os.path.join(top, "libpam", "include")]
    return ["-D_GNU_SOURCE"] + [f"-I{d}" for d in dirs if os.path.isdir(d)]


def db_flags(db, name):
    """Flags of the database entry whose file ends with name, or None."""
    for e in db:
        if e["file"].endswith("/" + name) or e["file"] == name:
            args = e.get("arguments") or shlex.split(e["command"])
            keep, skip = [], False
            for a in args[1:]:
                if skip:
                    skip = False
                elif a in ("-o", "-MF", "-MT", "-MQ"):
                    skip = True
                elif a.startswith(("-I", "-D", "-std", "-include", "-isystem")):
                    keep.append(a if not a.startswith("-I") or os.path.isabs(a[2:])
                                else "-I" + os.path.join(e["directory"], a[2:]))
            return keep
    return None


def findings_near(fsrace, top, files, flags_for, lines):
    """Findings whose use or check note lies near the given lines."""
    hits = []
    for name in files:
        path = os.path.join(top, name)
        if not os.path.isfile(path):
            continue
        proc = subprocess.run([fsrace, "--no-cache", "--format", "json", "--min-risk", "low",
                               "--enable", "all", path, "--", *flags_for(top, name, path)],
                              capture_output=True, text=True, errors="replace")
        if proc.returncode not in (0, 1, 2) or not proc.stdout.strip():
            proc = subprocess.run([fsrace, "--no-cache", "--format", "json", "--enable", "all",
                                   path, "--", *flags_for(top, name, path)],
                                  capture_output=True, text=True, errors="replace")
        try:
            report = json.loads(proc.stdout)
        except ValueError:
            continue
        want = {x + d for x in lines.get(name, set()) for d in range(-CONTEXT, CONTEXT + 1)}
        for f in report.get("findings", []):
            spots = [(f["file"], f["line"])] + [(n["file"], n["line"]) for n in f.get("notes", [])]
            if any(s[0].endswith(name) and s[1] in want for s in spots):
                hits.append(f"{name}:{f['line']} [{f['rule']}]")
    return hits


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--fsrace", default=os.path.join(here, "..", "build", "fsrace"))
    ap.add_argument("--mirrors", default="/work/.mirror")
    ap.add_argument("--db", action="append", default=[], metavar="REPO=DIR")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    fsrace = os.path.abspath(args.fsrace)
    dbs = {}
    for spec in args.db:
        repo, _, d = spec.partition("=")
        with open(os.path.join(d, "compile_commands.json")) as f:
            dbs[repo] = json.load(f)
    found = silent = ran = 0
    missing = set()
    print(f"{'bug':<48} {'at the bug':<12} {'at the fix':<12}")
    for repo, fix, what in BUGS:
        gdir = git_dir(args.mirrors, repo)
        if not gdir:
            missing.add(repo)
            continue

        def flags_for(top, name, path, repo=repo):
            got = db_flags(dbs[repo], name) if repo in dbs else None
            return got if got is not None else generic_flags(top, path)

        lines = changed_lines(gdir, fix)
        with tempfile.TemporaryDirectory(prefix="fsrace-history-") as tmp:
            extract(gdir, f"{fix}^", os.path.join(tmp, "bug"))
            extract(gdir, fix, os.path.join(tmp, "fix"))
            old = {k: v[0] for k, v in lines.items()}
            new = {k: v[1] for k, v in lines.items()}
            at_bug = findings_near(fsrace, os.path.join(tmp, "bug"), lines, flags_for, old)
            at_fix = findings_near(fsrace, os.path.join(tmp, "fix"), lines, flags_for, new)
        ran += 1
        found += bool(at_bug)
        silent += not at_fix
        label = f"{repo.split('/')[1]} {fix}: {what}"[:48]
        print(f"{label:<48} {'found' if at_bug else 'MISSED':<12} "
              f"{'silent' if not at_fix else 'still loud':<12}")
        if args.v:
            for h in at_bug:
                print(f"    bug: {h}")
            for h in at_fix:
                print(f"    fix: {h}")
    if missing:
        print(f"no mirror of {', '.join(sorted(missing))} under {args.mirrors} "
              "(fetch them first; CI cannot)")
    print(f"{found} of {ran} found at the bug, {silent} of {ran} silent at the fix")


if __name__ == "__main__":
    sys.exit(main())
