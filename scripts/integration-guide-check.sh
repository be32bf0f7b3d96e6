#!/usr/bin/env bash
# Runs the walk-through of docs/integration-guide.md § "Signing with your own key, step by step" as it is written:
# curl and openssl only (jq to read the answers), against a running platform with the demo seeded
# (scripts/up.sh). An ERP of the core enterprise makes a P-256 key, enrolls it by certificate request, registers a
# payable with its two signatures, and the script checks each answer. Exit 0 when every step answered as the guide
# says. Leaves behind: the payable (ids on the ledger are forever), the enrolled identity; the API key is revoked.
#
# Settings (environment): SCF_API_URL (default http://127.0.0.1:$SCF_API_PORT, 8080), SCF_ADMIN_USERNAME /
# SCF_ADMIN_PASSWORD (admin / scf-demo-pass), SCF_GUIDE_CORE (HUAXIN-AUTO), SCF_GUIDE_SUPPLIER (XINGHE-ELEC).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
for tool in curl openssl jq; do command -v "$tool" >/dev/null || die "$tool is needed"; done

SCF="${SCF_API_URL:-http://127.0.0.1:${SCF_API_PORT:-8080}}"
CORE="${SCF_GUIDE_CORE:-HUAXIN-AUTO}"
SUPPLIER="${SCF_GUIDE_SUPPLIER:-XINGHE-ELEC}"
RUN="guide-$(date -u +%Y%m%d%H%M%S)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# expect STATUS FILE WHAT: the last answer had that status, or the check fails showing the answer
expect() {
  if [ "$status" != "$1" ]; then
    cat "$2" >&2; echo >&2
    die "$3: expected $1, got $status"
  fi
  step "$3: $status"
}

log "The platform admin issues the ERP an API key for $CORE (kyc:write to enroll, payables:write to register)"
ADMIN=$(curl -sf "$SCF/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"${SCF_ADMIN_USERNAME:-admin}\",\"password\":\"${SCF_ADMIN_PASSWORD:-scf-demo-pass}\"}" | jq -r .accessToken)
curl -s "$SCF/api/v1/admin/enterprises/$CORE/api-keys" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"integration guide walk-through","scopes":["payables:read","payables:write","kyc:write"]}' > key.json
KEY=$(jq -r .apiKey key.json)
[ "$KEY" != null ] || { cat key.json >&2; die "no API key for $CORE"; }
revoke() { curl -s -o /dev/null -X DELETE "$SCF/api/v1/admin/enterprises/$CORE/api-keys/$(jq -r .id key.json)" \
  -H "Authorization: Bearer $ADMIN" || true; rm -rf "$work"; }
trap revoke EXIT

log "1. Key and certificate request (openssl), enrollment (curl)"
# --- as in the guide ---
openssl ecparam -name prime256v1 -genkey -noout -out erp.key
openssl req -new -key erp.key -subj "/CN=${RUN}" -out erp.csr
status=$(curl -s -o enrolled.json -w '%{http_code}' -X POST "$SCF/api/v1/self-custody/certificate-requests" \
  -H "X-API-Key: $KEY" -H 'Content-Type: application/json' --data "$(jq -Rs '{csr: .}' erp.csr)")
expect 201 enrolled.json "enrolled $RUN"
step "certificate $(jq -r .certificateId enrolled.json), SetEnterpriseCustody $(jq -r .ledgerTransactionId enrolled.json)"

log "2. A write, its proposal and its transaction signed with openssl"
# sign FILE: prints the base64 DER signature of FILE with S in the low half of the curve order. openssl does not
# normalise S; rather than computing n - S, sign again until S is low (one try in two).
HALF_N=7FFFFFFF800000007FFFFFFFFFFFFFFFDE737D56D38BCF4279DCE5617E3192A8
sign() {
  while :; do
    openssl dgst -sha256 -sign erp.key -out "$1.sig" "$1"
    s=$(openssl asn1parse -inform DER -in "$1.sig" | awk -F: 'END { print $NF }')
    s=$(printf '%64s' "$s" | tr ' ' 0)
    [[ "$s" > "$HALF_N" ]] || break
  done
  base64 -w0 "$1.sig"
}
PAYABLE="${RUN^^}"
ISSUED=$(date -u -d yesterday +%F)
DUE=$(date -u -d '+30 days' +%F)
FP=$(printf '%s' "$RUN|invoice-1" | openssl dgst -sha256 -hmac erp-invoice-hmac-key -r | cut -d' ' -f1)
DOC=$(printf '%s' "purchase order $PAYABLE" | openssl dgst -sha256 -r | cut -d' ' -f1)
status=$(curl -s -o answer.json -w '%{http_code}' "$SCF/api/v1/payables" -H "X-API-Key: $KEY" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: $PAYABLE" \
  -d "{\"payableId\":\"$PAYABLE\",\"beneficiaryId\":\"$SUPPLIER\",\"amountMinor\":1250000,\"currency\":\"CNY\",
       \"issueDate\":\"$ISSUED\",\"maturityDate\":\"$DUE\",\"invoiceFingerprints\":[\"$FP\"],\"documentHash\":\"$DOC\"}")
expect 202 answer.json "POST /api/v1/payables"
jq -r .signingSession.bytes answer.json | base64 -d > proposal.bin
SIGNATURE_URL=$(jq -r .signingSession.signatureUrl answer.json)
[ "$(openssl dgst -sha256 -binary proposal.bin | base64 -w0)" = "$(jq -r .signingSession.digest answer.json)" ] \
  || die "the session's digest is not the SHA-256 of its bytes"
status=$(curl -s -o answer.json -w '%{http_code}' -X POST "$SCF$SIGNATURE_URL" -H "X-API-Key: $KEY" \
  -H 'Content-Type: application/json' -d "{\"signature\":\"$(sign proposal.bin)\"}")
expect 200 answer.json "proposal signed: $SIGNATURE_URL"
[ "$(jq -r .step answer.json)" = TRANSACTION ] || { cat answer.json >&2; die "the session is not at step TRANSACTION"; }
jq -r .bytes answer.json | base64 -d > transaction.bin
SIGNATURE_URL=$(jq -r .signatureUrl answer.json)
status=$(curl -s -o answer.json -w '%{http_code}' -X POST "$SCF$SIGNATURE_URL" -H "X-API-Key: $KEY" \
  -H 'Content-Type: application/json' -d "{\"signature\":\"$(sign transaction.bin)\"}")
expect 201 answer.json "transaction signed: $SIGNATURE_URL"
[ "$(jq -r .payableId answer.json)" = "$PAYABLE" ] || { cat answer.json >&2; die "the answer is not payable $PAYABLE"; }
step "payable $PAYABLE $(jq -r .status answer.json), transaction $(jq -r .transactionId answer.json), block $(jq -r .blockNumber answer.json)"

log "3. The same signature sent again writes nothing: the stored answer comes back"
status=$(curl -s -o again.json -D headers.txt -w '%{http_code}' -X POST "$SCF$SIGNATURE_URL" -H "X-API-Key: $KEY" \
  -H 'Content-Type: application/json' -d "{\"signature\":\"$(base64 -w0 transaction.bin.sig)\"}")
expect 201 again.json "transaction signature again"
[ "$(jq -r .transactionId again.json)" = "$(jq -r .transactionId answer.json)" ] || die "a second transaction was written"
grep -qi '^Idempotent-Replayed: true' headers.txt || die "the second answer is not marked Idempotent-Replayed"
step "Idempotent-Replayed: true, transaction $(jq -r .transactionId again.json)"
log "The walk-through works as written"
