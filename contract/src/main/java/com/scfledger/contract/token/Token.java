package com.scfledger.contract.token;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * A receivable: a claim on part of one payable, held by one enterprise. GetToken's result and an entry of an
 * event's {@code tokens}.
 *
 * @param id               derived from the creating transaction: {@code <txId>.<output index>}
 * @param obligorId        the core enterprise that owes it (inherited from the payable)
 * @param payableId        the payable it is part of (the root of its lineage)
 * @param parentId         the token it was split from; null for the root token
 * @param holderId         the enterprise that holds it
 * @param amount           minor units of {@code currency}
 * @param currency         ISO 4217, inherited from the payable
 * @param maturityDate     inherited from the payable
 * @param tier             0 for the root; +1 for each split output to another enterprise
 * @param status           see {@link TokenStatus}
 * @param financingId      the financing that locks or financed it; null otherwise
 * @param paymentReference the obligor's payment reference once settled
 * @param createdAt        when it was created
 * @param createdByTx      the transaction that created it
 * @param updatedAt        when it last changed
 * @param updatedByTx      the transaction that last changed it
 */
@JsonPropertyOrder(alphabetic = true)
public record Token(String id, String obligorId, String payableId, String parentId, String holderId, long amount,
        String currency, LocalDate maturityDate, int tier, TokenStatus status, String financingId,
        String paymentReference, Instant createdAt, String createdByTx, Instant updatedAt, String updatedByTx)
        implements LedgerRecord {

    /** A new token, neither financed nor settled, created by the given transaction at the given time. */
    public static Token create(final String id, final String obligorId, final String payableId, final String parentId,
            final String holderId, final long amount, final String currency, final LocalDate maturityDate,
            final int tier, final TokenStatus status, final Instant at, final String txId) {
        return new Token(id, obligorId, payableId, parentId, holderId, amount, currency, maturityDate, tier, status,
                null, null, at, txId, at, txId);
    }

    /**
     * This token in a new status, stamped with the transaction that moved it.
     *
     * @throws IllegalStateException if the move is not in the state machine: a rule is missing, not a client error
     */
    public Token transition(final TokenStatus next, final Instant at, final String txId) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("token " + id + " cannot move from " + status + " to " + next);
        }
        return new Token(id, obligorId, payableId, parentId, holderId, amount, currency, maturityDate, tier, next,
                financingId, paymentReference, createdAt, createdByTx, at, txId);
    }

    public Token withHolder(final String newHolderId) {
        return new Token(id, obligorId, payableId, parentId, newHolderId, amount, currency, maturityDate, tier, status,
                financingId, paymentReference, createdAt, createdByTx, updatedAt, updatedByTx);
    }

    public Token withFinancing(final String newFinancingId) {
        return new Token(id, obligorId, payableId, parentId, holderId, amount, currency, maturityDate, tier, status,
                newFinancingId, paymentReference, createdAt, createdByTx, updatedAt, updatedByTx);
    }

    public Token withPaymentReference(final String reference) {
        return new Token(id, obligorId, payableId, parentId, holderId, amount, currency, maturityDate, tier, status,
                financingId, reference, createdAt, createdByTx, updatedAt, updatedByTx);
    }

    /** No transfer or financing on or after the maturity date. */
    public boolean maturedBy(final LocalDate date) {
        return !date.isBefore(maturityDate);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.token(id);
    }
}
