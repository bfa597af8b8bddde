#!/usr/bin/env bash
# Vendors Apache ECharts into chart/assets/, from which the chart package
# embeds it (go:embed) and inlines it into every HTML chart page, so that a
# page works offline with no file beside it.
#
# Fetches the `echarts` npm package at the pinned version from the npm
# registry, checks the tarball against the pinned sha512 integrity (and, when
# npm is on the PATH, against the registry's metadata), and copies
# dist/echarts.min.js, LICENSE and NOTICE into chart/assets/.
#
# To update: set VERSION and INTEGRITY below (the integrity is printed by
# `npm view echarts@VERSION dist.integrity`), run this script, update the
# version in chart/assets/README.md, run `go test ./chart`, and commit
# chart/assets/. Stay on ECharts 5 while go-echarts targets it (v2.6.7 was
# built for 5.4.3).
#
# Needs bash, curl, tar, openssl (or sha512sum and xxd) and base64.
set -euo pipefail

VERSION=5.6.0
INTEGRITY=sha512-oTbVTsXfKuEhxftHqL5xprgLoc0k7uScAwtryCgWF6hPYFLRwOUHiFmHGCBKP5NPFNkDVopOieyUqYGH8Fa3kA==
URL="https://registry.npmjs.org/echarts/-/echarts-${VERSION}.tgz"

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/chart/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if command -v npm >/dev/null 2>&1; then
  reg="$(npm view "echarts@${VERSION}" dist.integrity 2>/dev/null || true)"
  if [ -n "$reg" ] && [ "$reg" != "$INTEGRITY" ]; then
    echo "vendor-echarts: the registry says echarts@${VERSION} has integrity $reg, pinned $INTEGRITY" >&2
    exit 1
  fi
fi

echo "vendor-echarts: fetching $URL" >&2
curl -fsSL --retry 3 -o "$work/echarts.tgz" "$URL"

if command -v openssl >/dev/null 2>&1; then
  got="sha512-$(openssl dgst -sha512 -binary "$work/echarts.tgz" | base64 -w0)"
else
  got="sha512-$(sha512sum "$work/echarts.tgz" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
fi
if [ "$got" != "$INTEGRITY" ]; then
  echo "vendor-echarts: integrity mismatch for echarts-${VERSION}.tgz: got $got, want $INTEGRITY" >&2
  exit 1
fi

tar -xzf "$work/echarts.tgz" -C "$work"
pkg="$work/package"
ver="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json" | head -1)"
if [ "$ver" != "$VERSION" ]; then
  echo "vendor-echarts: the tarball holds version $ver, want $VERSION" >&2
  exit 1
fi

mkdir -p "$dest"
cp "$pkg/dist/echarts.min.js" "$dest/echarts.min.js"
cp "$pkg/LICENSE" "$dest/LICENSE"
rm -f "$dest/NOTICE"
[ ! -f "$pkg/NOTICE" ] || cp "$pkg/NOTICE" "$dest/NOTICE"
printf '%s\n' "$VERSION" >"$dest/VERSION"
echo "vendor-echarts: echarts ${VERSION} ($(wc -c <"$dest/echarts.min.js") bytes) in chart/assets/" >&2
