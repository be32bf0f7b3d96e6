package com.scfledger.platform.approval;

import java.time.Instant;

/**
 * One step of an application's timeline, as its aggregate hands it over to be recorded: what happened
 * ({@code action}) with its parameters as data ({@code facts}), and {@code note}, only ever the words a person typed
 * (a reviewer's note, a reason).
 */
public record TimelineEntry(String action, String fromStatus, String toStatus, Actor actor, TimelineFacts facts,
                            String note, String ledgerTxId, Instant at) {

    /** This entry naming the ledger transaction that carried it. */
    public TimelineEntry onLedger(String transactionId) {
        return new TimelineEntry(action, fromStatus, toStatus, actor, facts, note, transactionId, at);
    }
}
