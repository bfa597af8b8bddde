#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it: vet, the unit and
# integration tests with the race detector against a real Neo4j, and a short
# run of every fuzz target.
#
# The integration tests of all packages share one throw-away Neo4j: the
# testserver command (graph/graphtest/testserver) starts it in the
# background while vet runs, and writes the variables that graphtest reads
# (graph/graphtest's package documentation tells how the tests take turns
# on it). It is stopped before fuzzing, and whenever this script ends; on
# Linux it also stops when this script is killed, even with SIGKILL. With
# DIPLOGRAPH_TEST_NEO4J_URI set, the tests use that server instead. As a
# safety net, whatever is left of this run's servers is stopped on exit,
# also when a test fails or times out.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prereqs.sh --e2e

export DIPLOGRAPH_TEST_TMPDIR="${DIPLOGRAPH_TEST_TMPDIR:-$(mktemp -d -t diplograph-test-XXXXXX)}"
mkdir -p "$DIPLOGRAPH_TEST_TMPDIR"
testserver_pid=""
stop_testserver() {
  if [ -n "$testserver_pid" ]; then
    kill -TERM "$testserver_pid" 2>/dev/null || true
    wait "$testserver_pid" 2>/dev/null || true
    testserver_pid=""
  fi
  unset "${!DIPLOGRAPH_TEST_SHARED_NEO4J_@}"
}
cleanup() {
  stop_testserver
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

env_file="$DIPLOGRAPH_TEST_TMPDIR/shared-neo4j.env"
if [ -z "${DIPLOGRAPH_TEST_NEO4J_URI:-}" ]; then
  echo "== shared test Neo4j: starting in the background"
  rm -f "$env_file" # a file left by a killed run would name dead servers
  go build -o "$DIPLOGRAPH_TEST_TMPDIR/testserver" ./graph/graphtest/testserver
  # Two servers: go test runs two test binaries at a time (on two cores), and
  # a test holds a whole server (Neo4j Community has one user database).
  "$DIPLOGRAPH_TEST_TMPDIR/testserver" -env "$env_file" -servers "${DIPLOGRAPH_TEST_SHARED_SERVERS:-2}" -parent $$ &
  testserver_pid=$!
fi

echo "== go vet"
go vet ./...

if [ -n "$testserver_pid" ]; then
  echo "== shared test Neo4j: waiting for it"
  while [ ! -e "$env_file" ]; do
    if ! kill -0 "$testserver_pid" 2>/dev/null; then
      testserver_pid=""
      echo "test.sh: the shared test Neo4j did not start (see above)" >&2
      exit 1
    fi
    sleep 0.5
  done
  # shellcheck source=/dev/null
  . "$env_file"
fi

echo "== go test -race (integration tests against a real Neo4j)"
# graph/localserver first: its tests start and stop servers of their own for
# minutes, and should run beside the others rather than after them.
go test -race -count=1 -timeout 25m ./graph/localserver ./...
stop_testserver

# A count, not a duration: with a duration (-fuzztime 10s) Go's fuzzing
# coordinator can fail a target with a bare "context deadline exceeded" and no
# failing input when its deadline races a busy worker (golang/go#75804, seen
# here on go1.26). A count has no deadline. 100000 executions took 3-15 s per
# target on an idle 2-core machine (make test, 2026-12-04); FUZZTIME
# overrides it (a count or a duration).
echo "== fuzz (${FUZZTIME:=100000x} per target)"
go list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "-- $pkg $target"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 5s "$pkg" </dev/null
  done
done
echo "== all tests passed (${SECONDS}s)"
