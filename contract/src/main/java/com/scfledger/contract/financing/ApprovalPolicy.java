package com.scfledger.contract.financing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * A bank's approval policy: financings of a face amount above {@code fourEyesThresholdMinor} need two distinct bank
 * identities (a proposal, then a confirmation of the same terms); at or below it one ApproveFinancing approves. A
 * bank without a policy record has {@link #defaultFor the default}, threshold 0: every approval needs two. Changing
 * the threshold is itself four-eyes: SetApprovalPolicy by one identity proposes, by a second one confirms.
 *
 * @param fourEyesThresholdMinor the threshold in force
 * @param proposal               a change waiting for its confirmation, or null
 * @param proposedBy             who proposed the threshold in force (null for the default)
 * @param confirmedBy            who confirmed it (null for the default)
 * @param updatedAt              when the record last changed (null for the default)
 * @param updatedByTx            the transaction that last changed it (null for the default)
 */
@JsonPropertyOrder(alphabetic = true)
public record ApprovalPolicy(String bankId, long fourEyesThresholdMinor, Proposal proposal, Approver proposedBy,
        Approver confirmedBy, Instant updatedAt, String updatedByTx) implements LedgerRecord {

    /** A proposed threshold and who proposed it. */
    @JsonPropertyOrder(alphabetic = true)
    public record Proposal(long fourEyesThresholdMinor, Approver proposedBy, Instant proposedAt, String proposedByTx) {
    }

    /** The policy of a bank that has recorded none: every approval needs two identities. */
    public static ApprovalPolicy defaultFor(final String bankId) {
        return new ApprovalPolicy(bankId, 0, null, null, null, null, null);
    }

    /** Whether approving this face amount takes a proposal and a confirmation. */
    public boolean needsFourEyes(final long faceAmountMinor) {
        return faceAmountMinor > fourEyesThresholdMinor;
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.approvalPolicy(bankId);
    }
}
