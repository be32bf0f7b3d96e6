package com.scfledger.platform.approval;

import java.time.Instant;

/** A recorded timeline step as the API shows it: the action and its facts, which the reader's screen words. */
public record EventView(long id, Instant at, String actorId, String actorName, String action, String fromStatus,
                        String toStatus, TimelineFacts facts, String note, String ledgerTxId) {
}
