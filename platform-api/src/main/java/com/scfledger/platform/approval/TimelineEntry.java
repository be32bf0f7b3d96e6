package com.scfledger.platform.approval;

import java.time.Instant;

/** One step of an application's timeline, as its aggregate hands it over to be recorded. */
public record TimelineEntry(String action, String fromStatus, String toStatus, Actor actor, String note, String ledgerTxId,
                           Instant at) {
}
