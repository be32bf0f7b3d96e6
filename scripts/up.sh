#!/usr/bin/env bash
# Starts the whole platform locally and prints where to open it:
#   prerequisites (Debian packages, Fabric binaries) -> build -> Fabric network -> PostgreSQL -> API + web UI.
# A second run reuses what is there. scripts/down.sh stops everything.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/prereqs.sh"
cd "$SCF_ROOT"
t0=$(now)

API_PORT="${SCF_API_PORT:-8080}"
# The bootstrap platform admin (created at the API's first start) and the demo seed's login.
export SCF_ADMIN_USERNAME="${SCF_ADMIN_USERNAME:-admin}"
export SCF_ADMIN_PASSWORD="${SCF_ADMIN_PASSWORD:-scf-demo-pass}"
DEMO_LOGINS="$SCF_ROOT/.run/demo-logins.txt"

ensure_prereqs

log "Building (mvn package, tests skipped: scripts/test.sh runs them)"
mvn -B -q --no-transfer-progress package -DskipTests

if scripts/network.sh status >/dev/null 2>&1; then
  log "Fabric network already running"
  scripts/network.sh deploy
elif [ -f fabric-network/.run/network.env ]; then
  scripts/network.sh start
  scripts/network.sh deploy
else
  scripts/network.sh up
fi

scripts/postgres.sh start

# ---- web UI: the production build the API serves at / ----
source "$(dirname "$0")/lib/web.sh"
log "Building the web UI (platform-web/dist)"
ensure_node
web_install
web_build

api_jar="$SCF_ROOT/platform-api/target/platform-api.jar"
SCF_API_JAR="$api_jar" scripts/api.sh start --port "$API_PORT"

# ---- demo data: seeded through the public API once; a second run finds it there. SCF_SEED_DEMO=0 skips it ----
seed_failed=""
if [ -n "$api_jar" ] && [ "${SCF_SEED_DEMO:-1}" != 0 ]; then
  log "Seeding the demo through the API (scripts/seed-demo.ts)"
  ts=$(now)
  if SCF_DEMO_LOGINS_FILE="$DEMO_LOGINS" "$SCF_WEB/node_modules/.bin/tsx" scripts/seed-demo.ts --no-logins "http://127.0.0.1:$API_PORT"; then
    step "demo ready in $(( $(now) - ts ))s"
  else
    seed_failed=1
    warn "the demo seed failed (see above); the platform runs without it. Retry: platform-web/node_modules/.bin/tsx scripts/seed-demo.ts http://127.0.0.1:$API_PORT"
  fi
fi

echo
scripts/network.sh status || true
echo
log "Platform up in $(( $(now) - t0 ))s"
step "Web UI and API:  http://127.0.0.1:$API_PORT/"
step "OpenAPI:         http://127.0.0.1:$API_PORT/swagger-ui/index.html"
step "Ledger settings: fabric-network/.run/network.env"
step "Stop everything: scripts/down.sh"
if [ -n "$api_jar" ] && [ -z "$seed_failed" ] && [ -f "$DEMO_LOGINS" ] && [ "${SCF_SEED_DEMO:-1}" != 0 ]; then
  echo
  sed 's/^/    /' "$DEMO_LOGINS"
  step "(saved in .run/demo-logins.txt)"
  step "Signing client:  java -jar signing-client/target/scf-signing-client.jar (SoftHSM2 tokens of the SELF systems: .run/softhsm/)"
elif [ -n "$api_jar" ]; then
  step "Platform admin:  $SCF_ADMIN_USERNAME / $SCF_ADMIN_PASSWORD"
fi
[ -z "$seed_failed" ] || exit 1
