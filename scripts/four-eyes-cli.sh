#!/usr/bin/env bash
# Four eyes on the ledger as an outside client sees it: Fabric's own peer CLI, with identities freshly enrolled at
# the organisations' CAs with fabric-ca-client (not the API, not its keys). It sets up its own enterprises, payable
# and financing request above the bank's threshold (a bank without a policy: threshold 0), then:
#   1. bank certificate A approves: only the proposal is written, the financing stays REQUESTED;
#   2. A approves again (a single-signature approval):  refused SAME_APPROVER, nothing written;
#   3. certificate B confirms another rate:              refused TERMS_MISMATCH, nothing written;
#   4. B confirms the same rate:                         APPROVED, the token is the bank's;
#   5. the two signers read back from the blocks: qscc GetTransactionByID for each transaction, decoded with
#      configtxlator, and the creator certificate's subject printed.
#
#   scripts/four-eyes-cli.sh      run where the network's ports are (e.g. /work/tools/nsdev NAME WT run ...)
#
# Needs the network up (scripts/network.sh up: it enrolls the CA registrars), jq and openssl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/fabric-network/.run"
CRYPTO="$RUN/crypto"
# shellcheck disable=SC1091
FABRIC_BIN="$(grep '^SCF_FABRIC_BIN=' "$RUN/network.env" | cut -d= -f2)"
ORDERER_TLS_CA="$CRYPTO/ordererOrganizations/orderer.scf/tlsca/tlsca.orderer.scf-cert.pem"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SUFFIX="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F')"

declare -A MSP=([platform]=PlatformMSP [bank]=BankMSP [core]=CoreMSP)
declare -A PEER_PORT=([platform]=7051 [bank]=8051 [core]=9051)
tlsca() { echo "$CRYPTO/peerOrganizations/$1.scf/tlsca/tlsca.$1.scf-cert.pem"; }
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

# enroll NAME ORG ATTRS: registers NAME at ORG's CA (as its registrar) with ATTRS in the enrollment certificate,
# enrolls it into $WORK/NAME/msp
enroll() {
  local name=$1 org=$2 attrs=$3 secret port=$(( ${PEER_PORT[$2]} + 3 ))
  secret="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  "$FABRIC_BIN/fabric-ca-client" register -H "$RUN/ca-admin/$org" --id.name "$name" --id.secret "$secret" \
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
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="$(tlsca "$org")" "$FABRIC_BIN/$binary" "$@"
}

