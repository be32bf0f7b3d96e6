# Fabric's peer CLI as an outside client: identities enrolled at the organisations' CAs with fabric-ca-client, and
# the chaincode invoked and queried with their certificates. Sourced by scripts/four-eyes-cli.sh and
# scripts/limits-cli.sh, which set nothing before sourcing it; it makes $WORK (removed on exit) and $SUFFIX.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="$ROOT/fabric-network/.run"
CRYPTO="$RUN/crypto"
# shellcheck disable=SC1091
FABRIC_BIN="$(grep '^SCF_FABRIC_BIN=' "$RUN/network.env" | cut -d= -f2)"
ORDERER_TLS_CA="$CRYPTO/ordererOrganizations/orderer.scf/tlsca/tlsca.orderer.scf-cert.pem"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck disable=SC2034  # read by the scripts that source this file
SUFFIX="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F')"

declare -A MSP=([platform]=PlatformMSP [bank]=BankMSP [core]=CoreMSP)
declare -A PEER_PORT=([platform]=7051 [bank]=8051 [core]=9051)
tlsca() { echo "$CRYPTO/peerOrganizations/$1.scf/tlsca/tlsca.$1.scf-cert.pem"; }
# Peers and the orderer want a TLS client certificate (mutual TLS): the transport presents the organisation's admin
# TLS certificate, while every transaction is signed by the enrolled identity's own certificate.
client_tls() { echo "$CRYPTO/peerOrganizations/$1.scf/users/Admin@$1.scf/tls"; }
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

# enroll NAME ORG ATTRS: registers NAME at ORG's CA (as its registrar) with ATTRS in the enrollment certificate,
# enrolls it into $WORK/NAME/msp
enroll() {
  local name=$1 org=$2 attrs=$3 secret port=$(( ${PEER_PORT[$2]} + 3 ))
  secret="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  "$FABRIC_BIN/fabric-ca-client" register -H "$CRYPTO/peerOrganizations/$org.scf/secrets/ca-registrar" --id.name "$name" --id.secret "$secret" \
    --id.type client --id.attrs "$attrs" -u "https://127.0.0.1:$port" --caname "ca-$org" \
    --tls.certfiles "$(tlsca "$org")" >/dev/null 2>&1
  "$FABRIC_BIN/fabric-ca-client" enroll -H "$WORK/$name" -u "https://$name:$secret@127.0.0.1:$port" \
    --caname "ca-$org" --tls.certfiles "$(tlsca "$org")" >/dev/null 2>&1
  echo "$org" >"$WORK/$name/org"
  # the local MSP of the peer CLI needs its NodeOU classification, as every organisation's MSP has
  local cacert; cacert="cacerts/$(ls "$WORK/$name/msp/cacerts")"
  {
    echo "NodeOUs:"
    echo "  Enable: true"
    for ou in client peer admin orderer; do
      printf '  %sOUIdentifier:\n    Certificate: %s\n    OrganizationalUnitIdentifier: %s\n' \
        "${ou^}" "$cacert" "$ou"
    done
  } >"$WORK/$name/msp/config.yaml"
}

# as NAME peer ARGS...: the peer CLI signing with NAME's enrolled certificate, against its organisation's peer
as() {
  local name=$1 binary=$2 org; shift 2
  org="$(cat "$WORK/$name/org")"
  FABRIC_CFG_PATH="$RUN/config" FABRIC_LOGGING_SPEC="${LOGGING:-warning}" CORE_PEER_LOCALMSPID="${MSP[$org]}" \
    CORE_PEER_MSPCONFIGPATH="$WORK/$name/msp" CORE_PEER_ADDRESS="127.0.0.1:${PEER_PORT[$org]}" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="$(tlsca "$org")" CORE_PEER_TLS_CLIENTAUTHREQUIRED=true \
    CORE_PEER_TLS_CLIENTCERT_FILE="$(client_tls "$org")/client.crt" \
    CORE_PEER_TLS_CLIENTKEY_FILE="$(client_tls "$org")/client.key" "$FABRIC_BIN/$binary" "$@"
}

# invoke NAME FUNCTION ARG...: submits, endorsed by PlatformOrg's and BankOrg's peers (a majority), waits for the
# commit; prints the CLI's own output and leaves the transaction id in $WORK/txid
invoke() {
  local name=$1 fn=$2; shift 2
  local args; args="$(jq -cn --arg f "$fn" '{function: $f, Args: $ARGS.positional}' --args "$@")"
  local out status=0
  out="$(LOGGING="warning:chaincodeCmd=info" as "$name" peer chaincode invoke -o 127.0.0.1:7050 --tls --cafile "$ORDERER_TLS_CA" -C scf -n scf \
    --clientauth --certfile "$(client_tls "$(cat "$WORK/$name/org")")/client.crt" \
    --keyfile "$(client_tls "$(cat "$WORK/$name/org")")/client.key" \
    --peerAddresses 127.0.0.1:7051 --tlsRootCertFiles "$(tlsca platform)" \
    --peerAddresses 127.0.0.1:8051 --tlsRootCertFiles "$(tlsca bank)" \
    --waitForEvent -c "$args" 2>&1)" || status=$?
  printf '%s\n' "$out" | grep -v -e keepalive -e InitCmdFactory | sed 's/payload:".*"/payload:<event>/; s/^.*\] //' | sed 's/^/    /'
  printf '%s\n' "$out" | sed -n 's/.*txid \[\([0-9a-f]*\)\] committed.*/\1/p' | head -1 >"$WORK/txid"
  return $status
}

query() {
  local name=$1 fn=$2; shift 2
  as "$name" peer chaincode query -C scf -n scf -c "$(jq -cn --arg f "$fn" '{function: $f, Args: $ARGS.positional}' --args "$@")"
}

# admit ADMIN1 ADMIN2 ENTERPRISE ROLE MSP REQUEST-PREFIX: the ledger's admission, as two platform admins make it:
# the KYC record anchored and the admission proposed by the first, the registration confirmed by the second
admit() {
  local first=$1 second=$2 id=$3 role=$4 msp=$5 prefix=$6 kyc_hash
  kyc_hash="$(printf 'kyc %s' "$id" | sha256sum | cut -d' ' -f1)"
  invoke "$first" AnchorRecord KYC "KYC-$id" "$kyc_hash" "$prefix-kyc" >/dev/null
  invoke "$first" ProposeAdmission "$id" "$role" "$msp" "KYC-$id" "$kyc_hash" "$prefix-propose" >/dev/null
  invoke "$second" RegisterEnterprise "$id" "$role" "$msp" "$kyc_hash" "$prefix-register" >/dev/null
}

# unwritten NAME REQUEST-ID: says whether the ledger holds a request id (a refused transaction writes none)
unwritten() {
  { query "$1" GetRequest "$2" 2>&1 || true; } | grep -q NOT_FOUND && echo "none (GetRequest $2: NOT_FOUND)" || echo "WRITTEN"
}
