package com.scfledger.contract.financing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * The four eyes of a financing's approval: the proposal (the first ApproveFinancing above the bank's threshold) and
 * its confirmation by a second identity; or, at or below the threshold, the one approver as proposer and confirmer.
 * GetFinancingApproval's result; its history shows both signers.
 *
 * @param annualRateBps the proposed rate, which the confirmation must repeat
 * @param confirmedBy   null until confirmed
 */
@JsonPropertyOrder(alphabetic = true)
public record FinancingApproval(String financingId, String bankId, long faceAmount, int annualRateBps,
        long fourEyesThresholdMinor, Approver proposedBy, Instant proposedAt, String proposedByTx,
        Approver confirmedBy, Instant confirmedAt, String confirmedByTx) implements LedgerRecord {

    public boolean confirmed() {
        return confirmedBy != null;
    }

    public FinancingApproval confirm(final Approver confirmer, final Instant at, final String txId) {
        return new FinancingApproval(financingId, bankId, faceAmount, annualRateBps, fourEyesThresholdMinor, proposedBy,
                proposedAt, proposedByTx, confirmer, at, txId);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.financingApproval(financingId);
    }
}
