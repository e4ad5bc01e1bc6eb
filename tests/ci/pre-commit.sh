#!/usr/bin/env bash
# The pre-commit hooks through `pre-commit try-repo` (pre-commit from PyPI, in .tools/venv): a
# commit touching a clean package passes, one touching a broken package fails, for the
# build-from-source hook (`extcheck`, given the built binary through EXTCHECK_BIN so the test
# does not rebuild the CLI) and the PATH hook (`extcheck-system`).
source "$(dirname "$0")/lib.sh"
pc="$REPO/.tools/venv/bin/pre-commit"
[ -x "$pc" ] || fail "pre-commit is not installed: run scripts/setup"
export PRE_COMMIT_HOME="$WORK/cache" EXTCHECK_BIN="$NATIVE"
mkdir -p "$WORK/bin" && ln -s "$NATIVE" "$WORK/bin/extcheck"
cd "$WORK"
git init -q project && cd project
git config user.email ci@example.com && git config user.name ci
make_project .
echo "# an author's repository" >README.md
git add README.md && git commit -qm init
for hook in extcheck extcheck-system; do
  git add charts/clean
  PATH="$WORK/bin:$PATH" expect 0 "$pc" try-repo "$REPO" "$hook"
  grep -q "Passed" "$WORK/out" || { cat "$WORK/out"; fail "$hook: clean package did not pass"; }
  git add charts/broken
  PATH="$WORK/bin:$PATH" expect 1 "$pc" try-repo "$REPO" "$hook"
  grep -q "HELM001" "$WORK/out" || { cat "$WORK/out"; fail "$hook: broken package did not report HELM001"; }
  # The broken package is checked once, though the commit touches three of its files.
  [ "$(grep -c ': Rancher extension chart demo' "$WORK/out")" = 2 ] || { cat "$WORK/out"; fail "$hook: packages not checked once each"; }
  git reset -q
done
echo "pre-commit: both hooks pass a clean package and fail a broken one"
