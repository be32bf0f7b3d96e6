#!/usr/bin/env bash
# A private PostgreSQL cluster for the platform API and its integration tests.
#
#   scripts/postgres.sh start    install Debian's postgresql when missing, init the cluster once,
#                                start it on 127.0.0.1:$SCF_PG_PORT, create role and database scf
#   scripts/postgres.sh stop     stop the server (data kept)
#   scripts/postgres.sh status   say whether it runs and accepts connections
#   scripts/postgres.sh down     stop the server and delete its data directory
#
# The cluster lives in .run/postgres under the repository (gitignored). initdb refuses to run
# as root, so as root the server runs as the `postgres` OS user (created by the Debian package).
# Every step is idempotent: `start` on a running server only checks the role and database.
#
# Environment: SCF_PG_PORT (25432), SCF_PG_DIR (<repo>/.run/postgres), SCF_PG_USER (scf),
#              SCF_PG_PASSWORD (scf), SCF_PG_DB (scf).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${SCF_PG_PORT:-25432}"
BASE_DIR="${SCF_PG_DIR:-$REPO_ROOT/.run/postgres}"
DATA_DIR="$BASE_DIR/data"
LOG_FILE="$BASE_DIR/postgres.log"
SOCKET_DIR="$BASE_DIR/socket"
DB_USER="${SCF_PG_USER:-scf}"
DB_PASSWORD="${SCF_PG_PASSWORD:-scf}"
DB_NAME="${SCF_PG_DB:-scf}"

log() { printf '[postgres] %s\n' "$*"; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }

find_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if BIN_DIR="$(find_bin_dir)"; then return 0; fi
  [[ "$(id -u)" -eq 0 ]] || die "PostgreSQL is not installed and installing it needs root (apt-get install -y postgresql)"
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y postgresql >/dev/null; then
    log "install failed; running apt-get update and retrying"
    apt-get update >/dev/null
    apt-get install -y postgresql >/dev/null
  fi
  BIN_DIR="$(find_bin_dir)" || die "postgresql installed, but no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
  # The package may start its own cluster on 5432; ours is separate and does not need it.
}

# Run a command as the cluster's OS owner.
RUN_AS=()
choose_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    RUN_AS=(runuser -u postgres --)
    OWNER=postgres
  else
    RUN_AS=()
    OWNER="$(id -un)"
  fi
}

as_owner() { "${RUN_AS[@]}" "$@"; }

is_running() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] && as_owner "$BIN_DIR/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

accepts_connections() {
  "$BIN_DIR/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null
}

psql_admin() {
  # connect over the private unix socket as the cluster's superuser (peer/trust auth)
  as_owner "$BIN_DIR/psql" -h "$SOCKET_DIR" -p "$PORT" -U "$OWNER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

init_cluster() {
  if [[ -f "$DATA_DIR/PG_VERSION" ]]; then return 0; fi
  log "initialising a new cluster in $DATA_DIR"
  mkdir -p "$BASE_DIR"
  # every directory above the data dir must be traversable by the owner
  mkdir -p "$DATA_DIR" "$SOCKET_DIR"
  if [[ -n "${RUN_AS[*]}" ]]; then
    chown -R "$OWNER" "$BASE_DIR"
    local p="$BASE_DIR"
    while [[ "$p" != "/" ]]; do chmod o+x "$p" 2>/dev/null || true; p="$(dirname "$p")"; done
  fi
  chmod 700 "$DATA_DIR"
  as_owner "$BIN_DIR/initdb" -D "$DATA_DIR" -U "$OWNER" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || as_owner "$BIN_DIR/initdb" -D "$DATA_DIR" -U "$OWNER" --auth-local=trust --auth-host=scram-sha-256 \
         --encoding=UTF8 --no-locale >/dev/null
  cat >> "$DATA_DIR/postgresql.conf" <<CONF

# scripts/postgres.sh
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
shared_buffers = 128MB
fsync = on
log_min_messages = warning
CONF
}

start() {
  ensure_installed
  choose_user
  init_cluster
  if is_running; then
    log "already running on 127.0.0.1:$PORT"
  else
    log "starting on 127.0.0.1:$PORT (log: $LOG_FILE)"
    touch "$LOG_FILE" && { [[ -z "${RUN_AS[*]}" ]] || chown "$OWNER" "$LOG_FILE"; }
    as_owner "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -o "-p $PORT" -w -t 60 start >/dev/null \
      || { tail -n 20 "$LOG_FILE" >&2 || true; die "server did not start"; }
  fi
  local i
  for i in $(seq 1 30); do accepts_connections && break; sleep 1; done
  accepts_connections || die "server runs but does not accept connections on 127.0.0.1:$PORT"
  ensure_role_and_db
  log "ready: jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME (user $DB_USER)"
}

ensure_role_and_db() {
  local esc_pw="${DB_PASSWORD//\'/\'\'}"
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]]; then
    log "creating role $DB_USER"
    psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$esc_pw'"
  else
    psql_admin -c "ALTER ROLE \"$DB_USER\" LOGIN PASSWORD '$esc_pw'"
  fi
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]]; then
    log "creating database $DB_NAME"
    psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\""
  fi
}

stop() {
  BIN_DIR="$(find_bin_dir)" || { log "postgresql is not installed; nothing to stop"; return 0; }
  choose_user
  if is_running; then
    log "stopping"
    as_owner "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

status() {
  BIN_DIR="$(find_bin_dir)" || { log "postgresql is not installed"; return 3; }
  choose_user
  if is_running; then
    if accepts_connections; then
      log "running on 127.0.0.1:$PORT, accepting connections (data: $DATA_DIR)"
      return 0
    fi
    log "running but not accepting connections on 127.0.0.1:$PORT"
    return 1
  fi
  if [[ -f "$DATA_DIR/PG_VERSION" ]]; then log "stopped (data: $DATA_DIR)"; else log "no cluster in $DATA_DIR"; fi
  return 3
}

down() {
  stop
  if [[ -d "$BASE_DIR" ]]; then
    log "deleting $BASE_DIR"
    rm -rf "$BASE_DIR"
  fi
  log "down"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  down) down ;;
  *) echo "usage: $0 start|stop|status|down" >&2; exit 2 ;;
esac
