package com.scfledger.contract.token;

import java.util.EnumSet;
import java.util.Set;

/**
 * A token's life. The allowed moves are listed here once; {@code Token.transition} refuses any other, so a rule
 * that forgot a status check fails loudly instead of corrupting the ledger.
 *
 * <pre>
 * PENDING_ACCEPTANCE -> ACTIVE | REJECTED
 * ACTIVE             -> SPENT | FINANCING_PENDING | SETTLED
 * FINANCING_PENDING  -> ACTIVE | FINANCED
 * FINANCED           -> SETTLED
 * SPENT, SETTLED, REJECTED: final
 * </pre>
 */
public enum TokenStatus {
    PENDING_ACCEPTANCE,
    ACTIVE,
    SPENT,
    FINANCING_PENDING,
    FINANCED,
    SETTLED,
    REJECTED;

    public Set<TokenStatus> successors() {
        return switch (this) {
            case PENDING_ACCEPTANCE -> EnumSet.of(ACTIVE, REJECTED);
            case ACTIVE -> EnumSet.of(SPENT, FINANCING_PENDING, SETTLED);
            case FINANCING_PENDING -> EnumSet.of(ACTIVE, FINANCED);
            case FINANCED -> EnumSet.of(SETTLED);
            case SPENT, SETTLED, REJECTED -> EnumSet.noneOf(TokenStatus.class);
        };
    }

    public boolean canBecome(final TokenStatus next) {
        return successors().contains(next);
    }

    /** Live tokens are the ones that still represent part of the payable: all but the spent and the rejected. */
    public boolean live() {
        return this != SPENT && this != REJECTED;
    }
}
