#!/usr/bin/env bash
# Runs every test of the project:
#   1. unit tests of every module (and the chaincode's coverage gate), building the jars; shellcheck on scripts/;
#   2. brings up what integration tests need when it is not running: the real Fabric network
#      (scripts/network.sh) with the freshly built chaincode, and the real PostgreSQL server
#      (scripts/postgres.sh);
#   3. integration tests (*IntegrationTest) against them; the web UI's build and component tests (Vitest, run
#      beside the unit tests of step 1) before them and its end-to-end story in Chromium (against the API serving
#      the UI) after them; then schemathesis against that API as every role (scripts/fuzz-api.sh,
#      SCF_FUZZ_SECONDS, 180 by default), and the quick mode of the fault-injection suite (scripts/chaos.sh --quick
#      --here, about 2 minutes);
#   4. stops what it started (a network it created is removed; one that was running stays).
# Exit status is non-zero when any test fails.
#
# Environment: SCF_NETWORK_ENV=<path of a network.env> runs against that already running network instead;
# SCF_PG_PORT moves the test database (scripts/postgres.sh); SCF_TEST_JDBC_URL points the integration tests elsewhere.
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

# ---- web UI: unit tests and production build (platform-web), beside the Maven build ----
# Neither needs the other (the API serves platform-web/dist from the file system at run time), and each leaves a
# core idle much of the time, so they run at once; the web phase's output is shown when the Maven build is done.
source "$(dirname "$0")/lib/web.sh"
ensure_node
web_log="$(mktemp)"
(
  set -e
  web_install
  web_build
  cd platform-web
  npm test --silent
  npm run --silent typecheck:scripts
  npm run --silent test:node-client
) >"$web_log" 2>&1 &
web_pid=$!
trap 'rc=$?; kill "$web_pid" 2>/dev/null || true; rm -f "$web_log"; (exit $rc); cleanup' EXIT

log "Unit tests and build (mvn package)"
"${MVN[@]}" package

log "Web UI: npm ci, build, component tests; type check of the e2e story and the demo seed, tests of their API client"
web_rc=0
wait "$web_pid" || web_rc=$?
cat "$web_log"
[ "$web_rc" -eq 0 ] || die "the web UI's build or tests failed (exit $web_rc)"

log "Static check of the scripts (shellcheck, settings in scripts/.shellcheckrc)"
apt_install shellcheck
shellcheck -x scripts/*.sh scripts/lib/*.sh

# The database the API's integration tests use is the one scripts/postgres.sh serves (it follows SCF_PG_PORT).
export SCF_TEST_JDBC_URL="${SCF_TEST_JDBC_URL:-$(scripts/postgres.sh url)}"

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

log "Integration tests against the real network and database (mvn verify -DskipUnitTests)"
"${MVN[@]}" verify -DskipUnitTests=true

# ---- web UI: end-to-end story in Chromium against the API serving the build ----
log "Web UI end-to-end tests (Chromium, API on 127.0.0.1:18080)"
ensure_chromium
E2E_PORT=18080
trap 'rc=$?; rm -f "$web_log"; scripts/api.sh stop --name e2e-api >/dev/null 2>&1 || true; (exit $rc); cleanup' EXIT
export SCF_E2E_ADMIN_USERNAME="${SCF_E2E_ADMIN_USERNAME:-e2e-admin}"
export SCF_E2E_ADMIN_PASSWORD="${SCF_E2E_ADMIN_PASSWORD:-e2e-admin-password-for-tests-only}"
SCF_ADMIN_USERNAME="$SCF_E2E_ADMIN_USERNAME" SCF_ADMIN_PASSWORD="$SCF_E2E_ADMIN_PASSWORD" \
  SCF_DB_URL="${SCF_DB_URL:-$(scripts/postgres.sh url)}" \
  scripts/api.sh start --name e2e-api --port "$E2E_PORT" --timeout 180
(cd platform-web && SCF_BASE_URL="http://127.0.0.1:$E2E_PORT" npm run --silent e2e)

# ---- schemathesis: every operation of the served OpenAPI document, as every kind of caller ----
log "Schemathesis against the live API as every role (gate: no 5xx, every 4xx a problem+json)"
SCF_ADMIN_USERNAME="$SCF_E2E_ADMIN_USERNAME" SCF_ADMIN_PASSWORD="$SCF_E2E_ADMIN_PASSWORD" \
  scripts/fuzz-api.sh run --url "http://127.0.0.1:$E2E_PORT" --seconds "${SCF_FUZZ_SECONDS:-180}"
scripts/api.sh stop --name e2e-api
step "screenshots: platform-web/test-output/screenshots/"

# ---- faults: the quick mode of the fault-injection suite (it kills and restarts processes of this network) ----
if [ "$network_was" = external ]; then
  log "Fault-injection suite skipped: the network of $SCF_NETWORK_ENV is not this run's to kill"
else
  log "Fault-injection suite, quick mode (scripts/chaos.sh --quick --here)"
  SCF_ADMIN_USERNAME="$SCF_E2E_ADMIN_USERNAME" SCF_ADMIN_PASSWORD="$SCF_E2E_ADMIN_PASSWORD" \
    SCF_DB_URL="${SCF_DB_URL:-$(scripts/postgres.sh url)}" scripts/chaos.sh --quick --here
fi
