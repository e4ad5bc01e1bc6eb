# Shared by the tests/ci/*.sh scripts: the repository root, a throwaway folder, a clean and a
# broken package, and assertions. Sourced, not run.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/extcheck-ci-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# A clean Rancher chart (no findings) and a broken one (HELM001: no `version`, an error).
CLEAN="$REPO/crates/core/tests/fixtures/_valid/rancher-chart/input"
BROKEN="$REPO/crates/core/tests/fixtures/HELM001/input"
# The native CLI the other paths are compared with (built by `cargo build -p extcheck`).
NATIVE="${EXTCHECK_NATIVE:-$REPO/target/debug/extcheck}"
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect CODE COMMAND...: runs COMMAND, fails unless it exits with CODE; its output is in $WORK/out.
expect() {
  local want=$1 got=0
  shift
  "$@" >"$WORK/out" 2>&1 || got=$?
  [ "$got" = "$want" ] || { cat "$WORK/out" >&2; fail "exit $got, expected $want: $*"; }
}
# A project folder with charts/clean and charts/broken, as an author's repository holds them.
make_project() {
  local dir=$1
  mkdir -p "$dir/charts"
  cp -r "$CLEAN" "$dir/charts/clean"
  cp -r "$BROKEN" "$dir/charts/broken"
}
