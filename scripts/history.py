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
import shutil
import subprocess
import sys
import tempfile

CONTEXT = 3

# repo, fix commit, what the bug was (the commit message's words). A bug
# whose shape fsrace's rules do not cover stays a row, with its reason in
# OUT_OF_SCOPE: a miss there is expected, not hidden.
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
    ("netblue30/firejail", "8b5b444c7", "--get/--put: access() checks, then copy as root"),
    ("netblue30/firejail", "908f8ad91", "fids, seccomp: stat() then fopen() by name (CWE-367)"),
    ("netblue30/firejail", "ddb828be0", "disable_file: stat() then open() by name (CWE-367)"),
    ("netblue30/firejail", "bcf20326c", "fs_blacklist: stat, bind mount, set_perms by name"),
    ("sudo-project/sudo", "8552b283b", "iolog_mkdirs: stat() then chown/chmod by name"),
    ("sudo-project/sudo", "6c6f0567b", "sudo_mkdir_parents: mkdir/stat TOCTOU"),
    ("sudo-project/sudo", "c13b21c19", "sudo_mkdir_parents: TOCTOU, fixed with mkdirat"),
    ("sudo-project/sudo", "cbd52e705", "TOCTOU creating the time stamp dir and file"),
    ("sudo-project/sudo", "696c9de72", "sudoedit: target reopened by name to write it"),
]

# Bugs whose shape no rule of fsrace describes, with the reason.
OUT_OF_SCOPE = {
    "6cf64c2": "O_NOFOLLOW added to an O_CREAT|O_EXCL open, which already refuses a link",
    "f787a0c7": "a password-policy check made before the passwd lock: a race on data, not names",
    "e91b6eb": "a crontab changed twice within one second is not reloaded: mtime granularity",
}


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


def db_entry(db, name):
    """The database entry compiling the file whose path ends with name, its
    argument list, and the checkout's top folder; or None."""
    for e in db:
        full = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if full.endswith("/" + name):
            args = e.get("arguments") or shlex.split(e["command"])
            return args, e["directory"], full[:-len(name) - 1]
    return None


def db_flags(db, name, top):
    """The project's own flags for name, with its include folders pointed at
    the extracted commit first (so its headers are that commit's) and at the
    build after (for generated headers such as config.h); or None."""
    got = db_entry(db, name)
    if got is None:
        return None
    args, cwd, root = got
    keep, later, i = [], [], 1
    while i < len(args):
        a, i = args[i], i + 1
        opt = next((o for o in ("-I", "-isystem", "-iquote", "-include") if a.startswith(o)), None)
        if opt:
            val = a[len(opt):]
            if not val and i < len(args):
                val, i = args[i], i + 1
            val = os.path.normpath(os.path.join(cwd, val))
            rel = os.path.relpath(val, root)
            mapped = os.path.join(top, rel)
            if opt != "-include" and not rel.startswith("..") and os.path.isdir(mapped):
                keep += [opt, mapped]
                later += [opt, val]
                copy_generated(val, mapped)
            else:
                keep += [opt, val]
        elif a.startswith(("-D", "-U", "-std")):
            keep.append(a)
    return keep + later + generic_flags(top, os.path.join(top, name))


def copy_generated(build_dir, tree_dir):
    """Headers the build generated (config.h) into the extracted tree, where
    the sources include them by a relative path ("../config.h")."""
    for f in os.listdir(build_dir):
        src, dst = os.path.join(build_dir, f), os.path.join(tree_dir, f)
        if f.endswith(".h") and os.path.isfile(src) and not os.path.exists(dst):
            shutil.copy(src, dst)


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


def measure(fsrace, gdir, fix, db):
    """Findings near the fix's lines at its parent, and at the fix."""
    def flags_for(top, name, path):
        got = db_flags(db, name, top) if db else None
        return got if got is not None else generic_flags(top, path)

    lines = changed_lines(gdir, fix)
    with tempfile.TemporaryDirectory(prefix="fsrace-history-") as tmp:
        extract(gdir, f"{fix}^", os.path.join(tmp, "bug"))
        extract(gdir, fix, os.path.join(tmp, "fix"))
        old = {k: v[0] for k, v in lines.items()}
        new = {k: v[1] for k, v in lines.items()}
        return (findings_near(fsrace, os.path.join(tmp, "bug"), lines, flags_for, old),
                findings_near(fsrace, os.path.join(tmp, "fix"), lines, flags_for, new))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--fsrace", default=os.path.join(here, "..", "build", "fsrace"))
    ap.add_argument("--mirrors", default="/work/.mirror")
    ap.add_argument("--db", action="append", default=[], metavar="REPO=DIR")
    ap.add_argument("-k", metavar="SUBSTRING", help="only the bugs whose row contains it")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    fsrace = os.path.abspath(args.fsrace)
    dbs = {}
    for spec in args.db:
        repo, _, d = spec.partition("=")
        with open(os.path.join(d, "compile_commands.json")) as f:
            dbs[repo] = json.load(f)
    found = silent = ran = out_of_scope = 0    # the counts are of in-scope rows
    missing = set()
    print(f"{'bug':<52} {'at the bug':<11} {'at the fix':<11} flags")
    for repo, fix, what in BUGS:
        if args.k and args.k not in f"{repo} {fix} {what}":
            continue
        gdir = git_dir(args.mirrors, repo)
        if not gdir:
            missing.add(repo)
            continue
        at_bug, at_fix = measure(fsrace, gdir, fix, dbs.get(repo))
        in_scope = fix not in OUT_OF_SCOPE
        ran += in_scope
        out_of_scope += not in_scope
        found += in_scope and bool(at_bug)
        silent += in_scope and not at_fix
        label = f"{repo.split('/')[1]} {fix}: {what}"[:52]
        scope = f"  (out of scope: {OUT_OF_SCOPE[fix]})" if fix in OUT_OF_SCOPE else ""
        print(f"{label:<52} {'found' if at_bug else 'MISSED':<11} "
              f"{'silent' if not at_fix else 'still loud':<11} "
              f"{'build' if repo in dbs else 'generic'}{scope}")
        if args.v:
            for h in at_bug:
                print(f"    bug: {h}")
            for h in at_fix:
                print(f"    fix: {h}")
    if missing:
        print(f"no mirror of {', '.join(sorted(missing))} under {args.mirrors} "
              "(fetch them first; CI cannot)")
    print(f"of {ran} bugs in scope: {found} found at the bug, {silent} silent at the fix "
          f"({out_of_scope} more rows out of scope)")


if __name__ == "__main__":
    sys.exit(main())
