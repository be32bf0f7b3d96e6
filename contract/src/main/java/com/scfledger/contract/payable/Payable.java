package com.scfledger.contract.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * An obligation of a core enterprise to its tier-1 supplier, the root of a tree of tokens: GetPayable's result and
 * an entry of an event's {@code payables}.
 *
 * @param id                  the obligor's ERP reference; unique per obligor only
 * @param obligorId           the core enterprise that owes it
 * @param beneficiaryId       the tier-1 supplier it is owed to, holder of the root token
 * @param amount              minor units of {@code currency}
 * @param currency            ISO 4217
 * @param issueDate           when the obligation arose
 * @param maturityDate        when it is due
 * @param invoiceFingerprints keyed fingerprints (HMAC-SHA256, hex) of the invoices behind it, sorted
 * @param documentHash        SHA-256 of the off-chain payable document
 * @param rootTokenId         the token created with it
 * @param status              see {@link PayableStatus}
 * @param paymentReference    the obligor's payment reference when settled by SettlePayable; null otherwise
 * @param registeredAt        when it was registered
 * @param registeredByTx      the registering transaction
 * @param updatedAt           when it last changed
 * @param updatedByTx         the transaction that last changed it
 */
@JsonPropertyOrder(alphabetic = true)
public record Payable(String id, String obligorId, String beneficiaryId, long amount, String currency,
        LocalDate issueDate, LocalDate maturityDate, List<String> invoiceFingerprints, String documentHash,
        String rootTokenId, PayableStatus status, String paymentReference, Instant registeredAt,
        String registeredByTx, Instant updatedAt, String updatedByTx) implements LedgerRecord {

    public Payable {
        invoiceFingerprints = List.copyOf(invoiceFingerprints);
    }

    /**
     * This payable in a new status, stamped with the transaction that moved it.
     *
     * @throws IllegalStateException if the move is not in the state machine: a missing rule, not a client error
     */
    public Payable transition(final PayableStatus next, final String reference, final Instant at, final String txId) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("payable " + id + " cannot move from " + status + " to " + next);
        }
        return new Payable(id, obligorId, beneficiaryId, amount, currency, issueDate, maturityDate,
                invoiceFingerprints, documentHash, rootTokenId, next, reference, registeredAt, registeredByTx, at, txId);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.payable(obligorId, id);
    }
}
