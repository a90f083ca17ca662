#!/usr/bin/env bash
# Runs every test: type check and lint, unit tests, database tests on SQLite and on a real
# PostgreSQL server started here on loopback, and browser tests in Debian's Chromium.
# Installs what is missing first (npm packages; Debian chromium, CJK fonts, postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=${TZ:-Asia/Shanghai}
export npm_config_nodedir=${npm_config_nodedir:-/usr}

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need_apt+=(fonts-noto-cjk)  # not grep -q: with pipefail, fc-list's SIGPIPE would fail the check
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then need_apt+=(postgresql); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  step "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "type check and lint"
npx tsc --noEmit
npx biome check .

step "module boundaries (dependency-cruiser: no cycles, no reach into another module's internals)"
npm run --silent depcruise

step "unit tests"
npx vitest run --project unit

step "database and HTTP tests on SQLite"
TEST_DB=sqlite npx vitest run --project db

step "database and HTTP tests on PostgreSQL"
PG_DIR=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
trap 'scripts/pg-test-server.sh stop "$PG_DIR"' EXIT
TEST_PG_URL=$(scripts/pg-test-server.sh start "$PG_DIR")
export TEST_PG_URL
TEST_DB=postgres npx vitest run --project db

step "browser tests (Chromium + axe-core)"
npx vitest run --project e2e

step "all tests passed"
