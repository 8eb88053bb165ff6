#!/bin/sh
# setup.sh - the README's first command: installs what fsrace needs from
# Debian's archive (when missing), builds it, and runs it on the bundled
# example project. Run as root, or as a user who may sudo.
set -eu
cd "$(dirname "$0")/.."

# What the build, the tests and the example need (python3-jsonschema: the
# JSON report's schema test and the GitLab report's; python3-yaml: the
# pre-commit hook's test; man-db: the test that renders the installed man
# page).
PACKAGES="make gcc clang-19 libclang-19-dev llvm-19 python3 python3-jsonschema python3-yaml bear util-linux man-db"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

echo "setup: building fsrace"
make -s -j"$(nproc)"

echo "setup: building examples/ under bear (records compile_commands.json)"
make -s -C examples clean
(cd examples && bear -- make -s)

echo "setup: running: build/fsrace -p examples"
echo
status=0
build/fsrace -p examples || status=$?
# 1 means findings: that is what the example is for.
[ "$status" -le 1 ] || exit "$status"
