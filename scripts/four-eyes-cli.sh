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

# shellcheck source=lib/peer-cli.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/peer-cli.sh"

BANK="BANK-FE$SUFFIX" CORE="CORE-FE$SUFFIX" SUP="SUP-FE$SUFFIX" FIN="FIN-FE$SUFFIX" PAYABLE="PO-FE$SUFFIX"
HASH="$(printf 'four eyes %s' "$SUFFIX" | sha256sum | cut -d' ' -f1)"
say "Enrolling identities at the CAs with fabric-ca-client (suffix $SUFFIX)"
enroll "fe-admin-$SUFFIX" platform "scf.role=PLATFORM_ADMIN:ecert"
enroll "fe-admin2-$SUFFIX" platform "scf.role=PLATFORM_ADMIN:ecert"
enroll "fe-core-$SUFFIX" core "scf.enterpriseId=$CORE:ecert,scf.role=CORE:ecert"
enroll "fe-sup-$SUFFIX" platform "scf.enterpriseId=$SUP:ecert,scf.role=SUPPLIER:ecert"
enroll "fe-alice-$SUFFIX" bank "scf.enterpriseId=$BANK:ecert,scf.role=BANK:ecert,scf.username=alice:ecert"
enroll "fe-bob-$SUFFIX" bank "scf.enterpriseId=$BANK:ecert,scf.role=BANK:ecert,scf.username=bob:ecert"
ADMIN="fe-admin-$SUFFIX" COREID="fe-core-$SUFFIX" SUPID="fe-sup-$SUFFIX" ALICE="fe-alice-$SUFFIX" BOB="fe-bob-$SUFFIX"

say "Setting up: three enterprises (admitted by two admins), the bank's credit limit, a payable of 150 000 000 minor units, its acceptance, a financing request"
admit "$ADMIN" "fe-admin2-$SUFFIX" "$BANK" BANK BankMSP "fe-$SUFFIX-1"
admit "$ADMIN" "fe-admin2-$SUFFIX" "$CORE" CORE CoreMSP "fe-$SUFFIX-2"
admit "$ADMIN" "fe-admin2-$SUFFIX" "$SUP" SUPPLIER PlatformMSP "fe-$SUFFIX-3"
today="$(date -u +%F)" maturity="$(date -u -d '+90 days' +%F)"
invoke "$COREID" RegisterPayable "$PAYABLE" "$SUP" 150000000 CNY "$today" "$maturity" "[\"$HASH\"]" "$HASH" \
  "fe-$SUFFIX-4" >/dev/null
invoke "$SUPID" AcceptPayable "$CORE" "$PAYABLE" "fe-$SUFFIX-5" >/dev/null
TOKEN="$(query "$SUPID" GetPayable "$CORE" "$PAYABLE" | jq -r .rootTokenId)"
# the bank's credit limit for the obligor, which the request reserves against: proposed by alice, confirmed by bob
invoke "$ALICE" SetCreditLimit "$CORE" CNY 150000000 "fe-$SUFFIX-5a" >/dev/null
invoke "$BOB" SetCreditLimit "$CORE" CNY 150000000 "fe-$SUFFIX-5b" >/dev/null
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
