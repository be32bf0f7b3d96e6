package com.scfledger.chaincode.financing;

import java.time.Instant;
import java.time.LocalDate;

import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.LedgerRecord;
import com.scfledger.chaincode.ledger.RecordKind;

/**
 * A request to a bank to finance (discount) a token, and, once approved, its terms. The terms are null until then.
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
public record Financing(String id, String tokenId, String bankId, String applicantId, long faceAmount,
        String currency, LocalDate maturityDate, String applicationDocumentHash, String dayCountBasis,
        FinancingStatus status, Integer annualRateBps, LocalDate valueDate, Long days, Long discount, Long advance,
        Instant requestedAt, String requestedByTx, Instant updatedAt, String updatedByTx) implements LedgerRecord {

    /** @throws IllegalStateException if the move is not in the state machine: a missing rule, not a client error */
    public Financing transition(final FinancingStatus next, final Invocation inv) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("financing " + id + " cannot move from " + status + " to " + next);
        }
        return new Financing(id, tokenId, bankId, applicantId, faceAmount, currency, maturityDate,
                applicationDocumentHash, dayCountBasis, next, annualRateBps, valueDate, days, discount, advance,
                requestedAt, requestedByTx, inv.timestamp(), inv.txId());
    }

    public Financing withTerms(final DiscountTerms terms) {
        return new Financing(id, tokenId, bankId, applicantId, faceAmount, currency, maturityDate,
                applicationDocumentHash, dayCountBasis, status, terms.annualRateBps(), terms.valueDate(),
                terms.days(), terms.discount(), terms.advance(), requestedAt, requestedByTx, updatedAt, updatedByTx);
    }

    @Override
    public String ledgerKey() {
        return Keys.financing(id);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.FINANCING;
    }
}
