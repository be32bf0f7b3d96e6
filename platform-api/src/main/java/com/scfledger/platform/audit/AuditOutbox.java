package com.scfledger.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.scfledger.platform.verify.Canonical;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit of ledger writes that no request entry covers. A request's entry is appended after its ledger commit, so
 * an API killed in between leaves a committed transaction unaudited. The projector puts every committed transaction
 * in {@code audit_outbox} in the same PostgreSQL transaction as its read-model rows (a trigger, see
 * {@code V6__audit_outbox.sql}); once {@code scf.audit.outbox-grace} has passed, in which the request's own entry
 * normally lands, this appends an entry derived from the ledger for each transaction that no entry names, and empties
 * the outbox. Rows are claimed with SKIP LOCKED, so several API instances never audit one transaction twice.
 */
@Component
class AuditOutbox {

    private static final Logger log = LoggerFactory.getLogger(AuditOutbox.class);
    private static final int BATCH = 200;

    /** A committed ledger transaction as the projector recorded it. */
    record Pending(String txId, long block, String eventName, String transaction, String requestId, String mspId,
                   String actorId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration grace;

    AuditOutbox(JdbcClient jdbc, TransactionTemplate tx, AuditLog auditLog, Clock clock,
                @Value("${scf.audit.outbox-grace:PT60S}") Duration grace) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.auditLog = auditLog;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${scf.audit.outbox-drain-every:PT10S}", initialDelayString = "PT20S")
    void drainWhenDue() {
        try {
            int derived;
            do {
                derived = drain();
            } while (derived == BATCH);
        } catch (DataAccessException e) {
            log.warn("audit outbox not drained now, retried at the next run: {}", e.getMessage());
        }
    }

    /**
     * One batch: the transactions enqueued before the grace period that an entry already names are dropped from the
     * outbox; the others get an entry derived from the ledger first. Returns how many rows it took.
     */
    int drain() {
        Integer taken = tx.execute(s -> {
            // before looking: a request entry naming one of these transactions is then committed or not yet begun
            auditLog.lockAppends();
            List<Pending> due = jdbc.sql("""
                    SELECT o.tx_id, o.block_number, o.event_name, o.transaction, o.request_id, o.actor_msp_id, o.actor_id,
                           a.tx_id IS NOT NULL AS audited
                    FROM audit_outbox o LEFT JOIN audited_transactions a ON a.tx_id = o.tx_id
                    WHERE o.enqueued_at <= :before
                    ORDER BY o.block_number, o.tx_id
                    LIMIT :n FOR UPDATE OF o SKIP LOCKED""")
                    .param("before", Timestamp.from(clock.instant().minus(grace))).param("n", BATCH)
                    .query((rs, i) -> rs.getBoolean("audited") ? new Pending(rs.getString("tx_id"), -1, null, null, null,
                            null, null) : new Pending(rs.getString("tx_id"), rs.getLong("block_number"),
                            rs.getString("event_name"), rs.getString("transaction"), rs.getString("request_id"),
                            rs.getString("actor_msp_id"), rs.getString("actor_id")))
                    .list();
            auditLog.appendAll(due.stream().filter(p -> p.block() >= 0).map(AuditOutbox::derivedEntry).toList());
            if (!due.isEmpty()) {
                jdbc.sql("DELETE FROM audit_outbox WHERE tx_id IN (:ids)")
                        .param("ids", due.stream().map(Pending::txId).toList()).update();
            }
            long derived = due.stream().filter(p -> p.block() >= 0).count();
            if (derived > 0) {
                log.warn("{} committed ledger transactions had no audit entry (their request ended before it was "
                        + "written): entries derived from the ledger were appended", derived);
            }
            return due.size();
        });
        return taken == null ? 0 : taken;
    }

    /** The entry of a transaction known from the ledger only: the actor the ledger names, no HTTP status (0). */
    static AuditEntry derivedEntry(Pending p) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", "ledger");
        target.put("event", p.eventName());
        target.put("block", p.block());
        if (p.requestId() != null) {
            target.put("requestId", p.requestId());
        }
        if (p.mspId() != null) {
            target.put("mspId", p.mspId());
        }
        String transaction = p.transaction() != null ? p.transaction() : p.eventName();
        String calls = Canonical.json(List.of(Map.of("transaction", transaction, "transactionId", p.txId(),
                "committed", true)));
        return new AuditEntry(0, null, "LEDGER", p.actorId(), null, null, p.actorId(), "LEDGER " + transaction,
                Canonical.json(target), "SUCCESS", 0, null, calls, null, null);
    }
}
