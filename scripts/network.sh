#!/usr/bin/env bash
# The local Fabric network, run natively as plain processes (no Docker):
#   an orderer organisation (1 Raft node, or 3 with --orderers 3), three peer organisations
#   (PlatformOrg, BankOrg, CoreOrg) with one peer, one Fabric CA and one chaincode server each,
#   channel `scf`, chaincode `scf` run as a service.
#
# Usage: scripts/network.sh COMMAND
#   up [--orderers 1|3]  from nothing (or from a stopped network) to a committed chaincode; idempotent
#   stop                 stops every process, keeps ledgers and crypto material
#   start                starts a stopped network again
#   down                 stops everything and removes all state (fabric-network/.run)
#   status               each process, its port and its health
#   logs NODE [-f]       shows a node's log (NODE as in `status`, e.g. peer0.bank, orderer1, ca.core)
#   ops NODE [PATH]      GETs a node's operations endpoint (/healthz, /metrics, /logspec) with a client certificate
#   deploy               after a chaincode change: new sequence if the package changed, else restart servers
#   restart-chaincode    restarts the chaincode servers (with SCF_CHAINCODE_EXTRA_CLASSPATH, if set)
#   chaincode stop|start ORG
#                        stops or starts one organisation's chaincode server (an outage of one endorser)
#   env                  prints the path of network.env
#   generate             only the material: crypto, node config, genesis block, chaincode package (docker-compose)
#   channel              only the channel: orderers and peers join, network.env is written (docker-compose)
#   conventions          prints the topology: versions, channel, every process with its MSP and ports
#   revoke --org ORG --id NAME [--reason R]
#                        revokes NAME at ORG's CA and puts the CA's CRL in ORG's MSP on the channel
#                        (a config update signed by a majority of the organisations' admins)
#   publish-crl --org ORG   only the second half: ORG's current CRL onto the channel
#   revoked --org ORG    the serial numbers on ORG's CA's current CRL, in lower-case hex, one per line
#   batch-timeout D      the orderer cuts a block after D (e.g. 20ms, 100ms) at the latest: a channel update
#   tx-creator TXID      who signed a committed transaction, read from the peer's ledger (qscc GetTransactionByID,
#                        configtxlator proto_decode): one JSON line with the creator's MSP, subject, SHA-256
#                        fingerprint and certificate
#
# SCF_CHAINCODE_SERVERS=external: the chaincode servers are run by someone else (docker-compose.yml), so
# deploy neither starts nor stops them; they read the package id from .run/chaincode/package-id.
# SCF_PROFILE=1 (at up or start): peers and orderer serve Go pprof on loopback (docs/performance.md).
#
# Run state lives in fabric-network/.run (gitignored): pids/, logs/, data/, crypto/ (each organisation's folder
# also holds its secrets/: CA bootstrap secret, registrar, org.env), api/ (what the API may use), network.env.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

NET_DIR="$SCF_ROOT/fabric-network"
RUN="$NET_DIR/.run"
CRYPTO="$RUN/crypto"
CHANNEL=scf
CHAINCODE=scf
CC_LABEL=scf_1
CC_JAR="$SCF_ROOT/chaincode/target/scf-chaincode.jar"
CC_HEAP="${SCF_CHAINCODE_HEAP:-128m}"

ORGS=(platform bank core)
declare -A MSP=([platform]=PlatformMSP [bank]=BankMSP [core]=CoreMSP)
# Fixed loopback ports (docs/network.md): peer P, its chaincode listener P+1, the org's CA P+3 and
# chaincode server P+4; operations endpoints (/healthz, /metrics) in the 94xx range.
declare -A PEER_PORT=([platform]=7051 [bank]=8051 [core]=9051)
declare -A PEER_OPS=([platform]=9444 [bank]=9445 [core]=9446)
declare -A CA_OPS=([platform]=9454 [bank]=9455 [core]=9456)
ORDERER_PORTS=(7050 8050 9050)       # orderer N listens on ORDERER_PORTS[N-1], admin on +3
ORDERER_OPS=(9443 9447 9448)

# Go pprof (plain HTTP, loopback only) when the network is started with SCF_PROFILE=1 (docs/performance.md):
# peers on PPROF_BASE+0..2 in ORGS order, orderer N on PPROF_BASE+2+N.
PPROF_BASE=6060
profiling() { [ "${SCF_PROFILE:-0}" = 1 ] && echo true || echo false; }
pprof_port() { local i; for i in "${!ORGS[@]}"; do [ "${ORGS[$i]}" = "$1" ] && echo $(( PPROF_BASE + i )); done; }

ca_port()  { echo $(( ${PEER_PORT[$1]} + 3 )); }
cc_port()  { echo $(( ${PEER_PORT[$1]} + 4 )); }
org_dir()  { echo "$CRYPTO/peerOrganizations/$1.scf"; }
orderer_dir() { echo "$CRYPTO/ordererOrganizations/orderer.scf/orderers/orderer$1.orderer.scf"; }
ORDERER_TLS_CA="$CRYPTO/ordererOrganizations/orderer.scf/tlsca/tlsca.orderer.scf-cert.pem"
ORDERER_ADMIN_TLS="$CRYPTO/ordererOrganizations/orderer.scf/users/Admin@orderer.scf/tls"
org_tls_ca()    { echo "$(org_dir "$1")/tlsca/tlsca.$1.scf-cert.pem"; }
admin_msp()     { echo "$(org_dir "$1")/users/Admin@$1.scf/msp"; }
admin_tls()     { echo "$(org_dir "$1")/users/Admin@$1.scf/tls"; }
# Each organisation's secrets stay in its own folder: its CA's bootstrap secret and enrolled registrar beside
# the admin MSP that cryptogen already puts there (docs/security.md).
org_secrets()   { echo "$(org_dir "$1")/secrets"; }
# What the API needs and nothing more: a TLS client certificate (PlatformOrg's User1) and, per organisation,
# a registrar restricted to client identities with scf.* attributes, kept in a file of its own.
API_TLS="$CRYPTO/peerOrganizations/platform.scf/users/User1@platform.scf/tls"
API_REGISTRARS="$RUN/api/ca-registrars.env"
API_REGISTRAR=scf-api-registrar

# Every TLS CA of the network: peers and orderers accept a client certificate issued by any of them.
tls_roots() { local org; echo "$ORDERER_TLS_CA"; for org in "${ORGS[@]}"; do org_tls_ca "$org"; done; }

orderer_count() { cat "$RUN/orderers" 2>/dev/null || echo 1; }

# ---------------------------------------------------------------- processes

pidfile() { echo "$RUN/pids/$1.pid"; }
logfile() { echo "$RUN/logs/$1.log"; }

is_running() {
  local f pid; f=$(pidfile "$1")
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  # a killed process that is not yet reaped (a zombie) still answers kill -0
  kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != Z ]
}

