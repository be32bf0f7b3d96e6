package com.scfledger.contract.financing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * A bank's credit limit for one obligor in one currency, and the exposure held against it. RequestFinancing
 * {@linkplain #reserve reserves} the token's face amount, the approval {@linkplain #consume consumes} it (reserved
 * moves to consumed), and rejection, cancellation ({@link #releaseReserved}) and settlement
 * ({@link #releaseConsumed}) give it back. The limit itself is set by four eyes: SetCreditLimit by one identity of
 * the bank proposes, by a second one with the same figure confirms. Without a record the bank has no limit for the
 * obligor, and nothing can be financed against it.
 *
 * <p>Every figure stays within {@link com.scfledger.contract.Amounts#MAX_MINOR}; the sums use exact arithmetic, so
 * an overflow is an error, never a wrapped figure.
 *
 * @param limitMinor    the limit in force (0 until a first proposal is confirmed)
 * @param reservedMinor face amounts of REQUESTED financings
 * @param consumedMinor face amounts of APPROVED financings whose token is not settled yet
 * @param proposal      a limit waiting for its confirmation, or null
 * @param proposedBy    who proposed the limit in force (null until one is confirmed)
 * @param confirmedBy   who confirmed it (null until then)
 */
@JsonPropertyOrder(alphabetic = true)
public record CreditLimit(String bankId, String obligorId, String currency, long limitMinor, long reservedMinor,
        long consumedMinor, Proposal proposal, Approver proposedBy, Approver confirmedBy, Instant updatedAt,
        String updatedByTx) implements LedgerRecord {

    /** A proposed limit and who proposed it. */
    @JsonPropertyOrder(alphabetic = true)
    public record Proposal(long limitMinor, Approver proposedBy, Instant proposedAt, String proposedByTx) {
    }

    /** The record of a limit never set before: no limit and no exposure. */
    public static CreditLimit none(final String bankId, final String obligorId, final String currency) {
        return new CreditLimit(bankId, obligorId, currency, 0, 0, 0, null, null, null, null, null);
    }

    /** Whether a limit was ever confirmed: before that nothing can be financed against the obligor. */
    public boolean inForce() {
        return confirmedBy != null;
    }

    /** What a new request may still reserve: the limit less what is reserved and consumed (negative if lowered). */
    public long availableMinor() {
        return limitMinor - Math.addExact(reservedMinor, consumedMinor);
    }

    /** Whether a new request of this amount fits under the limit next to everything reserved and consumed. */
    public boolean canReserve(final long amountMinor) {
        return inForce() && Math.addExact(Math.addExact(reservedMinor, consumedMinor), amountMinor) <= limitMinor;
    }

    /** Whether an approval of this (reserved) amount fits under the limit next to everything already consumed. */
    public boolean canConsume(final long amountMinor) {
        return inForce() && Math.addExact(consumedMinor, amountMinor) <= limitMinor;
    }

    public CreditLimit reserve(final long amountMinor, final Instant at, final String txId) {
        return figures(Math.addExact(reservedMinor, amountMinor), consumedMinor, at, txId);
    }

    /** Reserved becomes consumed: the financing is approved. */
    public CreditLimit consume(final long amountMinor, final Instant at, final String txId) {
        return figures(less(reservedMinor, amountMinor), Math.addExact(consumedMinor, amountMinor), at, txId);
    }

    /** A REQUESTED financing ends without approval (rejected or cancelled). */
    public CreditLimit releaseReserved(final long amountMinor, final Instant at, final String txId) {
        return figures(less(reservedMinor, amountMinor), consumedMinor, at, txId);
    }

    /** A financed token is settled by its obligor. */
    public CreditLimit releaseConsumed(final long amountMinor, final Instant at, final String txId) {
        return figures(reservedMinor, less(consumedMinor, amountMinor), at, txId);
    }

    /**
     * A figure less an amount, never below zero: a financing requested before the ledger kept limits reserved
     * nothing, and releasing it must not leave a negative exposure that would admit more than the limit.
     */
    private static long less(final long figure, final long amountMinor) {
        return Math.max(0, Math.subtractExact(figure, amountMinor));
    }

    /** The same exposure with a proposal waiting. */
    public CreditLimit propose(final long proposedLimitMinor, final Approver by, final Instant at, final String txId) {
        return new CreditLimit(bankId, obligorId, currency, limitMinor, reservedMinor, consumedMinor,
                new Proposal(proposedLimitMinor, by, at, txId), proposedBy, confirmedBy, at, txId);
    }

    /** The waiting proposal confirmed: its limit is in force. */
    public CreditLimit confirm(final Approver by, final Instant at, final String txId) {
        return new CreditLimit(bankId, obligorId, currency, proposal.limitMinor(), reservedMinor, consumedMinor, null,
                proposal.proposedBy(), by, at, txId);
    }

    private CreditLimit figures(final long reserved, final long consumed, final Instant at, final String txId) {
        return new CreditLimit(bankId, obligorId, currency, limitMinor, reserved, consumed, proposal, proposedBy,
                confirmedBy, at, txId);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.creditLimit(bankId, obligorId, currency);
    }
}
