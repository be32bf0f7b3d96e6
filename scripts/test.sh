#!/usr/bin/env bash
# Runs every test of the project:
#   1. unit tests of every module (and the chaincode's coverage gate), building the jars;
#   2. brings up what integration tests need when it is not running: the real Fabric network
#      (scripts/network.sh) with the freshly built chaincode, and the real PostgreSQL server
#      (scripts/postgres.sh);
#   3. integration tests (*IntegrationTest) against them; the web UI's component tests (Vitest) before
#      them and its end-to-end story in Chromium (against the API serving the UI) after them;
#   4. stops what it started (a network it created is removed; one that was running stays).
# Exit status is non-zero when any test fails.
#
# Environment: SCF_NETWORK_ENV=<path of a network.env> runs against that already running network instead;
# SCF_PG_PORT (55432) moves the test database.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/prereqs.sh"
cd "$SCF_ROOT"

MVN=(mvn -B --no-transfer-progress)
network_was=""   # running | stopped | absent
postgres_started=false
t0=$(now)

cleanup() {
  local rc=$?
  if [ "$network_was" = absent ]; then scripts/network.sh down >/dev/null 2>&1 || true
  elif [ "$network_was" = stopped ]; then scripts/network.sh stop >/dev/null 2>&1 || true; fi
  if $postgres_started; then scripts/postgres.sh stop >/dev/null 2>&1 || true; fi
  if [ $rc -eq 0 ]; then log "All tests passed in $(( $(now) - t0 ))s"
  else printf '\033[1;31mTESTS FAILED\033[0m (exit %s) after %ss; logs: fabric-network/.run/logs, */target/*-reports\n' "$rc" "$(( $(now) - t0 ))" >&2; fi
  exit $rc
}
trap cleanup EXIT

ensure_prereqs

log "Unit tests and build (mvn package)"
"${MVN[@]}" package

# The database the API's integration tests use follows the PostgreSQL port.
export SCF_PG_PORT="${SCF_PG_PORT:-55432}"
export SCF_TEST_JDBC_URL="${SCF_TEST_JDBC_URL:-jdbc:postgresql://127.0.0.1:$SCF_PG_PORT/scf}"

log "Integration environment"
if [ -n "${SCF_NETWORK_ENV:-}" ]; then
  # An already running network elsewhere (e.g. another checkout's): used as it is, neither deployed to nor stopped.
  [ -f "$SCF_NETWORK_ENV" ] || die "SCF_NETWORK_ENV=$SCF_NETWORK_ENV does not exist"
  step "using the running network of $SCF_NETWORK_ENV"
  network_was=external
elif scripts/network.sh status >/dev/null 2>&1; then
  network_was=running
  scripts/network.sh deploy
elif [ -f fabric-network/.run/network.env ]; then
  network_was=stopped
  scripts/network.sh start
  scripts/network.sh deploy
else
  network_was=absent
  scripts/network.sh up
fi
if [ -x scripts/postgres.sh ]; then
  scripts/postgres.sh status >/dev/null 2>&1 || { scripts/postgres.sh start; postgres_started=true; }
fi

# ---- web UI: unit tests and production build (platform-web) ----
source "$(dirname "$0")/lib/web.sh"
log "Web UI: npm ci, build, component tests; type check of the e2e story and the demo seed, tests of their API client"
ensure_node
web_install
web_build
(cd platform-web && npm test --silent && npm run --silent typecheck:scripts && npm run --silent test:node-client)

log "Integration tests against the real network and database (mvn verify -DskipUnitTests)"
"${MVN[@]}" verify -DskipUnitTests=true

# ---- web UI: end-to-end story in Chromium against the API serving the build ----
log "Web UI end-to-end tests (Chromium, API on 127.0.0.1:18080)"
ensure_chromium
E2E_PORT=18080
E2E_LOG="$SCF_ROOT/.run/e2e-api.log"
e2e_api_pid=""
stop_e2e_api() {
  if [ -n "$e2e_api_pid" ] && kill -0 "$e2e_api_pid" 2>/dev/null; then
    kill "$e2e_api_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$e2e_api_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$e2e_api_pid" 2>/dev/null || true
  fi
}
trap 'rc=$?; stop_e2e_api; (exit $rc); cleanup' EXIT
! curl -fsS -m 2 "http://127.0.0.1:$E2E_PORT/actuator/health" >/dev/null 2>&1 || die "port $E2E_PORT is already in use"
mkdir -p .run
export SCF_E2E_ADMIN_USERNAME="${SCF_E2E_ADMIN_USERNAME:-e2e-admin}"
export SCF_E2E_ADMIN_PASSWORD="${SCF_E2E_ADMIN_PASSWORD:-e2e-admin-password-for-tests-only}"
SCF_ADMIN_USERNAME="$SCF_E2E_ADMIN_USERNAME" SCF_ADMIN_PASSWORD="$SCF_E2E_ADMIN_PASSWORD" \
  SCF_DB_URL="${SCF_DB_URL:-jdbc:postgresql://127.0.0.1:$SCF_PG_PORT/scf}" \
  java -Xmx512m -jar platform-api/target/platform-api.jar --server.port="$E2E_PORT" --server.address=127.0.0.1 \
  --scf.web.dist="$SCF_ROOT/platform-web/dist" >"$E2E_LOG" 2>&1 </dev/null &
e2e_api_pid=$!
deadline=$(( $(now) + 180 ))
until curl -fsS -m 2 "http://127.0.0.1:$E2E_PORT/actuator/health" >/dev/null 2>&1; do
  kill -0 "$e2e_api_pid" 2>/dev/null || die "the API for the end-to-end tests exited during start-up; see $E2E_LOG"
  [ "$(now)" -lt "$deadline" ] || die "the API for the end-to-end tests did not become healthy within 180s; see $E2E_LOG"
  sleep 1
done
(cd platform-web && SCF_BASE_URL="http://127.0.0.1:$E2E_PORT" npm run --silent e2e)
stop_e2e_api
step "screenshots: platform-web/test-output/screenshots/"
