package com.scfledger.contract.payable;

import java.util.EnumSet;
import java.util.Set;

/**
 * A payable's life, which follows its root token's acceptance and its tokens' settlement.
 *
 * <pre>
 * PENDING_ACCEPTANCE -> ACCEPTED | REJECTED
 * ACCEPTED           -> SETTLED
 * REJECTED, SETTLED: final
 * </pre>
 */
public enum PayableStatus {
    PENDING_ACCEPTANCE,
    ACCEPTED,
    REJECTED,
    SETTLED;

    public Set<PayableStatus> successors() {
        return switch (this) {
            case PENDING_ACCEPTANCE -> EnumSet.of(ACCEPTED, REJECTED);
            case ACCEPTED -> EnumSet.of(SETTLED);
            case REJECTED, SETTLED -> EnumSet.noneOf(PayableStatus.class);
        };
    }

    public boolean canBecome(final PayableStatus next) {
        return successors().contains(next);
    }
}