# invoke NAME FUNCTION ARG...: submits, endorsed by PlatformOrg's and BankOrg's peers (a majority), waits for the
# commit; prints the CLI's own output and leaves the transaction id in $WORK/txid
invoke() {
  local name=$1 fn=$2; shift 2
  local args; args="$(jq -cn --arg f "$fn" '{function: $f, Args: $ARGS.positional}' --args "$@")"
  local out status=0
  out="$(LOGGING="warning:chaincodeCmd=info" as "$name" peer chaincode invoke -o 127.0.0.1:7050 --tls --cafile "$ORDERER_TLS_CA" -C scf -n scf \
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

BANK="BANK-FE$SUFFIX" CORE="CORE-FE$SUFFIX" SUP="SUP-FE$SUFFIX" FIN="FIN-FE$SUFFIX" PAYABLE="PO-FE$SUFFIX"
HASH="$(printf 'four eyes %s' "$SUFFIX" | sha256sum | cut -d' ' -f1)"
say "Enrolling identities at the CAs with fabric-ca-client (suffix $SUFFIX)"
enroll "fe-admin-$SUFFIX" platform "scf.role=PLATFORM_ADMIN:ecert"
enroll "fe-core-$SUFFIX" core "scf.enterpriseId=$CORE:ecert,scf.role=CORE:ecert"
enroll "fe-sup-$SUFFIX" platform "scf.enterpriseId=$SUP:ecert,scf.role=SUPPLIER:ecert"
enroll "fe-alice-$SUFFIX" bank "scf.enterpriseId=$BANK:ecert,scf.role=BANK:ecert,scf.username=alice:ecert"
enroll "fe-bob-$SUFFIX" bank "scf.enterpriseId=$BANK:ecert,scf.role=BANK:ecert,scf.username=bob:ecert"
ADMIN="fe-admin-$SUFFIX" COREID="fe-core-$SUFFIX" SUPID="fe-sup-$SUFFIX" ALICE="fe-alice-$SUFFIX" BOB="fe-bob-$SUFFIX"

say "Setting up: three enterprises, a payable of 150 000 000 minor units, its acceptance, a financing request"
invoke "$ADMIN" RegisterEnterprise "$BANK" BANK BankMSP "$HASH" "fe-$SUFFIX-1" >/dev/null
invoke "$ADMIN" RegisterEnterprise "$CORE" CORE CoreMSP "$HASH" "fe-$SUFFIX-2" >/dev/null
invoke "$ADMIN" RegisterEnterprise "$SUP" SUPPLIER PlatformMSP "$HASH" "fe-$SUFFIX-3" >/dev/null
today="$(date -u +%F)" maturity="$(date -u -d '+90 days' +%F)"
invoke "$COREID" RegisterPayable "$PAYABLE" "$SUP" 150000000 CNY "$today" "$maturity" "[\"$HASH\"]" "$HASH" \
  "fe-$SUFFIX-4" >/dev/null
invoke "$SUPID" AcceptPayable "$CORE" "$PAYABLE" "fe-$SUFFIX-5" >/dev/null
TOKEN="$(query "$SUPID" GetPayable "$CORE" "$PAYABLE" | jq -r .rootTokenId)"
invoke "$SUPID" RequestFinancing "$FIN" "$TOKEN" "$BANK" "$HASH" "fe-$SUFFIX-6" >/dev/null
echo "    financing $FIN of token $TOKEN: $(query "$ALICE" GetFinancing "$FIN" | jq -r .status)," \
  "bank policy threshold $(query "$ALICE" GetApprovalPolicy "$BANK" | jq -r .fourEyesThresholdMinor)"

say "1. alice (bank certificate A) approves at 450 bps"
invoke "$ALICE" ApproveFinancing "$FIN" 450 "fe-$SUFFIX-7"
PROPOSAL_TX="$(cat "$WORK/txid")"
echo "    financing status after one signature: $(query "$ALICE" GetFinancing "$FIN" | jq -r .status)"

say "2. alice approves again: a single-signature approval above the threshold"
if invoke "$ALICE" ApproveFinancing "$FIN" 450 "fe-$SUFFIX-8"; then echo "UNEXPECTED: accepted" >&2; exit 1; fi
written="$( { query "$ALICE" GetRequest "fe-$SUFFIX-8" 2>&1 || true; } | grep -q NOT_FOUND && echo "none (GetRequest: NOT_FOUND)" || echo "WRITTEN")"
echo "    financing status: $(query "$ALICE" GetFinancing "$FIN" | jq -r .status); request fe-$SUFFIX-8 on the ledger: $written"

say "3. bob (bank certificate B) confirms another rate, 500 bps"
if invoke "$BOB" ApproveFinancing "$FIN" 500 "fe-$SUFFIX-9"; then echo "UNEXPECTED: accepted" >&2; exit 1; fi
echo "    financing status: $(query "$BOB" GetFinancing "$FIN" | jq -r .status)"

say "4. bob confirms 450 bps"
invoke "$BOB" ApproveFinancing "$FIN" 450 "fe-$SUFFIX-10"
CONFIRM_TX="$(cat "$WORK/txid")"
echo "    financing: $(query "$BOB" GetFinancing "$FIN" | jq -c '{status, annualRateBps, discount, advance}')"
echo "    token holder: $(query "$BOB" GetToken "$TOKEN" | jq -r .holderId)"
echo "    GetFinancingApproval: $(query "$BOB" GetFinancingApproval "$FIN" | jq -c '{proposedBy, proposedByTx, confirmedBy, confirmedByTx}')"

say "5. The two signers, read from the blocks (qscc GetTransactionByID, configtxlator proto_decode)"
for tx in "$PROPOSAL_TX" "$CONFIRM_TX"; do
  as "$ALICE" peer chaincode query -C scf -n qscc --hex -c "{\"Args\":[\"GetTransactionByID\",\"scf\",\"$tx\"]}" \
    | xxd -r -p >"$WORK/tx.pb"
  "$FABRIC_BIN/configtxlator" proto_decode --type protos.ProcessedTransaction --input "$WORK/tx.pb" \
    --output "$WORK/tx.json"
  creator="$(jq -r '.transactionEnvelope.payload.header.signature_header.creator' "$WORK/tx.json")"
  subject="$(jq -r .id_bytes <<<"$creator" | base64 -d | openssl x509 -noout -subject)"
  echo "    tx $tx (validation code $(jq -r .validationCode "$WORK/tx.json")): creator $(jq -r .mspid <<<"$creator"), $subject"
done
