package com.scfledger.contract.ledger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param businessZone the IANA time zone of the business day ("today" of the maturity and settlement rules); null
 *                     until SetBusinessZone first sets it, which means UTC. Left out of the JSON while null, so
 *                     settings written before the zone existed keep their exact bytes.
 */
@JsonPropertyOrder(alphabetic = true)
public record LedgerSettings(long minUnit, int maxOutputs, int maxTierDepth, Instant updatedAt, String updatedByTx,
        @JsonInclude(JsonInclude.Include.NON_NULL) String businessZone) implements LedgerRecord {

    public static final LedgerSettings DEFAULTS = new LedgerSettings(100, 10, 10, null, null, null);

    /** The business zone of a ledger that never set one: the UTC day the chaincode used before the setting. */
    public static final String DEFAULT_BUSINESS_ZONE = "UTC";

    /** Bounds on the settings themselves, so that an admin typo cannot make tokens unspendable or unbounded. */
    public static final int MAX_OUTPUTS_LIMIT = 100;
    public static final int MAX_TIER_DEPTH_LIMIT = 100;

    /** The region ids of the JVM's time-zone database; every peer runs the same chaincode image, so the same set. */
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** The business day's zone; UTC until one is set. */
    @JsonIgnore
    public ZoneId zone() {
        return businessZone == null ? ZoneOffset.UTC : ZoneId.of(businessZone);
    }

    /** The business zone's IANA id, "UTC" until one is set. */
    @JsonIgnore
    public String businessZoneId() {
        return businessZone == null ? DEFAULT_BUSINESS_ZONE : businessZone;
    }

    /**
     * Whether {@code id} names a region of the time-zone database exactly as spelled there ("Asia/Shanghai",
     * "UTC"). Bare offsets ("+08:00", "UTC+8") are refused: a region follows its daylight-saving rules, an offset
     * would silently stop matching the business's clock.
     */
    public static boolean isBusinessZone(final String id) {
        return id != null && REGION_IDS.contains(id);
    }

    @Override
    public String ledgerKey() {
        return RecordKeys.LEDGER_SETTINGS;
    }
}
