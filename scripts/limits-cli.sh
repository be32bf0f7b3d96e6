#!/usr/bin/env bash
# Credit limits on the ledger as an outside client sees them: Fabric's own peer CLI, with identities freshly
# enrolled at the organisations' CAs with fabric-ca-client (not the API, not its keys). It admits its own bank,
# obligor and supplier, registers two payables of 600 000 minor units, then:
#   1. the supplier asks for financing before the bank has any limit:   refused LIMIT_EXCEEDED, nothing written;
#   2. bank certificate A proposes a limit of 1 000 000:               a proposal only, not yet in force;
#      A confirms it itself: refused SAME_APPROVER; certificate B confirms 2 000 000: refused TERMS_MISMATCH;
#      B confirms 1 000 000: in force, both signers recorded;
#   3. the first request (600 000) reserves against it;
#   4. the second request (600 000, exposure 1 200 000 > 1 000 000):   refused LIMIT_EXCEEDED, nothing written;
#   5. the supplier cancels the first: the reservation is released, and the second now fits;
#   6. the limit's history (GetHistory) shows every change and who made it.
#
#   scripts/limits-cli.sh      run where the network's ports are (e.g. /work/tools/nsdev NAME WT run ...)
#
# Needs the network up (scripts/network.sh up: it enrolls the CA registrars), jq and openssl.
set -euo pipefail

# shellcheck source=lib/peer-cli.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/peer-cli.sh"

BANK="BANK-CL$SUFFIX" CORE="CORE-CL$SUFFIX" SUP="SUP-CL$SUFFIX" R="cl-$SUFFIX"
HASH="$(printf 'credit limits %s' "$SUFFIX" | sha256sum | cut -d' ' -f1)"
say "Enrolling identities at the CAs with fabric-ca-client (suffix $SUFFIX)"
enroll "cl-admin-$SUFFIX" platform "scf.role=PLATFORM_ADMIN:ecert"
enroll "cl-admin2-$SUFFIX" platform "scf.role=PLATFORM_ADMIN:ecert"
enroll "cl-core-$SUFFIX" core "scf.enterpriseId=$CORE:ecert,scf.role=CORE:ecert"
enroll "cl-sup-$SUFFIX" platform "scf.enterpriseId=$SUP:ecert,scf.role=SUPPLIER:ecert"
enroll "cl-alice-$SUFFIX" bank "scf.enterpriseId=$BANK:ecert,scf.role=BANK:ecert,scf.username=alice:ecert"
enroll "cl-bob-$SUFFIX" bank "scf.enterpriseId=$BANK:ecert,scf.role=BANK:ecert,scf.username=bob:ecert"
COREID="cl-core-$SUFFIX" SUPID="cl-sup-$SUFFIX" ALICE="cl-alice-$SUFFIX" BOB="cl-bob-$SUFFIX"

say "Setting up: three enterprises admitted by two admins, two payables of 600 000 accepted by the supplier"
admit "cl-admin-$SUFFIX" "cl-admin2-$SUFFIX" "$BANK" BANK BankMSP "$R-1"
admit "cl-admin-$SUFFIX" "cl-admin2-$SUFFIX" "$CORE" CORE CoreMSP "$R-2"
admit "cl-admin-$SUFFIX" "cl-admin2-$SUFFIX" "$SUP" SUPPLIER PlatformMSP "$R-3"
today="$(date -u +%F)" maturity="$(date -u -d '+90 days' +%F)"
for n in 1 2; do
  fingerprint="$(printf 'invoice %s %s' "$SUFFIX" "$n" | sha256sum | cut -d' ' -f1)"
  invoke "$COREID" RegisterPayable "PO-CL$SUFFIX-$n" "$SUP" 600000 CNY "$today" "$maturity" "[\"$fingerprint\"]" \
    "$HASH" "$R-4$n" >/dev/null
  invoke "$SUPID" AcceptPayable "$CORE" "PO-CL$SUFFIX-$n" "$R-5$n" >/dev/null
