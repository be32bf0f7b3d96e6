package com.scfledger.contract.financing;

import java.util.EnumSet;
import java.util.Set;

/**
 * A financing application's life.
 *
 * <pre>
 * REQUESTED -> APPROVED | REJECTED | CANCELLED
 * APPROVED, REJECTED, CANCELLED: final
 * </pre>
 */
public enum FinancingStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    CANCELLED;

    public Set<FinancingStatus> successors() {
        return this == REQUESTED ? EnumSet.of(APPROVED, REJECTED, CANCELLED) : EnumSet.noneOf(FinancingStatus.class);
    }

    public boolean canBecome(final FinancingStatus next) {
        return successors().contains(next);
    }
}
