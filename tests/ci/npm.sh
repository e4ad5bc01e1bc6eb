#!/usr/bin/env bash
# The npm package: the CLI compiled to wasm32-wasip1, packed with `npm pack`, installed into a
# throwaway project, and run with `npx extcheck`: for every corpus package and the fixtures'
# clean and broken packages, its stdout and exit code equal the native CLI's (JSON and text);
# `rules`, `range`, configuration (`ignore`, `[platforms]`, malformed files) and suppressions
# too. Leaves the packed tarball at
# $EXTCHECK_NPM_TGZ when that is set (for tests/ci/action.sh).
source "$(dirname "$0")/lib.sh"
cd "$REPO"
cargo build --release --locked -q -p extcheck --target wasm32-wasip1
cp target/wasm32-wasip1/release/extcheck.wasm npm/extcheck.wasm
tgz="$(cd npm && npm pack --silent --pack-destination "$WORK")"
[ -z "${EXTCHECK_NPM_TGZ:-}" ] || cp "$WORK/$tgz" "$EXTCHECK_NPM_TGZ"
mkdir "$WORK/project" && cd "$WORK/project"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$WORK/$tgz"
# same ARGS...: `npx extcheck ARGS` prints what the native CLI prints and exits as it does.
same() {
  local want=0 got=0
  "$NATIVE" "$@" >"$WORK/native" 2>"$WORK/native.err" || want=$?
  npx --no-install extcheck "$@" >"$WORK/npx" 2>"$WORK/npx.err" || got=$?
  [ "$want" = "$got" ] || { cat "$WORK/npx.err" >&2; fail "npx extcheck $*: exit $got, native $want"; }
  cmp -s "$WORK/native" "$WORK/npx" || { diff "$WORK/native" "$WORK/npx" | head -20 >&2; fail "npx extcheck $*: stdout differs"; }
  cmp -s "$WORK/native.err" "$WORK/npx.err" || { diff "$WORK/native.err" "$WORK/npx.err" | head -20 >&2; fail "npx extcheck $*: stderr differs"; }
  LAST_CODE=$want
}
n=0
while IFS= read -r pkg; do
  same check --format json "$pkg"
  same check "$pkg"
  n=$((n + 1))
done < <(find "$REPO/testdata/corpus" -mindepth 3 -maxdepth 3 \( -name '*.tgz' -o -type d \) | sort)
[ "$n" -ge 20 ] || fail "only $n corpus packages"
same check --format sarif "$CLEAN" "$BROKEN"
same check "$CLEAN"; [ "$LAST_CODE" = 0 ] || fail "clean package: exit $LAST_CODE"
same check "$BROKEN"; [ "$LAST_CODE" = 1 ] || fail "broken package: exit $LAST_CODE"
same check "$WORK/no-such-package"; [ "$LAST_CODE" = 2 ] || fail "missing path: exit $LAST_CODE"
same rules
same rules KS001
same range '>=1.19.0 <1.30.0' v1.28.3-gke.100
same --version
# Relative paths, configuration found by walking up, suppressions.
make_project "$WORK/project"
printf 'ignore = ["HELM001"]\n' >"$WORK/project/extcheck.toml"
same check charts/broken; [ "$LAST_CODE" = 0 ] || fail "extcheck.toml ignore: exit $LAST_CODE"
same check --isolated --format json charts/broken; [ "$LAST_CODE" = 1 ] || fail "--isolated: exit $LAST_CODE"
printf 'ignore = ["HELM001"\n' >"$WORK/project/extcheck.toml"
same check charts/broken; [ "$LAST_CODE" = 2 ] || fail "malformed extcheck.toml: exit $LAST_CODE"
# `[platforms]` decides which findings count: the fixture's extcheck.toml counts only Rancher
# 2.11+, and its one error (RC021) blocks only Rancher 2.10, so it is info and the run passes.
platforms="$REPO/crates/core/tests/fixtures/RC021-platforms/input"
same check --format json "$platforms"; [ "$LAST_CODE" = 0 ] || fail "[platforms]: exit $LAST_CODE"
grep -q '"severity": *"info"' "$WORK/npx" || fail "[platforms]: RC021 is not info"
same check --isolated "$platforms"; [ "$LAST_CODE" = 1 ] || fail "[platforms] --isolated: exit $LAST_CODE"
same check --isolated --format json "$REPO/crates/core/tests/fixtures/SUP001/input"
grep -q '"inSource"' "$WORK/npx" || fail "no in-source suppression in the JSON"
echo "npm: $(wc -c <"$REPO/npm/extcheck.wasm") bytes of wasm, $(wc -c <"$WORK/$tgz") bytes packed; $n corpus packages identical to the native CLI"
