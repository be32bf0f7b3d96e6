package com.scfledger.platform.approval;

import java.time.Instant;

/** One step of an application's timeline, as its aggregate hands it over to be recorded. */
public record TimelineEntry(String action, String fromStatus, String toStatus, Actor actor, String note, String ledgerTxId,
                           Instant at) {

    /** This entry naming the ledger transaction that carried it. */
    public TimelineEntry onLedger(String transactionId) {
        return new TimelineEntry(action, fromStatus, toStatus, actor, note, transactionId, at);
    }
}
