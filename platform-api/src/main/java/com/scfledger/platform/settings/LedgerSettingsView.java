package com.scfledger.platform.settings;

import java.time.Instant;

import com.scfledger.contract.ledger.LedgerSettings;

/**
 * The ledger settings as the API shows them.
 *
 * @param businessZone the IANA time zone of the business day, "UTC" until a platform admin sets one
 * @param updatedAt    when the settings last changed on the ledger; null for the defaults
 * @param updatedByTx  the transaction that changed them; null for the defaults
 */
record LedgerSettingsView(long minUnit, int maxOutputs, int maxTierDepth, String businessZone, Instant updatedAt,
                          String updatedByTx) {

    static LedgerSettingsView of(LedgerSettings s) {
        return new LedgerSettingsView(s.minUnit(), s.maxOutputs(), s.maxTierDepth(), s.businessZoneId(), s.updatedAt(),
                s.updatedByTx());
    }
}
