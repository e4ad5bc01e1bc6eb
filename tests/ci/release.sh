#!/usr/bin/env bash
# scripts/release: the x86_64 musl archive is built with its SHA-256 sum, the binary inside is
# statically linked, runs, and checks a package with the native build's output and exit code.
source "$(dirname "$0")/lib.sh"
"$REPO/scripts/release"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -1)"
name="extcheck-$version-x86_64-unknown-linux-musl"
archive="$REPO/dist-release/$name.tar.gz"
[ -f "$archive" ] || fail "no $archive"
(cd "$REPO/dist-release" && sha256sum -c --quiet SHA256SUMS) || fail "SHA256SUMS does not match"
tar -xzf "$archive" -C "$WORK"
bin="$WORK/$name/extcheck"
file "$bin" | grep -q "statically linked\|static-pie linked" || fail "not static: $(file "$bin")"
if ldd "$bin" >/dev/null 2>&1; then
  ldd "$bin" 2>&1 | grep -q "not a dynamic executable\|statically linked" || fail "ldd lists libraries: $(ldd "$bin")"
fi
"$bin" --version | grep -qx "extcheck $version" || fail "--version: $("$bin" --version)"
for pkg in "$CLEAN" "$BROKEN" "$REPO/testdata/corpus/rancher/charts/clock-0.3.3.tgz"; do
  want=0; "$NATIVE" check --format json "$pkg" >"$WORK/native.json" || want=$?
  got=0; "$bin" check --format json "$pkg" >"$WORK/static.json" || got=$?
  [ "$want" = "$got" ] || fail "$pkg: exit $got, native $want"
  cmp -s "$WORK/native.json" "$WORK/static.json" || fail "$pkg: JSON differs from the native build"
done
echo "release: $(wc -c <"$archive") bytes archived, $(wc -c <"$bin") bytes binary, static, runs"
