package com.scfledger.platform.kyc;

import java.util.EnumSet;
import java.util.Set;

import com.scfledger.platform.approval.ApprovalState;

/**
 * A KYC application's life.
 *
 * <pre>
 * DRAFT               -> SUBMITTED                      (the applicant, with both documents)
 * SUBMITTED           -> REVIEWED                       (a first platform admin: the maker)
 * SUBMITTED, REVIEWED -> MORE_INFO_REQUESTED | REJECTED (a platform admin, with a reason)
 * MORE_INFO_REQUESTED -> SUBMITTED                      (the applicant again; the review starts over)
 * REVIEWED            -> APPROVED                       (another platform admin: the checker)
 * REJECTED, APPROVED: final (APPROVED then enrolls, registers and anchors on the ledger)
 * </pre>
 */
enum KycStatus implements ApprovalState<KycStatus> {
    DRAFT, SUBMITTED, REVIEWED, MORE_INFO_REQUESTED, REJECTED, APPROVED;

    @Override
    public Set<KycStatus> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(REVIEWED, MORE_INFO_REQUESTED, REJECTED);
            case REVIEWED -> EnumSet.of(APPROVED, MORE_INFO_REQUESTED, REJECTED);
            case MORE_INFO_REQUESTED -> EnumSet.of(SUBMITTED);
            case REJECTED, APPROVED -> EnumSet.noneOf(KycStatus.class);
        };
    }

    @Override
    public boolean editable() {
        return this == DRAFT || this == MORE_INFO_REQUESTED;
    }

    boolean open() {
        return this != REJECTED && this != APPROVED;
    }
}
