package com.scfledger.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.scfledger.platform.verify.Canonical;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit of PostgreSQL-only writes that no request entry covers. A trigger (V9) puts every change of a business
 * table in {@code audit_pending} in the change's own transaction; a request's entry removes its request's rows when it
 * is appended ({@link AuditLog#appendForRequest}), so it stays the one audit of what the request did. Once
 * {@code scf.audit.outbox-grace} has passed, the rows still here belong to a request that died before its entry, or
 * to a write made outside any request (start-up, a scheduled job, someone at the database): this appends one entry
 * per request (or per database transaction), in the order the writes were made, and removes the rows.
 * <p>
 * It takes the append lock before it looks, so a request's entry is either committed (its rows gone) or not yet
 * begun; rows are claimed with SKIP LOCKED and removed in the transaction that appends their entry, so a crash or a
 * second API instance never audits a write twice.
 */
@Component
class PendingWrites {

    private static final Logger log = LoggerFactory.getLogger(PendingWrites.class);
    private static final int BATCH = 200;

    /** One changed row, as the trigger recorded it. */
    record Write(long id, long xactId, String requestId, String actor, String table, String key, String operation) {

        String group() {
            return requestId != null ? "request:" + requestId : "xact:" + xactId;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration grace;
    private final JsonMapper json;

    PendingWrites(JdbcClient jdbc, TransactionTemplate tx, AuditLog auditLog, Clock clock,
                  @Value("${scf.audit.outbox-grace:PT60S}") Duration grace, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.auditLog = auditLog;
        this.clock = clock;
        this.grace = grace;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${scf.audit.outbox-drain-every:PT10S}", initialDelayString = "PT25S")
    void drainWhenDue() {
        try {
            int taken;
            do {
                taken = drain();
            } while (taken == BATCH);
        } catch (DataAccessException e) {
            log.warn("pending database writes not audited now, retried at the next run: {}", e.getMessage());
        }
    }

    /** One batch of writes older than the grace period: their entries appended, their rows removed; returns how many. */
    int drain() {
        Integer taken = tx.execute(s -> {
            auditLog.lockAppends();
            List<Write> due = jdbc.sql("""
                    SELECT id, xact_id, request_id, actor, table_name, row_key, operation FROM audit_pending
                    WHERE enqueued_at <= :before ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED""")
                    .param("before", Timestamp.from(clock.instant().minus(grace))).param("n", BATCH)
                    .query((rs, i) -> new Write(rs.getLong("id"), rs.getLong("xact_id"), rs.getString("request_id"),
                            rs.getString("actor"), rs.getString("table_name"), rs.getString("row_key"),
                            rs.getString("operation")))
                    .list();
            Map<String, List<Write>> byRequest = new LinkedHashMap<>();
            due.forEach(w -> byRequest.computeIfAbsent(w.group(), g -> new ArrayList<>()).add(w));
            auditLog.appendAll(byRequest.values().stream().map(this::derivedEntry).toList());
            if (!due.isEmpty()) {
                jdbc.sql("DELETE FROM audit_pending WHERE id IN (:ids)")
                        .param("ids", due.stream().map(Write::id).toList()).update();
                log.warn("{} database writes had no audit entry (made outside a request, or their request ended "
                        + "before its entry was written): {} entries derived from them were appended", due.size(),
                        byRequest.size());
            }
            return due.size();
        });
        return taken == null ? 0 : taken;
    }

    /** The entry of one request's (or one transaction's) writes: the caller the API named, no HTTP status (0). */
    AuditEntry derivedEntry(List<Write> writes) {
        Write first = writes.get(0);
        Map<String, Object> actor = first.actor() == null ? Map.of() : json.readValue(first.actor(), Map.class);
        Set<String> changes = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Write w : writes) {
            changes.add(w.operation() + " " + w.table());
            rows.add(Map.of("table", w.table(), "key", json.readValue(w.key(), Map.class), "operation", w.operation()));
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", "database");
        target.put("requestId", first.requestId());
        target.put("writes", rows);
        String action = "DATABASE " + String.join(", ", changes);
        return new AuditEntry(0, null, (String) actor.getOrDefault("kind", "DATABASE"), (String) actor.get("id"),
                (String) actor.get("name"), (String) actor.get("role"), (String) actor.get("enterprise"),
                action.length() <= 300 ? action : action.substring(0, 300), Canonical.json(target), "SUCCESS", 0, null,
                "[]", null, null);
    }
}
