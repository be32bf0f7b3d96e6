#!/usr/bin/env bash
# Stops what scripts/up.sh started: the API, PostgreSQL and the Fabric network.
#   scripts/down.sh          stop, keep ledgers and database (scripts/up.sh resumes)
#   scripts/down.sh --purge  also remove all ledger and database state
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"

if [ -f .run/api.pid ]; then
  pid=$(cat .run/api.pid)
  if kill -0 "$pid" 2>/dev/null; then
    log "Stopping the platform API (pid $pid)"
    kill "$pid"; for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f .run/api.pid
fi
if [ "${1:-}" = "--purge" ]; then
  scripts/postgres.sh down
  scripts/network.sh down
else
  scripts/postgres.sh stop
  scripts/network.sh stop
fi
