#!/usr/bin/env bash
# Stops what scripts/up.sh started: the API, PostgreSQL and the Fabric network.
#   scripts/down.sh          stop, keep ledgers and database (scripts/up.sh resumes)
#   scripts/down.sh --purge  also remove all ledger and database state, and what only made sense with them: the demo's
#                            SoftHSM2 tokens and logins (.run/softhsm, .run/demo-logins.txt), bench-scale's state
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"

scripts/api.sh stop
if [ "${1:-}" = "--purge" ]; then
  scripts/postgres.sh down
  scripts/network.sh down
  rm -rf .run/softhsm .run/demo-logins.txt .run/bench-scale
else
  scripts/postgres.sh stop
  scripts/network.sh stop
fi
