#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it: vet, the unit and
# integration tests with the race detector against a real Neo4j, and a short
# run of every fuzz target. Integration tests start their own throw-away
# Neo4j servers (see graph/graphtest), which die with their test binary
# however it ends (on Linux); as a safety net, whatever is left of them is
# stopped on exit, also when a test fails or times out.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prereqs.sh --e2e

export DIPLOGRAPH_TEST_TMPDIR="${DIPLOGRAPH_TEST_TMPDIR:-$(mktemp -d -t diplograph-test-XXXXXX)}"
mkdir -p "$DIPLOGRAPH_TEST_TMPDIR"
cleanup() {
  # Servers of this run only: their home lies under DIPLOGRAPH_TEST_TMPDIR.
  pkill -TERM -f -- "--home-dir=$DIPLOGRAPH_TEST_TMPDIR" 2>/dev/null || true
  for _ in $(seq 1 50); do
    pgrep -f -- "--home-dir=$DIPLOGRAPH_TEST_TMPDIR" >/dev/null || break
    sleep 0.2
  done
  pkill -KILL -f -- "--home-dir=$DIPLOGRAPH_TEST_TMPDIR" 2>/dev/null || true
  rm -rf "$DIPLOGRAPH_TEST_TMPDIR"
}
trap cleanup EXIT

echo "== go vet"
go vet ./...

echo "== go test -race (integration tests against a real Neo4j)"
go test -race -count=1 -timeout 25m ./...

echo "== fuzz (${FUZZTIME:=10s} per target)"
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "-- $pkg $target"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 5s "$pkg"
  done
done
echo "== all tests passed"
