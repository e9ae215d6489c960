#!/usr/bin/env bash
# Install what the tests need, then run the whole suite: once on SQLite (the
# embedded default) and once on PostgreSQL (the scale-out path), against the
# server at TEST_POSTGRES_URL (default: 127.0.0.1:5432, database "test").
# Extra arguments go to pytest. Browser tests use Debian's Chromium;
# Playwright never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"

echo "== SQLite =="
.venv/bin/pytest "$@"
echo "== PostgreSQL =="
TEST_DATABASE_URL="${TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}" .venv/bin/pytest "$@"
