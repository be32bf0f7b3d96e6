package com.scfledger.contract.ledger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.RecordKeys;

/**
 * Limits the platform admin can tune without a chaincode upgrade. Until the first UpdateLedgerSettings the
 * {@link #DEFAULTS} apply, so a fresh channel works without a bootstrap transaction. GetLedgerSettings' result and
 * the entry of an event's {@code settings}.
 *
 * @param minUnit      the smallest amount, in minor units, a payable or a split output may carry
 * @param maxOutputs   the most outputs one SplitTransfer may create
 * @param maxTierDepth the deepest tier a token may reach (the root is tier 0)
 * @param updatedAt    when the settings last changed; null for the defaults
 * @param updatedByTx  the transaction that last changed them; null for the defaults
 */
@JsonPropertyOrder(alphabetic = true)
public record LedgerSettings(long minUnit, int maxOutputs, int maxTierDepth, Instant updatedAt, String updatedByTx)
        implements LedgerRecord {

    public static final LedgerSettings DEFAULTS = new LedgerSettings(100, 10, 10, null, null);

    /** Bounds on the settings themselves, so that an admin typo cannot make tokens unspendable or unbounded. */
    public static final int MAX_OUTPUTS_LIMIT = 100;
    public static final int MAX_TIER_DEPTH_LIMIT = 100;

    @Override
    public String ledgerKey() {
        return RecordKeys.LEDGER_SETTINGS;
    }
}
