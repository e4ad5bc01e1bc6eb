#!/usr/bin/env bash
# The steps of the extcheck GitHub Action (action.yml), as a script the tests run with the
# environment a runner gives: GITHUB_WORKSPACE, GITHUB_OUTPUT, RUNNER_TEMP, GITHUB_STEP_SUMMARY
# and the inputs as INPUT_PATH, INPUT_FORMAT, INPUT_CONFIG, INPUT_FAIL_ON, INPUT_VERSION,
# INPUT_INSTALL. It installs extcheck (the static binary of a release, checked against its
# SHA256SUMS, or the npm package), checks the paths, writes the report into the workspace,
# sets the outputs `report` and `exit-code`, appends a Markdown summary, and exits with
# extcheck's code.
#
# Sources, overridable for mirrors and tests: EXTCHECK_RELEASE_URL (the folder holding the
# release archives and SHA256SUMS; default the GitHub release v<version> of this action's
# repository) and EXTCHECK_NPM_SPEC (what `npm install` installs; default extcheck@<version>).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
workspace="${GITHUB_WORKSPACE:-$PWD}"
output="${GITHUB_OUTPUT:-/dev/null}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/extcheck-action-$$"
format="${INPUT_FORMAT:-sarif}"
version="${INPUT_VERSION:-}"
[ -n "$version" ] || version="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$here/npm/package.json")"
version="${version#v}"
install="${INPUT_INSTALL:-binary}"
if [ "$install" = binary ] && { [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; }; then
  echo "extcheck: no static binary for $(uname -s) $(uname -m); installing the npm package" >&2
  install=npm
fi
mkdir -p "$temp"
case "$install" in
  binary)
    name="extcheck-$version-x86_64-unknown-linux-musl"
    url="${EXTCHECK_RELEASE_URL:-https://github.com/${GITHUB_ACTION_REPOSITORY:-extcheck/extcheck}/releases/download/v$version}"
    curl -fsSL "$url/$name.tar.gz" -o "$temp/$name.tar.gz"
    curl -fsSL "$url/SHA256SUMS" -o "$temp/SHA256SUMS"
    (cd "$temp" && grep " $name.tar.gz\$" SHA256SUMS | sha256sum -c --quiet -)
    tar -xzf "$temp/$name.tar.gz" -C "$temp"
    bin="$temp/$name/extcheck"
    ;;
  npm)
    npm install --prefix "$temp/npm" --no-audit --no-fund --loglevel=error "${EXTCHECK_NPM_SPEC:-extcheck@$version}" >&2
    bin="$temp/npm/node_modules/.bin/extcheck"
    ;;
  *)
    echo "extcheck: input install must be binary or npm, not \`$install\`" >&2
    exit 2
    ;;
esac
case "$format" in
  sarif) report="$workspace/extcheck.sarif" ;;
  json) report="$workspace/extcheck.json" ;;
  markdown) report="$workspace/extcheck.md" ;;
  text) report="$workspace/extcheck.txt" ;;
  *) echo "extcheck: input format must be sarif, json, markdown or text, not \`$format\`" >&2; exit 2 ;;
esac
args=()
[ -z "${INPUT_CONFIG:-}" ] || args+=(--config "$INPUT_CONFIG")
[ -z "${INPUT_FAIL_ON:-}" ] || args+=(--fail-on "$INPUT_FAIL_ON")
read -r -a paths <<<"${INPUT_PATH:-.}"
cd "$workspace"
set +e
"$bin" check --format "$format" "${args[@]}" "${paths[@]}" >"$report"
code=$?
set -e
echo "report=$report" >>"$output"
echo "exit-code=$code" >>"$output"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  "$bin" check --format markdown "${args[@]}" "${paths[@]}" >>"$GITHUB_STEP_SUMMARY" 2>/dev/null || true
fi
"$bin" --version >&2
echo "extcheck: wrote $report (exit code $code)" >&2
rm -rf "$temp"
exit "$code"
