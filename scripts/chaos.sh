#!/usr/bin/env bash
# The fault-injection suite: what the independent testers did to the platform, rerunnable by anyone. It runs in a
# private network namespace of its own (like ci-local.sh), with its own Fabric network, PostgreSQL and API:
#   race       two spends of each of many tokens at once: exactly one winner per token
#   api-kill   kill -9 of the API at random moments during a keyed write stream whose client retries each key
#   <process>  kill -9 and restart of each peer, chaincode server, orderer (the Raft leader with --orderers 3),
#              a CA and PostgreSQL, each under a keyed write stream
#   steady     a 5-minute steady write stream, with the resident memory of every process at its start and end
# then the read-model consistency check and a rebuild from block 0. Each experiment prints requests sent,
# acknowledged, lost and duplicated, the status codes seen, the slowest request, the longest gap without a success
# and the recovery time (from the end of the restart to the next success); a stream goes on at least 15 s after its
# restart. The load driver is scripts/chaos/driver.ts, on the typed client of platform-web.
#
#   scripts/chaos.sh [--quick] [--here] [--orderers 1|3] [--tokens N] [--only E,...]
#     --quick     about 2 minutes, for scripts/test.sh: 30 raced tokens (the full suite races 500), one API kill
#                 and one peer kill under short streams, no steady load
#     --here      use the network, database and shell of the caller instead of a new namespace
#     --tokens N  how many tokens are raced (500 by default, 30 with --quick)
#     --only E    run only these experiments (then the consistency check): race, api, a process name
#                 (peer0.core, chaincode.bank, ca.core, postgres, ...), orderer, steady
#
# Gate (exit status 1): a lost or duplicated acknowledged write, a raced token without exactly one winner, a 500,
# a request over 30 s, a recovery of 30 s or more, or a read model that differs from the ledger after the faults
# or after a rebuild from block 0. Memory at the start and end of the steady load is printed; results go to
# target/chaos/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"

quick=false here=false orderers=1 tokens="" only=""
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=true; shift ;;
    --here) here=true; shift ;;
    --orderers) orderers=${2:?}; shift 2 ;;
    --tokens) tokens=${2:?}; shift 2 ;;
    --only) only=${2:?}; shift 2 ;;
    *) sed -n '14,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[ -n "$tokens" ] || { $quick && tokens=30 || tokens=500; }

# ---- a namespace of its own (the same set-up as ci-local.sh), then this script again inside it ----
if ! $here && [ -z "${SCF_CHAOS_NS:-}" ]; then
  [ "$(id -u)" -eq 0 ] || die "needs root for ip netns (or run with --here)"
  command -v ip >/dev/null || apt_install iproute2
  ns=scf-chaos-$$
  # shellcheck disable=SC2317  # run by the EXIT trap
  leave() {
    ip netns exec "$ns" bash -c "cd '$SCF_ROOT' && scripts/api.sh stop --name chaos-api >/dev/null 2>&1; \
      scripts/network.sh down >/dev/null 2>&1; scripts/postgres.sh stop >/dev/null 2>&1" || true
    ip netns del "$ns" 2>/dev/null || true
  }
  trap leave EXIT
  ip netns add "$ns"
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" ip link add scfv0 type veth peer name scfv1
  ip netns exec "$ns" ip addr add 169.254.77.1/32 dev scfv0
  ip netns exec "$ns" ip link set scfv0 up
  log "Chaos suite in network namespace $ns"
  args=(--tokens "$tokens" --orderers "$orderers"); $quick && args+=(--quick); [ -z "$only" ] || args+=(--only "$only")
  ip netns exec "$ns" env SCF_CHAOS_NS="$ns" bash "$0" "${args[@]}"
  exit $?
fi

OUT="$SCF_ROOT/target/chaos"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
PORT="${SCF_CHAOS_API_PORT:-18280}"
export SCF_API_URL="http://127.0.0.1:$PORT"
export SCF_ADMIN_USERNAME="${SCF_ADMIN_USERNAME:-chaos-admin}"
export SCF_ADMIN_PASSWORD="${SCF_ADMIN_PASSWORD:-chaos-admin-password-for-tests-only}"
TSX="$SCF_ROOT/platform-web/node_modules/.bin/tsx"
[ -x "$TSX" ] || die "no $TSX: run npm ci in platform-web first"
driver() { "$TSX" "$SCF_ROOT/scripts/chaos/driver.ts" "$@"; }
PIDS="$SCF_ROOT/fabric-network/.run/pids"
PG_PID_FILE="${SCF_PG_DIR:-$SCF_ROOT/.run/postgres}/data/postmaster.pid"

# ---- what the suite needs: a network, PostgreSQL and its own API ----
started_network=false
if ! scripts/network.sh status >/dev/null 2>&1; then
  scripts/network.sh up --orderers "$orderers"; started_network=true
fi
scripts/postgres.sh status >/dev/null 2>&1 || scripts/postgres.sh start
api_start() {
  SCF_DB_URL="${SCF_DB_URL:-$(scripts/postgres.sh url)}" scripts/api.sh start --name chaos-api --port "$PORT" --timeout "${SCF_CHAOS_API_START_TIMEOUT:-240}" >/dev/null
}
# shellcheck disable=SC2317  # run by the EXIT trap
finish() {
  local rc=$?
  rm -f "$OUT/stop"
  scripts/api.sh stop --name chaos-api >/dev/null 2>&1 || true
  if $started_network && [ -n "${SCF_CHAOS_NS:-}" ]; then scripts/network.sh down >/dev/null 2>&1 || true; fi
  exit $rc
}
trap finish EXIT
api_start

