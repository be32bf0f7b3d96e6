#!/usr/bin/env bash
# The platform API (platform-api/target/platform-api.jar, serving the web build in platform-web/dist) as a
# background process on 127.0.0.1. The one place that starts, waits for and stops it: up.sh, test.sh and down.sh
# call it.
#
#   scripts/api.sh start [--name N] [--port P] [--timeout S] [-- ARG...]
#       starts the jar (restarting the instance N started before) and returns once /actuator/health answers UP;
#       fails after S seconds (120), or at once when the process exits, pointing at its log. ARGs go to the API.
#   scripts/api.sh stop [--name N]      stops it: SIGTERM (graceful), SIGKILL after 30 s
#   scripts/api.sh status [--name N]    says whether it runs and is healthy: exit 0 healthy, 1 unhealthy,
#                                       3 not running
#
# An instance's run files are .run/N.pid, .run/N.port and .run/N.log (appended to); N is `api` by default.
# Environment: SCF_API_PORT (8080), SCF_API_JAR (platform-api/target/platform-api.jar), SCF_API_HEAP (512m), and
# whatever the API itself reads (SCF_DB_URL, SCF_ADMIN_USERNAME, ...: docs/platform-api.md).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

RUN_DIR="$SCF_ROOT/.run"
STOP_GRACE_SECONDS=30   # Spring's graceful shutdown waits at most 30 s per phase

name=api
port="${SCF_API_PORT:-8080}"
timeout=120
api_args=()

usage() { sed -n '6,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

parse_options() {
  while [ $# -gt 0 ]; do
    case $1 in
      --name) name=${2:?--name needs a value}; shift 2 ;;
      --port) port=${2:?--port needs a value}; shift 2 ;;
      --timeout) timeout=${2:?--timeout needs a value}; shift 2 ;;
      --) shift; api_args=("$@"); return ;;
      *) usage ;;
    esac
  done
}

pid_file()  { echo "$RUN_DIR/$name.pid"; }
port_file() { echo "$RUN_DIR/$name.port"; }
log_file()  { echo "$RUN_DIR/$name.log"; }
# The log as the messages name it: relative to the repository root when it is under it.
log_shown() { local f; f=$(log_file); echo "${f#"$SCF_ROOT"/}"; }

running_pid() {
  local pid
  pid=$(cat "$(pid_file)" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# The port the running instance was started on (an instance started before .port files existed: the default).
running_port() { cat "$(port_file)" 2>/dev/null || echo "$port"; }

healthy() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1; }

# True when something accepts TCP connections on the port (an API or anything else).
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Why a start failed, when the log says something more useful than "see the log".
explain_failure() {
  local since=$1 out
  out=$(tail -c "+$((since + 1))" "$(log_file)" 2>/dev/null || true)
  if grep -q -E 'FlywayValidateException|Validate failed: Migrations have failed validation' <<<"$out"; then
    warn "the database's schema history is not this build's: it was made by the migrations before they were squashed into V1__schema.sql (docs/operations.md, \"Database migrations\")."
    warn "Start afresh with scripts/down.sh --purge, then scripts/up.sh (this deletes the ledgers and the database), or keep the data by rewriting the history as that section shows."
  elif grep -q -E 'Connection to [^ ]+ refused|PSQLException' <<<"$out"; then
    warn "the API cannot reach its database (SCF_DB_URL); is it running? scripts/postgres.sh status"
  fi
}

cmd_start() {
  local jar="${SCF_API_JAR:-$SCF_ROOT/platform-api/target/platform-api.jar}" pid
  [ -f "$jar" ] || die "no API jar at $jar: build it first (mvn -B -q package -DskipTests)"
  if pid=$(running_pid); then
    log "Restarting the platform API (pid $pid) with the new build"
    stop_pid "$pid"
  fi
  ! listening "$port" || die "port $port is already in use"

  mkdir -p "$RUN_DIR"
  local log since
  log=$(log_file)
  since=$(stat -c %s "$log" 2>/dev/null || echo 0)
  log "Starting the platform API on 127.0.0.1:$port (log: $(log_shown))"
  # setsid: the API outlives the terminal and a Ctrl-C of the script that started it; `stop` ends it.
  # A revoked certificate reaches the channel through the local network's config-update flow (network.sh
  # publish-crl collects the organisation admins' signatures); elsewhere SCF_CRL_PUBLISH_COMMAND says how.
  SCF_CRL_PUBLISH_COMMAND="${SCF_CRL_PUBLISH_COMMAND:-$SCF_ROOT/scripts/network.sh publish-crl --org {org}}" \
    setsid java "-Xmx${SCF_API_HEAP:-512m}" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --scf.web.dist="$SCF_ROOT/platform-web/dist" "${api_args[@]}" >>"$log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" > "$(pid_file)"
  echo "$port" > "$(port_file)"

  local started deadline
  started=$(now); deadline=$(( started + timeout ))
  until healthy "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(pid_file)" "$(port_file)"
      explain_failure "$since"
      die "the API exited during start-up; see $(log_shown)"
    fi
    [ "$(now)" -lt "$deadline" ] || die "the API did not become healthy within ${timeout}s; see $(log_shown)"
    sleep 1
  done
  step "healthy in $(( $(now) - started ))s (pid $pid)"
}

stop_pid() {
  local pid=$1 waited=0
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt $(( STOP_GRACE_SECONDS * 5 )) ]; do
    sleep 0.2; waited=$(( waited + 1 ))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "the API (pid $pid) did not stop within ${STOP_GRACE_SECONDS}s; killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
}

cmd_stop() {
  local pid
  if pid=$(running_pid); then
    log "Stopping the platform API (pid $pid)"
    stop_pid "$pid"
  fi
  rm -f "$(pid_file)" "$(port_file)"
}

cmd_status() {
  local pid p
  if ! pid=$(running_pid); then
    echo "platform API ($name): not running"
    return 3
  fi
  p=$(running_port)
  if healthy "$p"; then
    echo "platform API ($name): running, healthy, pid $pid, http://127.0.0.1:$p/ (log: $(log_shown))"
  else
    echo "platform API ($name): running but not healthy, pid $pid, http://127.0.0.1:$p/actuator/health (log: $(log_shown))"
    return 1
  fi
}

main() {
  local cmd=${1:-}; shift || true
  parse_options "$@"
  case $cmd in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) usage ;;
  esac
}

main "$@"
