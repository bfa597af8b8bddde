#!/usr/bin/env bash
# Makes sure the tools diplograph's local Neo4j and tests need are present:
# Go (1.26+), Java 17 or 21, and Maven; with --e2e also Debian's Chromium
# and playwright-core (npm, scripts/e2e) for the Neo4j Browser test. On
# Debian/Ubuntu as root, missing packages are installed with apt-get;
# otherwise the script says what to install and fails.
set -euo pipefail

need_apt=()
if ! command -v go >/dev/null 2>&1; then
  echo "prereqs: Go is missing: install Go 1.26 or newer (https://go.dev/dl/)" >&2
  exit 1
fi
java_ok=false
if command -v java >/dev/null 2>&1; then
  major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  if [ -n "$major" ] && [ "$major" -ge 17 ]; then java_ok=true; fi
fi
$java_ok || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if [ "${1:-}" = "--e2e" ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: installing ${need_apt[*]} with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "prereqs: missing ${need_apt[*]}: install them (Debian/Ubuntu: sudo apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
fi

if [ "${1:-}" = "--e2e" ] && [ ! -d "$(dirname "$0")/e2e/node_modules/playwright-core" ]; then
  echo "prereqs: installing playwright-core into scripts/e2e (npm ci)" >&2
  (cd "$(dirname "$0")/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
