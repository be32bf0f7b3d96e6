#!/usr/bin/env bash
# A private PostgreSQL cluster for the platform API and its integration tests.
#
#   scripts/postgres.sh start    install Debian's postgresql when missing, init the cluster once,
#                                start it on 127.0.0.1:$SCF_PG_PORT, create role and database scf
#   scripts/postgres.sh stop     stop the server (data kept)
#   scripts/postgres.sh status   say whether it runs and accepts connections
#   scripts/postgres.sh down     stop the server and delete its data directory
#   scripts/postgres.sh url      print the JDBC URL of the database (whether or not it runs)
#
# The cluster lives in .run/postgres under the repository (gitignored). initdb refuses to run
# as root, so as root the server runs as the `postgres` OS user (created by the Debian package).
# Every step is idempotent: `start` on a running server only checks the role and database.
#
# Environment: SCF_PG_PORT (25432, below Linux's ephemeral ports), SCF_PG_DIR (<repo>/.run/postgres),
#              SCF_PG_USER (scf), SCF_PG_PASSWORD (scf), SCF_PG_DB (scf).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

PORT="${SCF_PG_PORT:-25432}"
BASE_DIR="${SCF_PG_DIR:-$SCF_ROOT/.run/postgres}"
DATA_DIR="$BASE_DIR/data"
LOG_FILE="$BASE_DIR/postgres.log"
SOCKET_DIR="$BASE_DIR/socket"
DB_USER="${SCF_PG_USER:-scf}"
DB_PASSWORD="${SCF_PG_PASSWORD:-scf}"
DB_NAME="${SCF_PG_DB:-scf}"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME"

find_bin_dir() {
  local d
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_installed() {
  BIN_DIR="$(find_bin_dir)" && return 0
  # The package may start its own cluster on 5432; ours is separate and does not need it.
  apt_install postgresql
  BIN_DIR="$(find_bin_dir)" || die "postgresql installed, but no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
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

# The PID of this cluster's postmaster, from its lock file, only when that process really is it. pg_ctl alone trusts
# any live process with the number: after a kill -9 the number can pass to another process (pid_max is 32768 here,
# and busy JVMs wrap it within minutes), and the cluster then looked running but never answered (the chaos suite's
# PostgreSQL kill).
postmaster_pid() {
  local pid
  pid=$(head -n1 "$DATA_DIR/postmaster.pid" 2>/dev/null) && [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" != Z* ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-D $DATA_DIR" || return 1
  echo "$pid"
}

is_running() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] && postmaster_pid >/dev/null \
    && as_owner "$BIN_DIR/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

# The port the running server listens on (line 4 of postmaster.pid): a cluster started before the default moved
# out of the ephemeral range still runs on 55432.
running_port() { sed -n 4p "$DATA_DIR/postmaster.pid" 2>/dev/null; }

accepts_connections() {
  "$BIN_DIR/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null
}

psql_admin() {
  # connect over the private unix socket as the cluster's superuser (peer/trust auth)
  as_owner "$BIN_DIR/psql" -h "$SOCKET_DIR" -p "$PORT" -U "$OWNER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

init_cluster() {
  if [[ -f "$DATA_DIR/PG_VERSION" ]]; then return 0; fi
  step "initialising a new cluster in $DATA_DIR"
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
  # The port is not written here: every start passes it (-p), so SCF_PG_PORT can move an existing cluster.
  cat >> "$DATA_DIR/postgresql.conf" <<CONF

# scripts/postgres.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
shared_buffers = 128MB
fsync = on
log_min_messages = warning
CONF
}

cmd_start() {
  ensure_installed
  choose_user
  init_cluster
  if is_running && [[ "$(running_port)" != "$PORT" ]]; then
    log "PostgreSQL runs on port $(running_port), not $PORT: restarting it"
    pg_stop
  fi
  if is_running; then
    log "PostgreSQL already running on 127.0.0.1:$PORT"
  else
    log "Starting PostgreSQL on 127.0.0.1:$PORT (log: ${LOG_FILE#"$SCF_ROOT"/})"
    touch "$LOG_FILE" && { [[ -z "${RUN_AS[*]}" ]] || chown "$OWNER" "$LOG_FILE"; }
    # A lock file left by a killed postmaster names a process that is not ours (checked above): PostgreSQL would
    # refuse to start while that number lives, so it goes. Backends of the killed server may hold its shared memory
    # for a moment after their postmaster died: PostgreSQL then refuses to start, and a later try succeeds.
    postmaster_pid >/dev/null || rm -f "$DATA_DIR/postmaster.pid"
    local try
    for try in 1 2 3 4 5; do
      as_owner "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -o "-p $PORT" -w -t 60 start >/dev/null && break
      [[ $try -lt 5 ]] || { tail -n 20 "$LOG_FILE" >&2 || true; die "PostgreSQL did not start"; }
      sleep 2
    done
  fi
  local deadline=$(( $(now) + 30 ))
  until accepts_connections; do
    [[ "$(now)" -lt "$deadline" ]] || die "PostgreSQL runs but does not accept connections on 127.0.0.1:$PORT"
    sleep 1
  done
  ensure_role_and_db
  step "ready: $JDBC_URL (user $DB_USER)"
}

ensure_role_and_db() {
  local esc_pw="${DB_PASSWORD//\'/\'\'}"
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]]; then
    step "creating role $DB_USER"
    psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$esc_pw'"
  else
    psql_admin -c "ALTER ROLE \"$DB_USER\" LOGIN PASSWORD '$esc_pw'"
  fi
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]]; then
    step "creating database $DB_NAME"
    psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\""
  fi
}

pg_stop() { as_owner "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null; }

cmd_stop() {
  BIN_DIR="$(find_bin_dir)" || { step "PostgreSQL is not installed; nothing to stop"; return 0; }
  choose_user
  if is_running; then
    log "Stopping PostgreSQL"
    pg_stop
  else
    step "PostgreSQL is not running"
  fi
}

cmd_status() {
  BIN_DIR="$(find_bin_dir)" || { echo "PostgreSQL: not installed"; return 3; }
  choose_user
  if is_running; then
    if [[ "$(running_port)" != "$PORT" ]]; then
      echo "PostgreSQL: running on port $(running_port), not $PORT (scripts/postgres.sh start moves it)"
      return 1
    fi
    if accepts_connections; then
      echo "PostgreSQL: running on 127.0.0.1:$PORT, accepting connections (data: $DATA_DIR)"
      return 0
    fi
    echo "PostgreSQL: running but not accepting connections on 127.0.0.1:$PORT"
    return 1
  fi
  if [[ -f "$DATA_DIR/PG_VERSION" ]]; then echo "PostgreSQL: stopped (data: $DATA_DIR)"; else echo "PostgreSQL: no cluster in $DATA_DIR"; fi
  return 3
}

cmd_down() {
  cmd_stop
  if [[ -d "$BASE_DIR" ]]; then
    log "Deleting the PostgreSQL cluster in $BASE_DIR"
    rm -rf "$BASE_DIR"
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  down) cmd_down ;;
  url) echo "$JDBC_URL" ;;
  *) sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
