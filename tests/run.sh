#!/usr/bin/env bash
# Install what the tests need, then run the suite twice:
#   1. on SQLite (the embedded default): everything, browser and load tests
#      included, except the test that restarts PostgreSQL;
#   2. on PostgreSQL (the scale-out path), against the server at
#      TEST_POSTGRES_URL (default: 127.0.0.1:5432, database "test"): everything
#      but the browser tests and those marked database_independent (they
#      would only repeat phase 1 with another database), the PostgreSQL
#      restart test included.
# Both phases run even if the first fails; a summary line per phase is printed
# at the end, and the exit status is non-zero if either failed. Extra arguments
# go to pytest in both phases (a -m of yours replaces the phase's own).
# Browser tests use Debian's Chromium; Playwright never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
# The accessibility and HTML checks use two npm packages pinned in
# tests/package-lock.json (axe-core, injected by Playwright; vnu-jar, the Nu
# HTML checker, which needs Java): Debian's packages only when a tool is missing.
missing=()
command -v npm >/dev/null || missing+=(npm)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; we use the system's.
(cd tests && npm ci --ignore-scripts --no-audit --no-fund --silent)
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"

# phase NAME PYTEST-ARGS...: runs pytest, records "NAME: passed|FAILED (exit N)|no tests selected (N s)".
summary=()
failed=0
phase() {
  local name=$1 started=$SECONDS status=0
  shift
  echo "== $name =="
  .venv/bin/pytest "$@" || status=$?
  local seconds=$((SECONDS - started)) result
  case $status in
    0) result="passed" ;;
    5) result="no tests selected" ;;  # e.g. -k picked only browser tests: not a failure
    *) result="FAILED (pytest exit $status)"; failed=1 ;;
  esac
  summary+=("$name: $result in ${seconds} s")
}

phase "SQLite (all but restarts_service)" -m "not restarts_service" "$@"
TEST_DATABASE_URL="${TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}" \
  phase "PostgreSQL (all but browser and database_independent)" -m "not browser and not database_independent" "$@"

echo "== summary =="
printf '%s\n' "${summary[@]}"
exit $failed
