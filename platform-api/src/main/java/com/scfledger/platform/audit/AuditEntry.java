package com.scfledger.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.scfledger.platform.verify.Canonical;

/**
 * One audited write. {@code hash} is the SHA-256 of the canonical JSON of every other field, {@code prevHash}
 * (the previous entry's hash) included, so changing, removing or inserting an entry breaks the chain from there on.
 *
 * @param target      canonical JSON object: the path, its variables, and what the handler noted
 * @param ledgerTxIds canonical JSON array of the ledger transactions submitted ({transaction, transactionId, committed})
 */
record AuditEntry(long seq, Instant occurredAt, String actorKind, String actorId, String actorName, String actorRole,
                  String enterpriseId, String action, String target, String outcome, int httpStatus,
                  String problemCode, String ledgerTxIds, String prevHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    /** The hash this entry should carry, computed from its other fields. */
    String computeHash() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("occurredAt", occurredAt);
        m.put("actorKind", actorKind);
        m.put("actorId", actorId);
        m.put("actorName", actorName);
        m.put("actorRole", actorRole);
        m.put("enterpriseId", enterpriseId);
        m.put("action", action);
        m.put("target", target);
        m.put("outcome", outcome);
        m.put("httpStatus", httpStatus);
        m.put("problemCode", problemCode);
        m.put("ledgerTxIds", ledgerTxIds);
        m.put("prevHash", prevHash);
        return Canonical.hash(m);
    }

    AuditEntry sealed() {
        return new AuditEntry(seq, occurredAt, actorKind, actorId, actorName, actorRole, enterpriseId, action, target,
                outcome, httpStatus, problemCode, ledgerTxIds, prevHash, computeHash());
    }
}
