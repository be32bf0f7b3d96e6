#!/usr/bin/env bash
# Scale curves: grows the ledger through real transactions (payables registered, accepted and split ten ways, twice)
# to each size in turn, and at each size measures, through the REST API:
#   - SplitTransfer throughput, p50 and p99 (BENCH_SCALE_SPLITS splits of 2 outputs at BENCH_SCALE_CONCURRENCY);
#   - reads, p50 and p99: a holder's token list with filters and a sort, a payable with its token tree, a bank's
#     exposure and its queue, an auditor's list of every token;
#   - the read-model rebuild from block 0 and the full consistency check (seconds each);
#   - the peers' disk (their ledger folders) and memory (RSS of the peer processes).
# Then it prints one table and one `SUMMARY bench=scale size=...` line per size.
#
#   scripts/bench-scale.sh [--sizes 1000,10000,100000] [--dir DIR] [--step-seconds S] [--fresh]
#   scripts/bench-scale.sh --probe 1000,10000,100000
#
# --probe grows nothing: it runs the token lists' SQL with EXPLAIN ANALYZE on synthetic read models of those sizes
# (scripts/bench-scale/read-model-probe.sql, in a scratch schema) and prints each query's plan and execution time.
#
# The state (the enterprises, how far the ledger has grown, the figures of each size) is kept in DIR
# (.run/bench-scale): run the script again and it resumes where it stopped, measuring only the sizes it has no
# figures for. Growing to one size is bounded by --step-seconds (3600): past it the script stops and says so.
# --fresh forgets the state (the ledger keeps what was written). The API runs as its own instance (scripts/api.sh
# --name bench-scale-api, on SCF_BENCH_SCALE_PORT, 18380) in the schema bench_scale of scripts/postgres.sh's
# database, on the running network. It prints figures; it asserts nothing.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$SCF_ROOT"

sizes=1000,10000,100000
dir="$SCF_ROOT/.run/bench-scale"
step_seconds=3600
fresh=false
probe=
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=${2:?}; shift 2 ;;
    --dir) dir=${2:?}; shift 2 ;;
    --step-seconds) step_seconds=${2:?}; shift 2 ;;
    --fresh) fresh=true; shift ;;
    --probe) probe=${2:?}; shift 2 ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done

scripts/network.sh status >/dev/null 2>&1 || die "the Fabric network is not running (scripts/network.sh up)"
scripts/postgres.sh status >/dev/null 2>&1 || die "PostgreSQL is not running (scripts/postgres.sh start)"
TSX="$SCF_ROOT/platform-web/node_modules/.bin/tsx"
[ -x "$TSX" ] || die "no $TSX: run npm ci in platform-web first"

mkdir -p "$dir"
state="$dir/state.json"
results="$dir/results.jsonl"
if $fresh; then rm -f "$state" "$results"; fi
touch "$results"

PORT="${SCF_BENCH_SCALE_PORT:-18380}"
export SCF_API_URL="http://127.0.0.1:$PORT"
export SCF_ADMIN_USERNAME="${SCF_ADMIN_USERNAME:-scale-admin}"
export SCF_ADMIN_PASSWORD="${SCF_ADMIN_PASSWORD:-scale-admin-password-for-benchmarks-only}"
export SCF_DB_URL="${SCF_DB_URL:-$(scripts/postgres.sh url)}"
# the key that wraps the enterprises' ledger keys in the database: kept with the state, so a resumed run can sign
key_file="$dir/key-encryption-key"
[ -s "$key_file" ] || head -c 32 /dev/urandom | base64 > "$key_file"
driver() { "$TSX" "$SCF_ROOT/scripts/bench-scale/driver.ts" "$@"; }

log "Starting the API (instance bench-scale-api, port $PORT, schema bench_scale)"
trap 'scripts/api.sh stop --name bench-scale-api >/dev/null 2>&1 || true' EXIT
scripts/api.sh start --name bench-scale-api --port "$PORT" --timeout 600 -- \
  --spring.flyway.schemas=bench_scale --spring.datasource.hikari.schema=bench_scale \
  --spring.datasource.hikari.maximum-pool-size=40 \
  --scf.identity.key-encryption-key="$(cat "$key_file")" --scf.identity.create-key-file=false >/dev/null

if [ -n "$probe" ]; then
  [[ $SCF_DB_URL =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/([^?]+) ]] || die "cannot read host, port and database from $SCF_DB_URL"
  psql_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)
  IFS=, read -r -a probe_sizes <<<"$probe"
  for n in "${probe_sizes[@]}"; do
    log "Read-model probe at $n tokens (EXPLAIN ANALYZE; plans in $dir/probe-$n.txt)"
    PGPASSWORD="${SCF_DB_PASSWORD:-scf}" "$psql_bin" -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U "${SCF_DB_USER:-scf}" \
      -d "${BASH_REMATCH[3]}" -q -v n="$n" -v src=bench_scale -f scripts/bench-scale/read-model-probe.sql > "$dir/probe-$n.txt"
    grep -E '^== |Execution Time' "$dir/probe-$n.txt" | sed 's/^ */    /'
    times=$(grep -o 'Execution Time: [0-9.]*' "$dir/probe-$n.txt" | awk '{ printf "%s%s", sep, $3; sep="," }')
    echo "SUMMARY bench=scale-probe size=$n execution_ms=$times (holder page,holder count,auditor page,auditor count,payable tree)"
  done
  exit 0
fi

# The peers' ledger folders (MiB) and the peer processes' resident memory (MiB), summed over the organisations.
peer_disk_mib() { du -sm fabric-network/.run/data/peer0.* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
peer_rss_mib() {
  local total=0 pid
  for f in fabric-network/.run/pids/peer0.*.pid; do
    pid=$(cat "$f" 2>/dev/null) || continue
    total=$(( total + $(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || echo 0) ))
  done
  echo $(( total / 1024 ))
}

IFS=, read -r -a targets <<<"$sizes"
for size in "${targets[@]}"; do
  if grep -q "\"size\":${size}[,}]" "$results"; then
    step "size $size: measured before (in $results)"; continue
  fi
  log "Growing the ledger to $size tokens (at most ${step_seconds}s)"
  t0=$(now)
  rc=0; driver grow "$state" "$size" "$step_seconds" || rc=$?
  if [ $rc -eq 3 ]; then warn "size $size not reached within ${step_seconds}s: run again to resume"; break; fi
  [ $rc -eq 0 ] || die "growing to $size failed (see above); run again to resume"
  step "grown in $(( $(now) - t0 ))s"
  log "Measuring at $size tokens"
  figures=$(driver measure "$state")
  echo "{\"size\":$size,\"peerDiskMiB\":$(peer_disk_mib),\"peerRssMiB\":$(peer_rss_mib),\"measuredAt\":\"$(date -u +%FT%TZ)\",\"figures\":$figures}" >> "$results"
done

log "Scale table ($(nproc) cores; figures from $results)"
driver table "$results"
