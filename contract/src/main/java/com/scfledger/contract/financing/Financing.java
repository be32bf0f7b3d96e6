package com.scfledger.contract.financing;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * A request to a bank to finance (discount) a token, and, once approved, its terms; the terms are null until then.
 * GetFinancing's result and an entry of an event's {@code financings}.
 *
 * @param id                      the off-chain application id
 * @param tokenId                 the token offered
 * @param bankId                  the bank asked
 * @param applicantId             the holder that asked
 * @param faceAmount              the token's amount
 * @param currency                the token's currency
 * @param maturityDate            the token's maturity
 * @param applicationDocumentHash SHA-256 of the off-chain application, also anchored as FINANCING_APPLICATION
 * @param dayCountBasis           always ACT/360
 * @param status                  see {@link FinancingStatus}
 * @param annualRateBps           approved rate in basis points
 * @param valueDate               approval date (UTC), from which days count
 * @param days                    actual days from valueDate to maturityDate
 * @param discount                minor units the bank keeps
 * @param advance                 minor units the applicant receives: faceAmount - discount
 * @param requestedAt             when it was requested
 * @param requestedByTx           the requesting transaction
 * @param updatedAt               when it last changed
 * @param updatedByTx             the transaction that last changed it
 */
@JsonPropertyOrder(alphabetic = true)
public record Financing(String id, String tokenId, String bankId, String applicantId, long faceAmount,
        String currency, LocalDate maturityDate, String applicationDocumentHash, String dayCountBasis,
        FinancingStatus status, Integer annualRateBps, LocalDate valueDate, Long days, Long discount, Long advance,
        Instant requestedAt, String requestedByTx, Instant updatedAt, String updatedByTx) implements LedgerRecord {

    /** The only day-count convention the ledger uses: actual days over a 360-day year. */
    public static final String ACT_360 = "ACT/360";

    /**
     * This financing in a new status, stamped with the transaction that moved it.
     *
     * @throws IllegalStateException if the move is not in the state machine: a missing rule, not a client error
     */
    public Financing transition(final FinancingStatus next, final Instant at, final String txId) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("financing " + id + " cannot move from " + status + " to " + next);
        }
        return new Financing(id, tokenId, bankId, applicantId, faceAmount, currency, maturityDate,
                applicationDocumentHash, dayCountBasis, next, annualRateBps, valueDate, days, discount, advance,
                requestedAt, requestedByTx, at, txId);
    }

    /** This financing with the approved terms. */
    public Financing withTerms(final int rateBps, final LocalDate termsValueDate, final long termsDays,
            final long termsDiscount, final long termsAdvance) {
        return new Financing(id, tokenId, bankId, applicantId, faceAmount, currency, maturityDate,
                applicationDocumentHash, dayCountBasis, status, rateBps, termsValueDate, termsDays, termsDiscount,
                termsAdvance, requestedAt, requestedByTx, updatedAt, updatedByTx);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.financing(id);
    }
}
