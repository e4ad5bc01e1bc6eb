#!/usr/bin/env bash
# The GitHub Action's steps (action/run.sh) with the environment a runner gives: installing the
# static binary from a release folder (dist-release/, from tests/ci/release.sh) and the npm
# package (the tarball from tests/ci/npm.sh), a clean package passes and a broken one fails,
# the SARIF report is written into the workspace and named in GITHUB_OUTPUT.
source "$(dirname "$0")/lib.sh"
tgz="${EXTCHECK_NPM_TGZ:?run tests/ci/npm.sh with EXTCHECK_NPM_TGZ first}"
[ -f "$REPO/dist-release/SHA256SUMS" ] || fail "run tests/ci/release.sh first"
export EXTCHECK_RELEASE_URL="file://$REPO/dist-release" EXTCHECK_NPM_SPEC="$tgz"
export GITHUB_WORKSPACE="$WORK/workspace" RUNNER_TEMP="$WORK/runner-temp"
make_project "$GITHUB_WORKSPACE"
mkdir -p "$RUNNER_TEMP"
for install in binary npm; do
  export INPUT_INSTALL=$install INPUT_FORMAT="" INPUT_CONFIG="" INPUT_FAIL_ON="" INPUT_VERSION=""
  export GITHUB_OUTPUT="$WORK/output-$install" GITHUB_STEP_SUMMARY="$WORK/summary-$install"
  INPUT_PATH=charts/clean expect 0 "$REPO/action/run.sh"
  grep -qx "report=$GITHUB_WORKSPACE/extcheck.sarif" "$GITHUB_OUTPUT" || fail "$install: no report output"
  grep -qx "exit-code=0" "$GITHUB_OUTPUT" || fail "$install: no exit-code output"
  node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));if(s.version!=="2.1.0"||s.runs[0].results.length!==0)process.exit(1)' \
    "$GITHUB_WORKSPACE/extcheck.sarif" || fail "$install: clean SARIF"
  INPUT_PATH="charts/clean charts/broken" expect 1 "$REPO/action/run.sh"
  grep -qx "exit-code=1" "$GITHUB_OUTPUT" || fail "$install: exit-code=1 not written"
  node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));if(!s.runs[0].results.some(r=>r.ruleId==="HELM001"))process.exit(1)' \
    "$GITHUB_WORKSPACE/extcheck.sarif" || fail "$install: HELM001 not in the SARIF"
  grep -q "HELM001" "$GITHUB_STEP_SUMMARY" || fail "$install: no job summary"
  # config and fail-on inputs.
  printf '[severity]\nHELM001 = "warning"\n' >"$WORK/lenient.toml"
  INPUT_PATH=charts/broken INPUT_CONFIG="$WORK/lenient.toml" expect 0 "$REPO/action/run.sh"
  INPUT_PATH=charts/broken INPUT_CONFIG="$WORK/lenient.toml" INPUT_FAIL_ON=warning expect 1 "$REPO/action/run.sh"
  INPUT_PATH=charts/broken INPUT_FORMAT=json expect 1 "$REPO/action/run.sh"
  grep -q '"HELM001"' "$GITHUB_WORKSPACE/extcheck.json" || fail "$install: json format"
done
# A tampered archive is refused.
cp -r "$REPO/dist-release" "$WORK/tampered"
sed -i 's/^[0-9a-f]\{64\}/'"$(printf '0%.0s' $(seq 64))"'/' "$WORK/tampered/SHA256SUMS"
INPUT_INSTALL=binary INPUT_PATH=charts/clean EXTCHECK_RELEASE_URL="file://$WORK/tampered" expect 1 "$REPO/action/run.sh"
grep -q "FAILED" "$WORK/out" || { cat "$WORK/out"; fail "a checksum mismatch was not reported"; }
echo "action: binary and npm installs pass a clean package, fail a broken one, write SARIF"