# spawn NAME CMD...: starts CMD in its own session, detached, logging to logs/NAME.log
spawn() {
  local name=$1; shift
  if is_running "$name"; then step "$name already running (pid $(cat "$(pidfile "$name")"))"; return 0; fi
  mkdir -p "$RUN/pids" "$RUN/logs"
  setsid "$@" >>"$(logfile "$name")" 2>&1 < /dev/null &
  echo $! > "$(pidfile "$name")"
  step "started $name (pid $!)"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The operations endpoints speak TLS and want a client certificate (for /metrics and /logspec): OWNER is an
# organisation or "orderer", whose TLS CA signed the endpoint and whose admin's TLS certificate we present.
ops_get() {
  local owner=$1 port=$2 path=$3 ca client
  if [ "$owner" = orderer ]; then ca=$ORDERER_TLS_CA; client=$ORDERER_ADMIN_TLS
  else ca=$(org_tls_ca "$owner"); client=$(admin_tls "$owner"); fi
  curl -fsS -m 2 --cacert "$ca" --cert "$client/client.crt" --key "$client/client.key" "https://127.0.0.1:$port$path"
}

healthz() { ops_get "$1" "$2" /healthz >/dev/null 2>&1; }

# The Gateway finds endorsers through discovery, which knows a peer only once gossip has met it: until every
# peer knows the other two on the channel, a transaction can fail with "no peer combination can satisfy the
# endorsement policy". Read from each peer's own gossip metric.
peers_know_each_other() {
  local org known
  for org in "${ORGS[@]}"; do
    known=$(ops_get "$org" "${PEER_OPS[$org]}" /metrics 2>/dev/null \
      | sed -n "s/^gossip_membership_total_peers_known{channel=\"$CHANNEL\"} \([0-9]*\).*/\1/p")
    [ "${known:-0}" -ge $(( ${#ORGS[@]} - 1 )) ] || return 1
  done
}

wait_for_gossip() {
  local started; started=$(now)
  wait_for "gossip between the peers" 120 peers_know_each_other
  step "every peer knows the other $(( ${#ORGS[@]} - 1 )) on $CHANNEL ($(( $(now) - started ))s)"
}

# wait_for WHAT SECONDS CHECK...: polls CHECK until it succeeds
wait_for() {
  local what=$1 secs=$2; shift 2
  local deadline=$(( $(now) + secs ))
  until "$@"; do
    if [ "$(now)" -ge "$deadline" ]; then
      die "$what did not become ready within ${secs}s; see fabric-network/.run/logs/"
    fi
    sleep 0.3
  done
}

stop_process() {
  local name=$1 f pid
  f=$(pidfile "$name")
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    step "stopped $name"
  fi
  rm -f "$f"
}

all_processes() {
  local n
  for org in "${ORGS[@]}"; do echo "ca.$org"; done
  for n in $(seq 1 "$(orderer_count)"); do echo "orderer$n"; done
  for org in "${ORGS[@]}"; do echo "peer0.$org"; done
  for org in "${ORGS[@]}"; do echo "chaincode.$org"; done
}

# ---------------------------------------------------------------- material and config

generate_crypto() {
  if [ -d "$CRYPTO" ]; then
    # A network made before mutual TLS and per-organisation secrets has neither the API's TLS client certificate
    # nor the organisations' secrets folders; it cannot be upgraded in place.
    if [ ! -f "$API_TLS/client.crt" ] || [ ! -f "$(org_secrets platform)/ca-bootstrap-secret" ]; then
      die "this network was created by an older network.sh (no mutual TLS material): run 'scripts/network.sh down' first"
    fi
    return 0
  fi
  log "Generating crypto material (cryptogen)"
  "$FABRIC_BIN/cryptogen" generate --config "$NET_DIR/crypto-config.yaml" --output "$CRYPTO" >/dev/null
  for org in "${ORGS[@]}"; do
    mkdir -p "$(org_secrets "$org")" && chmod 700 "$(org_secrets "$org")"
    # The bootstrap registrar of each CA; random per network so that no two networks share it.
    (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$(org_secrets "$org")/ca-bootstrap-secret")
  done
}

# Node configuration: Fabric's own sample core.yaml/orderer.yaml, with our external builder in place
# of the Docker-image path. Everything node-specific is set by environment when the node starts.
write_node_config() {
  mkdir -p "$RUN/config"
  cp "$FABRIC_SAMPLECONFIG/orderer.yaml" "$RUN/config/orderer.yaml"
  sed -e "s|path: /opt/hyperledger/ccaas_builder|path: $NET_DIR/builders/ccaas|" \
      -e "s|- CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG|- SCF_CHAINCODE_ADDRESS|" \
      "$FABRIC_SAMPLECONFIG/core.yaml" > "$RUN/config/core.yaml"
  grep -q "$NET_DIR/builders/ccaas" "$RUN/config/core.yaml" || die "could not set the external builder in core.yaml"
}

channel_block() { echo "$RUN/channel-artifacts/$CHANNEL.block"; }

generate_channel_block() {
  [ -f "$(channel_block)" ] && return 0
  local profile=ScfChannel
  [ "$(orderer_count)" = 3 ] && profile=ScfChannelRaft3
  log "Creating the genesis block of channel $CHANNEL (profile $profile)"
  mkdir -p "$RUN/channel-artifacts"
  FABRIC_CFG_PATH="$NET_DIR" "$FABRIC_BIN/configtxgen" -profile "$profile" -channelID "$CHANNEL" \
    -outputBlock "$(channel_block)" 2>>"$(logfile configtxgen)"
}

# ---------------------------------------------------------------- nodes

start_ca() {
  local org=$1 dir home
  dir=$(org_dir "$org"); home="$RUN/ca/$org"
  mkdir -p "$home"
  FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS="127.0.0.1:${CA_OPS[$org]}" \
  FABRIC_CA_SERVER_OPERATIONS_TLS_ENABLED=true \
  FABRIC_CA_SERVER_OPERATIONS_TLS_CERTFILE="$dir/peers/ca.$org.scf/tls/server.crt" \
  FABRIC_CA_SERVER_OPERATIONS_TLS_KEYFILE="$dir/peers/ca.$org.scf/tls/server.key" \
  FABRIC_CA_SERVER_OPERATIONS_TLS_CLIENTCERTREQUIRED=true \
  FABRIC_CA_SERVER_OPERATIONS_TLS_CLIENTCACERTFILES="$(org_tls_ca "$org")" \
  FABRIC_CA_SERVER_METRICS_PROVIDER=prometheus \
  spawn "ca.$org" "$FABRIC_BIN/fabric-ca-server" start \
    --home "$home" --address 127.0.0.1 --port "$(ca_port "$org")" \
    -b "admin:$(cat "$(org_secrets "$org")/ca-bootstrap-secret")" --ca.name "ca-$org" \
    --ca.certfile "$dir/ca/ca.$org.scf-cert.pem" --ca.keyfile "$dir/ca/priv_sk" \
    --tls.enabled --tls.certfile "$dir/peers/ca.$org.scf/tls/server.crt" \
    --tls.keyfile "$dir/peers/ca.$org.scf/tls/server.key"
}

start_orderer() {
  local n=$1 dir port
  dir=$(orderer_dir "$n"); port=${ORDERER_PORTS[$((n-1))]}
  mkdir -p "$RUN/data/orderer$n"
  FABRIC_CFG_PATH="$RUN/config" \
  FABRIC_LOGGING_SPEC="${SCF_ORDERER_LOGGING:-info:comm.grpc.server,orderer.common.broadcast=warning}" \
  ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 \
  ORDERER_GENERAL_LISTENPORT="$port" \
  ORDERER_GENERAL_LOCALMSPID=OrdererMSP \
  ORDERER_GENERAL_LOCALMSPDIR="$dir/msp" \
  ORDERER_GENERAL_TLS_ENABLED=true \
  ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key" \
  ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt" \
  ORDERER_GENERAL_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
  ORDERER_GENERAL_TLS_CLIENTAUTHREQUIRED=true \
  ORDERER_GENERAL_TLS_CLIENTROOTCAS="[$(tls_roots | paste -sd, -)]" \
  ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
  ORDERER_CHANNELPARTICIPATION_ENABLED=true \
  ORDERER_FILELEDGER_LOCATION="$RUN/data/orderer$n/ledger" \
  ORDERER_CONSENSUS_WALDIR="$RUN/data/orderer$n/etcdraft/wal" \
  ORDERER_CONSENSUS_SNAPDIR="$RUN/data/orderer$n/etcdraft/snap" \
  ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:${ORDERER_OPS[$((n-1))]}" \
  ORDERER_OPERATIONS_TLS_ENABLED=true \
  ORDERER_OPERATIONS_TLS_CERTIFICATE="$dir/tls/server.crt" \
  ORDERER_OPERATIONS_TLS_PRIVATEKEY="$dir/tls/server.key" \
  ORDERER_OPERATIONS_TLS_CLIENTAUTHREQUIRED=true \
  ORDERER_OPERATIONS_TLS_CLIENTROOTCAS="[$ORDERER_TLS_CA]" \
  ORDERER_METRICS_PROVIDER=prometheus \
  ORDERER_GENERAL_PROFILE_ENABLED="$(profiling)" \
  ORDERER_GENERAL_PROFILE_ADDRESS="127.0.0.1:$(( PPROF_BASE + 2 + n ))" \
  GOMEMLIMIT="${SCF_ORDERER_MEMLIMIT:-128MiB}" \
  ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$((port + 3))" \
  ORDERER_ADMIN_TLS_ENABLED=true \
  ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt" \
  ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key" \
  ORDERER_ADMIN_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
  ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
  ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$dir/tls/ca.crt]" \
  spawn "orderer$n" "$FABRIC_BIN/orderer"
}

start_peer() {
  local org=$1 dir port
  dir=$(org_dir "$org")/peers/peer0.$org.scf; port=${PEER_PORT[$org]}
  mkdir -p "$RUN/data/peer0.$org"
  FABRIC_CFG_PATH="$RUN/config" \
  FABRIC_LOGGING_SPEC="${SCF_PEER_LOGGING:-info:gossip,discovery,comm.grpc.server=warning}" \
  CORE_PEER_ID="peer0.$org.scf" \
  CORE_PEER_ADDRESS="127.0.0.1:$port" \
  CORE_PEER_LISTENADDRESS="127.0.0.1:$port" \
  CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$((port + 1))" \
  CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$((port + 1))" \
  CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:$port" \
  CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:$port" \
  CORE_PEER_LOCALMSPID="${MSP[$org]}" \
  CORE_PEER_MSPCONFIGPATH="$dir/msp" \
  CORE_PEER_TLS_ENABLED=true \
  CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" \
  CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" \
  CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
  CORE_PEER_TLS_CLIENTAUTHREQUIRED=true \
  CORE_PEER_TLS_CLIENTROOTCAS_FILES="$(tls_roots | paste -sd' ' -)" \
  CORE_PEER_FILESYSTEMPATH="$RUN/data/peer0.$org" \
  CORE_LEDGER_SNAPSHOTS_ROOTDIR="$RUN/data/peer0.$org/snapshots" \
  CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:${PEER_OPS[$org]}" \
  CORE_OPERATIONS_TLS_ENABLED=true \
  CORE_OPERATIONS_TLS_CERT_FILE="$dir/tls/server.crt" \
  CORE_OPERATIONS_TLS_KEY_FILE="$dir/tls/server.key" \
  CORE_OPERATIONS_TLS_CLIENTAUTHREQUIRED=true \
  CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES="$(org_tls_ca "$org")" \
  CORE_METRICS_PROVIDER=prometheus \
  CORE_PEER_PROFILE_ENABLED="$(profiling)" \
  CORE_PEER_PROFILE_LISTENADDRESS="127.0.0.1:$(pprof_port "$org")" \
  CORE_VM_ENDPOINT="" \
  GOMEMLIMIT="${SCF_PEER_MEMLIMIT:-256MiB}" \
  SCF_CHAINCODE_ADDRESS="127.0.0.1:$(cc_port "$org")" \
  spawn "peer0.$org" "$FABRIC_BIN/peer" node start
}

# ---------------------------------------------------------------- admin CLI helpers

# tx-creator TXID: the creator of a committed transaction as the blocks hold it, not as any application reports it
cmd_tx_creator() {
  local tx=${1:-}
  [[ $tx =~ ^[0-9a-f]{64}$ ]] || die "usage: scripts/network.sh tx-creator TXID (64 hex digits)"
  local work; work=$(mktemp -d)
  as_admin platform "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n qscc --hex \
    -c "{\"Args\":[\"GetTransactionByID\",\"$CHANNEL\",\"$tx\"]}" | xxd -r -p >"$work/tx.pb"
  "$FABRIC_BIN/configtxlator" proto_decode --type protos.ProcessedTransaction --input "$work/tx.pb" \
    --output "$work/tx.json"
  jq -r '.transactionEnvelope.payload.header.signature_header.creator.id_bytes' "$work/tx.json" | base64 -d >"$work/creator.pem"
  jq -cn --arg tx "$tx" --slurpfile decoded "$work/tx.json" \
    --arg subject "$(openssl x509 -in "$work/creator.pem" -noout -subject -nameopt RFC2253 | sed 's/^subject=//')" \
    --arg fingerprint "$(openssl x509 -in "$work/creator.pem" -outform DER | sha256sum | cut -d' ' -f1)" \
    --rawfile pem "$work/creator.pem" \
    '$decoded[0] as $d | {transactionId: $tx,
      validationCode: ($d.validationCode // 0 | if . == 0 then "VALID" else tostring end),
      mspId: $d.transactionEnvelope.payload.header.signature_header.creator.mspid,
      subject: $subject, fingerprint: $fingerprint, certificatePem: $pem}'
  rm -rf "$work"
}

# as_admin ORG CMD...: runs a peer CLI command as ORG's admin against ORG's peer
as_admin() {
  local org=$1; shift
  local dir; dir=$(org_dir "$org")
  FABRIC_CFG_PATH="$RUN/config" \
  FABRIC_LOGGING_SPEC=warning \
  CORE_PEER_LOCALMSPID="${MSP[$org]}" \
  CORE_PEER_MSPCONFIGPATH="$dir/users/Admin@$org.scf/msp" \
  CORE_PEER_ADDRESS="127.0.0.1:${PEER_PORT[$org]}" \
  CORE_PEER_TLS_ENABLED=true \
  CORE_PEER_TLS_ROOTCERT_FILE="$dir/tlsca/tlsca.$org.scf-cert.pem" \
  CORE_PEER_TLS_CLIENTAUTHREQUIRED=true \
  CORE_PEER_TLS_CLIENTCERT_FILE="$dir/users/Admin@$org.scf/tls/client.crt" \
  CORE_PEER_TLS_CLIENTKEY_FILE="$dir/users/Admin@$org.scf/tls/client.key" \
  "$@"
}

# The orderer wants a client certificate too: ORG's admin presents its TLS certificate.
orderer_args() {
  local tls; tls=$(admin_tls "$1")
  echo "-o 127.0.0.1:7050 --tls --cafile $ORDERER_TLS_CA --clientauth --certfile $tls/client.crt --keyfile $tls/client.key"
}

join_channel() {
  local n port
  for n in $(seq 1 "$(orderer_count)"); do
    port=${ORDERER_PORTS[$((n-1))]}
    if osnadmin_cmd "$n" channel list 2>/dev/null | grep -q "\"$CHANNEL\""; then continue; fi
    osnadmin_cmd "$n" channel join --channelID "$CHANNEL" --config-block "$(channel_block)" >/dev/null
    step "orderer$n joined $CHANNEL"
  done
  for org in "${ORGS[@]}"; do
    if as_admin "$org" "$FABRIC_BIN/peer" channel list 2>/dev/null | grep -qx "$CHANNEL"; then continue; fi
    # The orderer may still be electing a leader right after the join: retry for a while.
    local tries=0
    until as_admin "$org" "$FABRIC_BIN/peer" channel join -b "$(channel_block)" >>"$(logfile cli)" 2>&1; do
      tries=$((tries + 1)); [ $tries -ge 30 ] && die "peer0.$org could not join $CHANNEL (see $(logfile cli))"
      sleep 1
    done
    step "peer0.$org joined $CHANNEL"
  done
}

osnadmin_cmd() {
  local n=$1; shift
  local port=${ORDERER_PORTS[$((n-1))]}
  "$FABRIC_BIN/osnadmin" "$@" -o "127.0.0.1:$((port + 3))" --ca-file "$ORDERER_TLS_CA" \
    --client-cert "$ORDERER_ADMIN_TLS/client.crt" --client-key "$ORDERER_ADMIN_TLS/client.key"
}

registrar_home() { echo "$(org_secrets "$1")/ca-registrar"; }

# ca_client ORG ARGS...: fabric-ca-client as ORG's bootstrap registrar, against ORG's CA (CA_CLIENT_HOME: another
# copy of the registrar's home, for a command whose output files must not touch the shared one)
ca_client() {
  local org=$1; shift
  "$FABRIC_BIN/fabric-ca-client" "$@" -H "${CA_CLIENT_HOME:-$(registrar_home "$org")}" -u "https://127.0.0.1:$(ca_port "$org")" \
    --caname "ca-$org" --tls.certfiles "$(org_tls_ca "$org")"
}

enroll_ca_admins() {
  if [ ! -x "$FABRIC_BIN/fabric-ca-client" ]; then
    warn "no fabric-ca-client in $FABRIC_BIN: the CA registrars are not enrolled (only tests use them)"
    return 0
  fi
  for org in "${ORGS[@]}"; do
    local home; home=$(registrar_home "$org")
    [ -f "$home/msp/signcerts/cert.pem" ] && continue
    "$FABRIC_BIN/fabric-ca-client" enroll -H "$home" \
      -u "https://admin:$(cat "$(org_secrets "$org")/ca-bootstrap-secret")@127.0.0.1:$(ca_port "$org")" \
      --caname "ca-$org" --tls.certfiles "$(org_tls_ca "$org")" \
      >>"$(logfile cli)" 2>&1 || die "could not enroll the registrar of ca.$org (see $(logfile cli))"
    step "enrolled the registrar of ca.$org"
  done
  register_api_registrars
}

# The API registers and enrolls identities for the enterprises it holds keys for. It gets, per organisation, a
# registrar that may register client identities only, with scf.* attributes only, and revoke them: it cannot
# make peers, admins, orderers or other registrars, and it never sees a CA's bootstrap secret.
register_api_registrars() {
  [ -f "$API_REGISTRARS" ] && return 0
  mkdir -p "$RUN/api" && chmod 700 "$RUN/api"
  local org secret tmp="$API_REGISTRARS.tmp"
  (umask 077 && echo "# The API's CA registrars (client identities with scf.* attributes only). docs/security.md" > "$tmp")
  for org in "${ORGS[@]}"; do
    secret=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
    ca_client "$org" register --id.name "$API_REGISTRAR" --id.secret "$secret" --id.type client \
      --id.attrs '"hf.Registrar.Roles=client","hf.Registrar.Attributes=scf.*",hf.Revoker=true,hf.GenCRL=true' \
      >>"$(logfile cli)" 2>&1 || die "could not register the API's registrar at ca.$org (see $(logfile cli))"
    { echo "SCF_${org^^}_CA_ADMIN=$API_REGISTRAR"; echo "SCF_${org^^}_CA_ADMIN_SECRET=$secret"; } >> "$tmp"
    step "registered the API's registrar at ca.$org"
  done
  mv "$tmp" "$API_REGISTRARS"
}

# ---------------------------------------------------------------- chaincode

# A byte-for-byte reproducible package: the same connection.json always yields the same package id,
# so redeploying an unchanged package is a no-op and a jar change only restarts the servers.
build_package() {
  local work="$RUN/chaincode/package"
  rm -rf "$work" && mkdir -p "$work/src"
  cp "$NET_DIR/chaincode-package/connection.json" "$work/src/"
  printf '{"label":"%s","type":"ccaas"}\n' "$CC_LABEL" > "$work/metadata.json"
  local tarflags=(--sort=name --owner=0 --group=0 --numeric-owner --mtime=@0)
  tar "${tarflags[@]}" -C "$work/src" -cf - connection.json | gzip -n > "$work/code.tar.gz"
  tar "${tarflags[@]}" -C "$work" -cf - metadata.json code.tar.gz | gzip -n > "$RUN/chaincode/$CC_LABEL.tar.gz"
  package_id "$RUN/chaincode/$CC_LABEL.tar.gz" > "$RUN/chaincode/package-id"
  echo "$RUN/chaincode/$CC_LABEL.tar.gz"
}

external_servers() { [ "${SCF_CHAINCODE_SERVERS:-}" = external ]; }

package_id() { FABRIC_CFG_PATH="$RUN/config" "$FABRIC_BIN/peer" lifecycle chaincode calculatepackageid "$1" 2>>"$(logfile cli)"; }

ensure_chaincode_jar() {
  if [ ! -f "$CC_JAR" ]; then
    log "Building the chaincode jar (mvn -pl chaincode package)"
    (cd "$SCF_ROOT" && mvn -B -q -pl chaincode -am package -DskipTests) || die "chaincode build failed"
  fi
}

# start_chaincode_servers PKGID [ORG...]: every organisation's server, or only those named
start_chaincode_servers() {
  local pkgid=$1; shift
  local orgs=("$@"); [ ${#orgs[@]} -gt 0 ] || orgs=("${ORGS[@]}")
  external_servers && return 0
  # SCF_CHAINCODE_EXTRA_CLASSPATH adds contracts that are not in the production jar (scripts/bench-chaincode.sh's
  # bench contract); the contract router finds every @Contract on the class path.
  local launch=(-jar "$RUN/chaincode/scf-chaincode.jar")
  if [ -n "${SCF_CHAINCODE_EXTRA_CLASSPATH:-}" ]; then
    launch=(-cp "$RUN/chaincode/scf-chaincode.jar:$SCF_CHAINCODE_EXTRA_CLASSPATH" org.hyperledger.fabric.contract.ContractRouter)
  fi
  for org in "${orgs[@]}"; do
    # A small, bounded footprint: the heap, and also what a JVM takes beside it (metaspace, JIT code, Netty's
    # direct buffers), so that three servers stay well inside the network's memory budget (docs/network.md).
    CHAINCODE_SERVER_ADDRESS="127.0.0.1:$(cc_port "$org")" \
    CORE_CHAINCODE_ID_NAME="$pkgid" \
    CORE_PEER_LOCALMSPID="${MSP[$org]}" \
    CORE_CHAINCODE_LOGGING_LEVEL="${SCF_CHAINCODE_LOGGING:-WARNING}" \
    CORE_CHAINCODE_LOGGING_SHIM="${SCF_CHAINCODE_LOGGING:-WARNING}" \
    spawn "chaincode.$org" java "-Xms32m" "-Xmx$CC_HEAP" -XX:+UseSerialGC -Xss512k \
      -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m \
      -Dio.grpc.netty.shaded.io.netty.allocator.numDirectArenas=1 \
      -Dio.grpc.netty.shaded.io.netty.allocator.numHeapArenas=1 \
      "${launch[@]}"
  done
  # A JVM needs about 7 s of CPU to start listening: on a 2-core machine shared with other builds that is
  # more than a minute of wall time.
  for org in "${orgs[@]}"; do
    wait_for "chaincode.$org" "${SCF_CHAINCODE_START_SECONDS:-180}" port_open "$(cc_port "$org")"
  done
}

stop_chaincode_servers() {
  external_servers && return 0
  for org in "${ORGS[@]}"; do stop_process "chaincode.$org"; done
}

# cmd_chaincode stop|start ORG: one organisation's chaincode server, for outage tests (the others keep running)
cmd_chaincode() {
  local action=${1:-} org=${2:-} pkgid
  if [[ ! $action =~ ^(stop|start)$ ]] || [ -z "${MSP[$org]:-}" ]; then
    die "usage: scripts/network.sh chaincode stop|start platform|bank|core"
  fi
  external_servers && die "the chaincode servers are run by someone else (SCF_CHAINCODE_SERVERS=external)"
  if [ "$action" = stop ]; then stop_process "chaincode.$org"; return 0; fi
  pkgid=$(approved_package platform)
  [ -n "$pkgid" ] || die "no chaincode committed; run 'scripts/network.sh up' first"
  start_chaincode_servers "$pkgid" "$org"
}

committed_sequence() {
  as_admin platform "$FABRIC_BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CHAINCODE" -O json 2>/dev/null \
    | sed -n 's/.*"sequence": *\([0-9]*\).*/\1/p' | head -n1 || true
}

approved_package() { # the package id ORG approved in the committed definition, if any
  as_admin "$1" "$FABRIC_BIN/peer" lifecycle chaincode queryapproved -C "$CHANNEL" -n "$CHAINCODE" -O json 2>/dev/null \
    | tr -d '\n ' | sed -n 's/.*"package_id":"\([^"]*\)".*/\1/p' || true
}

# The chaincode's endorsement policy: the peers of a majority of the organisations, as the channel's "MAJORITY
# Endorsement" says, but written out as one signature policy. A peer checks an ImplicitMeta policy by checking the
# whole signature set against each organisation's sub-policy in turn, so it verifies the same endorsements two or
# three times per transaction; OutOf(2, ...) verifies each once (pprof in docs/performance.md).
endorsement_policy() {
  local org principals=()
  for org in "${ORGS[@]}"; do principals+=("'${MSP[$org]}.peer'"); done
  local IFS=,
  echo "OutOf($(( ${#ORGS[@]} / 2 + 1 )),${principals[*]})"
}

deploy() {
  external_servers || ensure_chaincode_jar
  local pkg pkgid seq policy policy_file="$RUN/chaincode/endorsement-policy"
  policy=$(endorsement_policy)
  pkg=$(build_package)
  pkgid=$(package_id "$pkg")
  [ -n "$pkgid" ] || die "could not compute the chaincode package id"
  seq=$(committed_sequence); seq=${seq:-0}

  # The jar the servers run is a copy, so that a rebuild in chaincode/target does not change a running server.
  local jar_changed=false
  if ! external_servers && ! cmp -s "$CC_JAR" "$RUN/chaincode/scf-chaincode.jar" 2>/dev/null; then
    jar_changed=true
    cp "$CC_JAR" "$RUN/chaincode/scf-chaincode.jar"
  fi

  if [ "$seq" -gt 0 ] && [ "$(approved_package platform)" = "$pkgid" ] \
      && [ "$(cat "$policy_file" 2>/dev/null)" = "$policy" ]; then
    if $jar_changed; then
      log "Chaincode package unchanged (sequence $seq); restarting the chaincode servers with the new jar"
      stop_chaincode_servers
    else
      log "Chaincode $CHAINCODE is committed (sequence $seq) and up to date"
    fi
    start_chaincode_servers "$pkgid"
    return 0
  fi

  local next=$((seq + 1)) started
  started=$(now)
  log "Deploying chaincode $CHAINCODE as a service: package $pkgid, sequence $next, endorsement $policy"
  for org in "${ORGS[@]}"; do
    if ! as_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode queryinstalled 2>/dev/null | grep -q "$pkgid"; then
      as_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode install "$pkg" >>"$(logfile cli)" 2>&1 \
        || die "install on peer0.$org failed (see $(logfile cli))"
    fi
    step "installed on peer0.$org"
  done
  stop_chaincode_servers
  start_chaincode_servers "$pkgid"
  # shellcheck disable=SC2046
  for org in "${ORGS[@]}"; do
    as_admin "$org" "$FABRIC_BIN/peer" lifecycle chaincode approveformyorg $(orderer_args "$org") \
      -C "$CHANNEL" -n "$CHAINCODE" -v "$CC_LABEL" --package-id "$pkgid" --sequence "$next" \
      --signature-policy "$policy" \
      --waitForEvent >>"$(logfile cli)" 2>&1 || die "approval by ${MSP[$org]} failed (see $(logfile cli))"
    step "approved by ${MSP[$org]}"
  done
  local peers=()
  for org in "${ORGS[@]}"; do
    peers+=(--peerAddresses "127.0.0.1:${PEER_PORT[$org]}" --tlsRootCertFiles "$(org_dir "$org")/tlsca/tlsca.$org.scf-cert.pem")
  done
  # shellcheck disable=SC2046
  as_admin platform "$FABRIC_BIN/peer" lifecycle chaincode commit $(orderer_args platform) \
    -C "$CHANNEL" -n "$CHAINCODE" -v "$CC_LABEL" --sequence "$next" "${peers[@]}" --signature-policy "$policy" \
    --waitForEvent >>"$(logfile cli)" 2>&1 || die "commit of the chaincode definition failed (see $(logfile cli))"
  echo "$policy" > "$policy_file"
  step "committed sequence $next in $(( $(now) - started ))s"
  wait_for "chaincode answering" 60 chaincode_answers
}

chaincode_answers() {
  as_admin platform "$FABRIC_BIN/peer" chaincode query -C "$CHANNEL" -n "$CHAINCODE" \
    -c '{"Args":["health:Ping"]}' >/dev/null 2>&1
}

# ---------------------------------------------------------------- network.env

write_env() {
  local f="$RUN/network.env"
  {
    echo "# Written by scripts/network.sh; sourceable. Documented in docs/network.md."
    echo "SCF_FABRIC_BIN=$FABRIC_BIN"
    echo "SCF_FABRIC_VERSION=$FABRIC_VERSION"
    echo "SCF_CHANNEL=$CHANNEL"
    echo "SCF_CHAINCODE=$CHAINCODE"
    echo "SCF_ORDERER_ENDPOINT=127.0.0.1:7050"
    echo "SCF_ORDERER_TLS_CA=$ORDERER_TLS_CA"
    echo "SCF_CLIENT_TLS_CERT=$API_TLS/client.crt"
    echo "SCF_CLIENT_TLS_KEY=$API_TLS/client.key"
    echo "SCF_CA_REGISTRARS_FILE=$API_REGISTRARS"
    for org in "${ORGS[@]}"; do
      local X=${org^^} dir; dir=$(org_dir "$org")
      echo "SCF_${X}_MSP_ID=${MSP[$org]}"
      echo "SCF_${X}_PEER_ENDPOINT=127.0.0.1:${PEER_PORT[$org]}"
      echo "SCF_${X}_PEER_TLS_CA=$dir/tlsca/tlsca.$org.scf-cert.pem"
      echo "SCF_${X}_CA_URL=https://127.0.0.1:$(ca_port "$org")"
      echo "SCF_${X}_CA_NAME=ca-$org"
      echo "SCF_${X}_CA_TLS_CA=$dir/tlsca/tlsca.$org.scf-cert.pem"
      echo "SCF_${X}_ORG_ENV=$(org_secrets "$org")/org.env"
    done
  } > "$f"
  chmod 600 "$f"
  # What only the organisation itself (its operators, the network scripts, the outside-client tests) may use.
  for org in "${ORGS[@]}"; do
    local X=${org^^}
    (umask 077 && {
      echo "# ${MSP[$org]}'s own secrets: not for the API. docs/security.md"
      echo "SCF_${X}_ADMIN_MSP_DIR=$(admin_msp "$org")"
      echo "SCF_${X}_ADMIN_TLS_DIR=$(admin_tls "$org")"
      echo "SCF_${X}_CA_BOOTSTRAP_ADMIN=admin"
      echo "SCF_${X}_CA_BOOTSTRAP_SECRET=$(cat "$(org_secrets "$org")/ca-bootstrap-secret")"
      echo "SCF_${X}_CA_REGISTRAR_HOME=$(registrar_home "$org")"
    } > "$(org_secrets "$org")/org.env")
  done
}

# ---------------------------------------------------------------- revocation

# Revocation reaches the channel only through the organisation's MSP in the channel configuration: a CRL in
# its revocation_list. This is Fabric's config-update flow, with configtxlator (docs/network.md):
#   fetch the config block, decode it, put the CA's current CRL in the MSP, compute the update, sign it as
#   the organisation's admin and as a majority of the organisations' admins, submit it.
cmd_revoke() {
  local org="" id="" reason=unspecified
  while [ $# -gt 0 ]; do
    case $1 in
      --org) org=${2:-}; shift 2 ;;
      --id) id=${2:-}; shift 2 ;;
      --reason) reason=${2:-}; shift 2 ;;
      *) die "unknown option for revoke: $1" ;;
    esac
  done
  if [ -z "$org" ] || [ -z "${MSP[$org]:-}" ]; then
    die "usage: scripts/network.sh revoke --org platform|bank|core --id NAME [--reason R]"
  fi
  [ -n "$id" ] || die "usage: scripts/network.sh revoke --org $org --id NAME [--reason R]"
  log "Revoking $id at ca.$org (reason: $reason)"
  local out
  if ! out=$(ca_client "$org" revoke -e "$id" -r "$reason" 2>&1); then
    echo "$out" >> "$(logfile cli)"
    # Revoking again is not an error: the CRL is published all the same.
    echo "$out" | grep -qi "already revoked" || die "fabric-ca-client revoke failed: $(echo "$out" | tail -n 1)"
    step "$id was already revoked"
  fi
  publish_crl "$org"
}

# publish_crl ORG: generates ORG's CRL at its CA and puts it in ORG's MSP on the channel
publish_crl() {
  local org=$1 work; work="$RUN/config-update/$(date -u +%Y%m%dT%H%M%SZ)-$org"
  mkdir -p "$work"
  ca_client "$org" gencrl >>"$(logfile cli)" 2>&1 || die "fabric-ca-client gencrl failed (see $(logfile cli))"
  cp "$(registrar_home "$org")/msp/crls/crl.pem" "$work/crl.pem"
  step "CRL of ca.$org: $(openssl crl -in "$work/crl.pem" -noout -text 2>/dev/null | grep -c 'Serial Number') revoked certificate(s)"
  # shellcheck disable=SC2016  # $msp and $crl are jq variables, given by --arg
  channel_config_update "$work" "$org" \
    '.channel_group.groups.Application.groups |= with_entries(if .value.values.MSP.value.config.name == $msp
       then .value.values.MSP.value.config.revocation_list = [$crl] else . end)' \
    --arg msp "${MSP[$org]}" --arg crl "$(base64 -w0 < "$work/crl.pem")"
}

# cmd_batch_timeout DURATION: how long the orderer waits to fill a block before it cuts it (BatchTimeout), changed on
# the running channel by a configuration update that the orderer organisation's admin signs
cmd_batch_timeout() {
  local timeout=${1:-}
  [[ "$timeout" =~ ^[0-9]+(ms|s)$ ]] || die "usage: scripts/network.sh batch-timeout DURATION (e.g. 20ms, 100ms, 1s)"
  local work; work="$RUN/config-update/$(date -u +%Y%m%dT%H%M%SZ)-batch-timeout"
  mkdir -p "$work"
  log "BatchTimeout of $CHANNEL: $timeout"
  # shellcheck disable=SC2016  # $t is a jq variable, given by --arg
  channel_config_update "$work" orderer '.channel_group.groups.Orderer.values.BatchTimeout.value.timeout = $t' \
    --arg t "$timeout"
}

# cmd_revoked ORG: what ORG's CA has revoked, as its current CRL lists it (read-only: nothing goes to the channel)
cmd_revoked() {
  local org=$1 home; home=$(mktemp -d)
  # gencrl writes into the client's home: a copy of the registrar's, so that a publication running meanwhile keeps
  # its own file.
  cp -r "$(registrar_home "$org")/." "$home/"
  CA_CLIENT_HOME=$home ca_client "$org" gencrl >>"$(logfile cli)" 2>&1 \
    || { rm -rf "$home"; die "fabric-ca-client gencrl failed (see $(logfile cli))"; }
  openssl crl -in "$home/msp/crls/crl.pem" -noout -text | awk '/Serial Number:/ { print tolower($3) }'
  rm -rf "$home"
}

# channel_config_update WORKDIR ORG JQ_FILTER JQ_ARGS...: applies JQ_FILTER to the channel configuration and
# submits the difference, signed by ORG's admin first and then by the others until a majority has signed.
channel_config_update() {
  local work=$1 org=$2 filter=$3; shift 3
  local tx="$FABRIC_BIN/configtxlator" reader=$org
  [ "$org" = orderer ] && reader=${ORGS[0]}
  [ -x "$tx" ] || die "no configtxlator in $FABRIC_BIN: run scripts/fabric-install.sh"
  # shellcheck disable=SC2046
  as_admin "$reader" "$FABRIC_BIN/peer" channel fetch config "$work/config_block.pb" $(orderer_args "$reader") -c "$CHANNEL" \
    >>"$(logfile cli)" 2>&1 || die "could not fetch the configuration of $CHANNEL (see $(logfile cli))"
  "$tx" proto_decode --input "$work/config_block.pb" --type common.Block --output "$work/config_block.json"
  jq '.data.data[0].payload.data.config' "$work/config_block.json" > "$work/config.json"
  jq "$@" "$filter" "$work/config.json" > "$work/modified_config.json"
  "$tx" proto_encode --input "$work/config.json" --type common.Config --output "$work/config.pb"
  "$tx" proto_encode --input "$work/modified_config.json" --type common.Config --output "$work/modified_config.pb"
  if ! "$tx" compute_update --channel_id "$CHANNEL" --original "$work/config.pb" --updated "$work/modified_config.pb" \
      --output "$work/update.pb" 2>>"$(logfile cli)"; then
    step "the channel configuration already says so: nothing to update"
    return 0
  fi
  "$tx" proto_decode --input "$work/update.pb" --type common.ConfigUpdate --output "$work/update.json"
  jq -n --arg ch "$CHANNEL" --slurpfile u "$work/update.json" \
    '{payload: {header: {channel_header: {channel_id: $ch, type: 2}}, data: {config_update: $u[0]}}}' \
    > "$work/update_envelope.json"
  "$tx" proto_encode --input "$work/update_envelope.json" --type common.Envelope --output "$work/update_envelope.pb"

  # The organisation's own admin signs (its MSP value's mod_policy is its Admins), then others until a majority of
  # the channel's organisations have; the last one submits, which adds its signature.
  # An orderer setting (the Orderer group's values) is the orderer organisation's to change: its admin signs, and
  # an application organisation's admin submits.
  local signers=("$org") other needed=$(( ${#ORGS[@]} / 2 + 1 ))
  for other in "${ORGS[@]}"; do [ "$other" = "$org" ] || signers+=("$other"); done
  signers=("${signers[@]:0:$needed}")
  [ "$org" = orderer ] && signers=(orderer "${ORGS[0]}")
  local i last=$(( ${#signers[@]} - 1 ))
  for i in $(seq 0 $((last - 1))); do
    if [ "${signers[$i]}" = orderer ]; then
      FABRIC_CFG_PATH="$RUN/config" FABRIC_LOGGING_SPEC=warning CORE_PEER_LOCALMSPID=OrdererMSP \
        CORE_PEER_MSPCONFIGPATH="$CRYPTO/ordererOrganizations/orderer.scf/users/Admin@orderer.scf/msp" \
        "$FABRIC_BIN/peer" channel signconfigtx -f "$work/update_envelope.pb" >>"$(logfile cli)" 2>&1 \
        || die "OrdererMSP could not sign the update (see $(logfile cli))"
      step "signed by OrdererMSP admin"
      continue
    fi
    as_admin "${signers[$i]}" "$FABRIC_BIN/peer" channel signconfigtx -f "$work/update_envelope.pb" \
      >>"$(logfile cli)" 2>&1 || die "${MSP[${signers[$i]}]} could not sign the update (see $(logfile cli))"
    step "signed by ${MSP[${signers[$i]}]} admin"
  done
  # shellcheck disable=SC2046
  as_admin "${signers[$last]}" "$FABRIC_BIN/peer" channel update -f "$work/update_envelope.pb" -c "$CHANNEL" \
    $(orderer_args "${signers[$last]}") >>"$(logfile cli)" 2>&1 \
    || die "the channel configuration update was refused (see $(logfile cli))"
  step "signed and submitted by ${MSP[${signers[$last]}]} admin: configuration of $CHANNEL updated ($work)"
}

# ---------------------------------------------------------------- commands

start_nodes() {
  local started; started=$(now)
  log "Starting Fabric CAs"
  for org in "${ORGS[@]}"; do start_ca "$org"; done
  log "Starting $(orderer_count) orderer(s)"
  for n in $(seq 1 "$(orderer_count)"); do start_orderer "$n"; done
  log "Starting peers"
  for org in "${ORGS[@]}"; do start_peer "$org"; done
  for org in "${ORGS[@]}"; do wait_for "ca.$org" 60 healthz "$org" "${CA_OPS[$org]}"; done
  for n in $(seq 1 "$(orderer_count)"); do wait_for "orderer$n" 60 healthz orderer "${ORDERER_OPS[$((n-1))]}"; done
  for org in "${ORGS[@]}"; do wait_for "peer0.$org" 60 healthz "$org" "${PEER_OPS[$org]}"; done
  step "nodes healthy in $(( $(now) - started ))s"
}

generate_material() {
  "$SCF_ROOT/scripts/fabric-install.sh"
  mkdir -p "$RUN/logs" "$RUN/pids" "$RUN/chaincode"
  [ -f "$RUN/orderers" ] || echo 1 > "$RUN/orderers"
  generate_crypto
  write_node_config
  generate_channel_block
  build_package >/dev/null
}

cmd_channel() {
  local n org
  for n in $(seq 1 "$(orderer_count)"); do wait_for "orderer$n admin" 120 port_open "$((${ORDERER_PORTS[$((n-1))]} + 3))"; done
  for org in "${ORGS[@]}"; do wait_for "peer0.$org" 120 port_open "${PEER_PORT[$org]}"; done
  log "Joining channel $CHANNEL"
  join_channel
  enroll_ca_admins
  write_env
}

cmd_up() {
  local orderers=1
  while [ $# -gt 0 ]; do
    case $1 in
      --orderers) orderers=${2:-}; shift 2 ;;
      *) die "unknown option for up: $1" ;;
    esac
  done
  [ "$orderers" = 1 ] || [ "$orderers" = 3 ] || die "--orderers takes 1 or 3"
  if [ -f "$RUN/orderers" ] && [ "$(orderer_count)" != "$orderers" ]; then
    die "this network was created with $(orderer_count) orderer(s); run 'scripts/network.sh down' first to change it"
  fi
  local started; started=$(now)
  mkdir -p "$RUN"
  echo "$orderers" > "$RUN/orderers"
  generate_material
  start_nodes
  log "Joining channel $CHANNEL"
  join_channel
  enroll_ca_admins
  write_env
  deploy
  wait_for_gossip
  log "Network up in $(( $(now) - started ))s; settings in fabric-network/.run/network.env"
}

cmd_start() {
  [ -d "$CRYPTO" ] || die "no network to start; run 'scripts/network.sh up' first"
  generate_crypto
  write_node_config
  start_nodes
  local pkgid=""
  # A peer answers its health check before it has opened the channel's ledger, and until then queryapproved fails:
  # a network whose chaincode was committed (the deploy step kept its policy) is asked again for up to 30 s, so that
  # it is not left without its chaincode servers.
  for _ in $(seq 1 30); do
    pkgid=$(approved_package platform)
    if [ -n "$pkgid" ] || [ ! -f "$RUN/chaincode/endorsement-policy" ]; then break; fi
    sleep 1
  done
  if [ -n "$pkgid" ]; then
    log "Starting chaincode servers"
    start_chaincode_servers "$pkgid"
  fi
  write_env
  [ -n "$pkgid" ] && wait_for_gossip
  log "Network started"
}

cmd_stop() {
  log "Stopping the network (ledgers are kept)"
  local p
  for p in $(all_processes | tac); do stop_process "$p"; done
  # Also anything with a pid file but not in the current list (e.g. orderers of an earlier layout).
  for f in "$RUN"/pids/*.pid; do [ -f "$f" ] && stop_process "$(basename "$f" .pid)"; done
  true
}

cmd_down() {
  cmd_stop
  log "Removing all network state ($RUN)"
  rm -rf "$RUN"
}

cmd_status() {
  [ -d "$RUN" ] || { echo "network: not created (run scripts/network.sh up)"; return 3; }
  printf '%-18s %-8s %-22s %-10s %s\n' PROCESS PID ENDPOINT HEALTH MEMORY
  local bad=0 name pid endpoint health mem
  for name in $(all_processes); do
    pid="-"; mem="-"
    is_running "$name" && { pid=$(cat "$(pidfile "$name")"); mem="$(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 )) MiB"; }
    case $name in
      ca.*)        endpoint="127.0.0.1:$(ca_port "${name#ca.}")"; healthz "${name#ca.}" "${CA_OPS[${name#ca.}]}" && health=OK || health=DOWN ;;
      orderer*)    local n=${name#orderer}; endpoint="127.0.0.1:${ORDERER_PORTS[$((n-1))]}"
                   healthz orderer "${ORDERER_OPS[$((n-1))]}" && health=OK || health=DOWN ;;
      peer0.*)     endpoint="127.0.0.1:${PEER_PORT[${name#peer0.}]}"; healthz "${name#peer0.}" "${PEER_OPS[${name#peer0.}]}" && health=OK || health=DOWN ;;
      chaincode.*) endpoint="127.0.0.1:$(cc_port "${name#chaincode.}")"; port_open "$(cc_port "${name#chaincode.}")" && health=OK || health=DOWN ;;
    esac
    [ "$health" = OK ] || bad=1
    printf '%-18s %-8s %-22s %-10s %s\n' "$name" "$pid" "$endpoint" "$health" "$mem"
  done
  return $bad
}

# cmd_ops NODE PATH: GET an operations endpoint (/healthz, /metrics, /logspec) of a node with the right client
# certificate, for scripts that read them (they are TLS with client authentication).
cmd_ops() {
  local name=${1:-} path=${2:-/healthz}
  case $name in
    ca.*)     [ -n "${CA_OPS[${name#ca.}]:-}" ] || die "no such node: $name"; ops_get "${name#ca.}" "${CA_OPS[${name#ca.}]}" "$path" ;;
    orderer[1-3]) ops_get orderer "${ORDERER_OPS[$(( ${name#orderer} - 1 ))]}" "$path" ;;
    peer0.*)  [ -n "${PEER_OPS[${name#peer0.}]:-}" ] || die "no such node: $name"; ops_get "${name#peer0.}" "${PEER_OPS[${name#peer0.}]}" "$path" ;;
    *) die "usage: scripts/network.sh ops NODE [PATH]   (NODE: ca.ORG, ordererN, peer0.ORG; PATH: /healthz, /metrics, /logspec)" ;;
  esac
}

cmd_logs() {
  local name=${1:-}; [ -n "$name" ] || die "usage: scripts/network.sh logs NODE [-f]"
  local f; f=$(logfile "$name"); [ -f "$f" ] || die "no log for $name (nodes: $(all_processes | tr '\n' ' '))"
  if [ "${2:-}" = "-f" ]; then tail -n 50 -f "$f"; else tail -n 100 "$f"; fi
}

# One line per fact, "key value" or "process NAME key value...": what docker-compose.yml must agree with.
cmd_conventions() {
  echo "fabric $FABRIC_VERSION"
  echo "fabric-ca $FABRIC_CA_VERSION"
  echo "channel $CHANNEL"
  echo "chaincode $CHAINCODE"
  local n org
  for n in 1 2 3; do
    echo "process orderer$n msp OrdererMSP port ${ORDERER_PORTS[$((n-1))]} admin $((${ORDERER_PORTS[$((n-1))]} + 3)) operations ${ORDERER_OPS[$((n-1))]}"
  done
  for org in "${ORGS[@]}"; do
    echo "process ca.$org port $(ca_port "$org") operations ${CA_OPS[$org]}"
    echo "process peer0.$org msp ${MSP[$org]} port ${PEER_PORT[$org]} chaincode-listener $((${PEER_PORT[$org]} + 1)) operations ${PEER_OPS[$org]} chaincode-server $(cc_port "$org")"
    echo "process chaincode.$org msp ${MSP[$org]} port $(cc_port "$org")"
  done
}

main() {
  local cmd=${1:-}; shift || true
  case $cmd in
    up) cmd_up "$@" ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    down) cmd_down ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    ops) cmd_ops "$@" ;;
    deploy)
      [ -f "$RUN/network.env" ] || die "no network; run 'scripts/network.sh up' first"
      deploy ;;
    env) echo "$RUN/network.env" ;;
    restart-chaincode)
      local pkgid; pkgid=$(approved_package platform)
      [ -n "$pkgid" ] || die "no chaincode committed; run 'scripts/network.sh up' first"
      stop_chaincode_servers
      start_chaincode_servers "$pkgid"
      wait_for "chaincode answering" 60 chaincode_answers ;;
    chaincode) cmd_chaincode "$@" ;;
    generate) generate_material ;;
    channel) cmd_channel ;;
    conventions) cmd_conventions ;;
    revoke) cmd_revoke "$@" ;;
    tx-creator) cmd_tx_creator "$@" ;;
    publish-crl)
      if [ "${1:-}" != --org ] || [ -z "${MSP[${2:-}]:-}" ]; then
        die "usage: scripts/network.sh publish-crl --org platform|bank|core"
      fi
      publish_crl "$2" ;;
    batch-timeout) cmd_batch_timeout "$@" ;;
    revoked)
      if [ "${1:-}" != --org ] || [ -z "${MSP[${2:-}]:-}" ]; then
        die "usage: scripts/network.sh revoked --org platform|bank|core"
      fi
      cmd_revoked "$2" ;;
    *) sed -n '2,35p' "$0" | sed 's/^# \{0,1\}//'; [ -z "$cmd" ] || exit 2 ;;
  esac
}

main "$@"
