package com.scfledger.platform.financing;

import java.util.EnumSet;
import java.util.Set;

import com.scfledger.platform.approval.ApprovalState;

/**
 * A financing application's life off the ledger (the ledger's own financing goes REQUESTED, then APPROVED,
 * REJECTED or CANCELLED).
 *
 * <pre>
 * DRAFT                    -> SUBMITTED (RequestFinancing: anchored, token locked) | CANCELLED
 * SUBMITTED                -> AWAITING_SECOND_APPROVAL (maker, above the four-eyes threshold)
 *                           | APPROVING (at or below it) | REJECTED | CANCELLED
 * AWAITING_SECOND_APPROVAL -> APPROVING (checker: another bank user) | REJECTED | CANCELLED
 * APPROVING                -> APPROVED (ApproveFinancing committed: the token moved to the bank)
 *                           | SUBMITTED | AWAITING_SECOND_APPROVAL (the ledger refused; the limit is released)
 * APPROVED                 -> DISBURSED (the bank records its payment reference)
 * DISBURSED, REJECTED, CANCELLED: final
 * </pre>
 * APPROVING holds the credit limit while ApproveFinancing runs, so two approvals cannot both take the last of it.
 */
enum FinancingStatus implements ApprovalState<FinancingStatus> {
    DRAFT, SUBMITTED, AWAITING_SECOND_APPROVAL, APPROVING, APPROVED, DISBURSED, REJECTED, CANCELLED;

    @Override
    public Set<FinancingStatus> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> EnumSet.of(AWAITING_SECOND_APPROVAL, APPROVING, REJECTED, CANCELLED);
            case AWAITING_SECOND_APPROVAL -> EnumSet.of(APPROVING, REJECTED, CANCELLED);
            case APPROVING -> EnumSet.of(APPROVED, SUBMITTED, AWAITING_SECOND_APPROVAL);
            case APPROVED -> EnumSet.of(DISBURSED);
            case DISBURSED, REJECTED, CANCELLED -> EnumSet.noneOf(FinancingStatus.class);
        };
    }

    /** Documents are added only to a draft; the application is anchored as submitted. */
    @Override
    public boolean editable() {
        return this == DRAFT;
    }

    /** Waiting for the bank's decision (locked on the ledger). */
    boolean pendingDecision() {
        return this == SUBMITTED || this == AWAITING_SECOND_APPROVAL;
    }
}
