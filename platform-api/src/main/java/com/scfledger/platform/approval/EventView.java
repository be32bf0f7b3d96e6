package com.scfledger.platform.approval;

import java.time.Instant;

/** A recorded timeline step as the API shows it. */
public record EventView(long id, Instant at, String actorId, String actorName, String action, String fromStatus,
                        String toStatus, String note, String ledgerTxId) {
}