done
T1="$(query "$SUPID" GetPayable "$CORE" "PO-CL$SUFFIX-1" | jq -r .rootTokenId)"
T2="$(query "$SUPID" GetPayable "$CORE" "PO-CL$SUFFIX-2" | jq -r .rootTokenId)"
limit() { query "$ALICE" GetCreditLimit "$BANK" "$CORE" CNY | jq -c '{limitMinor, reservedMinor, consumedMinor, proposal: (.proposal // null | if . then {limitMinor, by: .proposedBy.username} else null end), proposedBy: .proposedBy.username, confirmedBy: .confirmedBy.username}'; }
echo "    tokens $T1 and $T2 (600 000 CNY each), held by $SUP; obligor $CORE; bank $BANK"

say "1. the supplier asks $BANK to finance $T1 before the bank has set any limit for $CORE"
if invoke "$SUPID" RequestFinancing "FIN-CL$SUFFIX-1" "$T1" "$BANK" "$HASH" "$R-6"; then echo "UNEXPECTED: accepted" >&2; exit 1; fi
echo "    written: $(unwritten "$SUPID" "$R-6"); token $T1: $(query "$SUPID" GetToken "$T1" | jq -r .status)"

say "2. alice (bank certificate A) proposes a limit of 1 000 000 CNY for $CORE"
invoke "$ALICE" SetCreditLimit "$CORE" CNY 1000000 "$R-7"
echo "    GetCreditLimit: $(limit)"
say "2b. alice confirms her own proposal"
if invoke "$ALICE" SetCreditLimit "$CORE" CNY 1000000 "$R-8"; then echo "UNEXPECTED: accepted" >&2; exit 1; fi
echo "    written: $(unwritten "$ALICE" "$R-8")"
say "2c. bob (bank certificate B) confirms another figure, 2 000 000"
if invoke "$BOB" SetCreditLimit "$CORE" CNY 2000000 "$R-9"; then echo "UNEXPECTED: accepted" >&2; exit 1; fi
echo "    written: $(unwritten "$BOB" "$R-9")"
say "2d. bob confirms 1 000 000"
invoke "$BOB" SetCreditLimit "$CORE" CNY 1000000 "$R-10"
echo "    GetCreditLimit: $(limit)"

say "3. the supplier asks to finance $T1 (600 000): it reserves against the limit"
invoke "$SUPID" RequestFinancing "FIN-CL$SUFFIX-1" "$T1" "$BANK" "$HASH" "$R-11"
echo "    GetCreditLimit: $(limit)"

say "4. the supplier asks to finance $T2 (600 000): exposure 1 200 000 would pass the limit of 1 000 000"
if invoke "$SUPID" RequestFinancing "FIN-CL$SUFFIX-2" "$T2" "$BANK" "$HASH" "$R-12"; then echo "UNEXPECTED: accepted" >&2; exit 1; fi
echo "    written: $(unwritten "$SUPID" "$R-12"); token $T2: $(query "$SUPID" GetToken "$T2" | jq -r .status)"
echo "    GetCreditLimit: $(limit)"

say "5. the supplier cancels the first request: its reservation is released, and the second fits"
invoke "$SUPID" CancelFinancing "FIN-CL$SUFFIX-1" "$R-13" >/dev/null
echo "    after CancelFinancing: $(limit)"
invoke "$SUPID" RequestFinancing "FIN-CL$SUFFIX-2" "$T2" "$BANK" "$HASH" "$R-14" >/dev/null
echo "    after RequestFinancing of $T2: $(limit)"

say "6. GetHistory creditLimit:$BANK:$CORE:CNY: every change, its transaction and its signers"
query "$BOB" GetHistory "creditLimit:$BANK:$CORE:CNY" | jq -c '.[] | {txId: (.txId[0:12]), limit: .value.limitMinor, reserved: .value.reservedMinor, proposal: .value.proposal.limitMinor, proposedBy: (.value.proposal.proposedBy.username // .value.proposedBy.username), confirmedBy: .value.confirmedBy.username}'