rss_mib() { local pid=$1; echo $(( $(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || echo 0) / 1024 )); }
api_pid() { cat "$SCF_ROOT/.run/chaos-api.pid"; }
pid_of() {
  case $1 in
    api) api_pid ;;
    postgres) head -1 "$PG_PID_FILE" ;;
    *) cat "$PIDS/$1.pid" ;;
  esac
}
# Restarts a killed process; a restart that is slow or fails is reported, and the suite goes on (what it broke
# shows in the streams and the consistency check). Network processes get up to 180 s to be healthy again.
restart() {
  case $1 in
    api) api_start || step "the API did not come back: $(tail -3 "$SCF_ROOT/.run/chaos-api.log")" ;;
    postgres) scripts/postgres.sh start >/dev/null || step "PostgreSQL did not come back" ;;
    *)
      scripts/network.sh start >/dev/null 2>&1 || true
      local waited=0
      until scripts/network.sh status >/dev/null 2>&1 || [ $waited -ge 180 ]; do
        sleep 5; waited=$((waited + 5)); scripts/network.sh start >/dev/null 2>&1 || true
      done
      scripts/network.sh status >/dev/null 2>&1 || step "$1 is not healthy again after ${waited}s" ;;
  esac
}
# The orderer that leads the Raft cluster now (its operations endpoint's consensus_etcdraft_is_leader is 1).
raft_leader() {
  local n
  for n in $(seq 1 "$orderers"); do
    # operations endpoints speak TLS with client certificates: network.sh presents the organisation admin's
    if scripts/network.sh ops "orderer$n" /metrics 2>/dev/null \
        | grep -q '^consensus_etcdraft_is_leader{[^}]*} 1'; then echo "orderer$n"; return; fi
  done
  echo orderer1
}

# One experiment: a keyed write stream for SECONDS; after a random 5-15 s (3-7 s with --quick) the TARGET is killed
# with SIGKILL and restarted at once; the restart's duration is printed and its end given to the driver, which
# measures the recovery from there. The stream ends SECONDS after it started, but not before 15 s after the last
# restart (a restart on a loaded machine may take longer than the stream was meant to).
under_stream() {
  local label=$1 target=$2 seconds=$3 kills=${4:-1} pid t0 started
  started=$(now)
  rm -f "$OUT/stop" "$OUT/$label.restarts"
  SCF_CHAOS_STOP="$OUT/stop" SCF_CHAOS_RESTARTS="$OUT/$label.restarts" \
    driver stream "$OUT/cast.json" $(( seconds + 900 )) "$label" >"$OUT/$label.json" &
  local stream=$!
  for _ in $(seq 1 "$kills"); do
    if $quick; then sleep $(( 3 + RANDOM % 5 )); else sleep $(( 5 + RANDOM % 11 )); fi
    [ "$target" = leader ] && target=$(raft_leader)
    pid=$(pid_of "$target") || { step "$label: no pid for $target"; continue; }
    kill -KILL "$pid" 2>/dev/null || true
    t0=$(now)
    # A process with many threads takes a moment to die; started before it is gone, network.sh would take it for
    # running and wait for its health in vain.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    restart "$target"
    date +%s%3N >>"$OUT/$label.restarts"
    step "$label: kill -9 $target (pid $pid), restarted in $(( $(now) - t0 ))s"
  done
  local until=$(( started + seconds ))
  [ "$kills" -eq 0 ] || [ $(( $(now) + 15 )) -le "$until" ] || until=$(( $(now) + 15 ))
  while [ "$(now)" -lt "$until" ] && kill -0 "$stream" 2>/dev/null; do sleep 1; done
  touch "$OUT/stop"
  wait "$stream" || die "the write stream of $label failed (see above)"
  cat "$OUT/$label.json" >>"$RESULTS"
}

log "Chaos suite ($($quick && echo quick || echo full)): API on $SCF_API_URL, results in ${OUT#"$SCF_ROOT"/}"
driver cast "$OUT/cast.json"

# An experiment runs when no --only list is given, or when the list names it.
wanted() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }

if wanted race; then
  log "Double-spend race: $tokens tokens, two spends of each at once"
  driver race "$OUT/cast.json" "$tokens" >>"$RESULTS"
fi

if wanted api; then
  log "kill -9 of the API during a keyed write stream (the client retries each key)"
  if $quick; then under_stream api-kill api 20 1; else under_stream api-kill api 240 4; fi
fi

if $quick; then
  if wanted peer0.core; then
    log "kill -9 and restart of a peer under a write stream"
    under_stream kill-peer0.core peer0.core 20
  fi
else
  for target in peer0.platform peer0.bank peer0.core chaincode.platform chaincode.bank chaincode.core ca.core postgres; do
    if wanted "$target"; then
      log "kill -9 and restart of $target under a write stream"
      under_stream "kill-$target" "$target" 45
    fi
  done
  if wanted orderer; then
    log "kill -9 and restart of the ordering service under a write stream"
    if [ "$orderers" -gt 1 ]; then under_stream kill-raft-leader leader 45; else under_stream kill-orderer1 orderer1 45; fi
  fi

  if wanted steady; then
    log "Steady mixed load for 5 minutes: resident memory (MiB) at start and end"
    names=(api postgres orderer1 peer0.platform peer0.bank peer0.core chaincode.platform chaincode.bank chaincode.core)
    declare -A before
    for n in "${names[@]}"; do before[$n]=$(rss_mib "$(pid_of "$n")"); done
    under_stream steady none 300 0
    for n in "${names[@]}"; do step "$(printf '%-20s %6s -> %6s MiB' "$n" "${before[$n]}" "$(rss_mib "$(pid_of "$n")")")"; done
  fi
fi

log "Read model against the ledger, then a rebuild from block 0"
driver check "$OUT/cast.json" >>"$RESULTS"

# ---- the gate: what holds today; the other goals are reported ----
log "Results"
driver gate "$RESULTS"
