package com.scfledger.chaincode.ledger;

import com.scfledger.contract.ledger.LedgerSettings;

/** The ledger settings: read by anyone recognised, changed by the platform admin. */
public final class SettingsService {

    public LedgerSettings update(final Invocation inv, final long minUnit, final int maxOutputs,
            final int maxTierDepth) {
        inv.caller().requirePlatformAdmin();
        LedgerSettings updated = new LedgerSettings(minUnit, maxOutputs, maxTierDepth, inv.timestamp(), inv.txId(),
                inv.settings().businessZone());
        inv.state().put(updated);
        return updated;
    }

    /** Keeps the limits; the zone is validated by the caller ({@link Args#businessZone}). */
    public LedgerSettings setBusinessZone(final Invocation inv, final String businessZone) {
        inv.caller().requirePlatformAdmin();
        LedgerSettings current = inv.settings();
        LedgerSettings updated = new LedgerSettings(current.minUnit(), current.maxOutputs(), current.maxTierDepth(),
                inv.timestamp(), inv.txId(), businessZone);
        inv.state().put(updated);
        return updated;
    }

    public LedgerSettings get(final Invocation inv) {
        inv.caller();
        return inv.settings();
    }
}
