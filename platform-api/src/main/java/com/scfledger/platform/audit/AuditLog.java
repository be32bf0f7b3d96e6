package com.scfledger.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained audit log (table audit_log; a trigger refuses UPDATE, DELETE and TRUNCATE).
 * Appends are serialised by a transaction-scoped advisory lock, so each entry is chained to the one before it
 * and sequence numbers have no gaps (a gap therefore means a deleted entry).
 */
@Service
class AuditLog {


    /**
     * @param entriesChecked entries read, up to and including the first broken one
     * @param totalEntries   entries in the log
     * @param headHash       the last entry's hash when the chain is intact (worth keeping elsewhere: an entry removed
     *                       from the end of the log can only be noticed against a head kept outside it)
     */
    enum Integrity { INTACT, BROKEN }

    record ChainVerification(Integrity status, long entriesChecked, long totalEntries, long lastSeq, String headHash,
                        AuditChain.Break firstBroken, AuditCheckpoints.CheckpointCheck checkpoint) {
    }

    /** The last entry: its seq and hash. */
    record Head(long seq, String hash) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Requests' entries waiting to be written (guarded by itself), and whether a batch is being written. */
    private final List<QueuedEntry> queue = new ArrayList<>();
    private boolean writingBatch;

    AuditLog(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Takes the append lock until the end of the current transaction: every writer of the chain (a request's entry,
     * the drainers of {@code audit_outbox} and {@code audit_pending}) holds it, so there is one writer at a time.
     */
    void lockAppends() {
        // one lock per schema's log: appends to this log are serialised, other schemas' are not
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))").query((rs, i) -> 1).list();
    }

    /**
     * Appends a request's entry and, in the same transaction, drops the database writes that request made from
     * {@code audit_pending}: the request's entry is their audit, so {@link PendingWrites} derives none for them.
     *
     * <p>Requests that finish together share one transaction (group commit): the first to find no batch being written
     * writes every entry queued so far, under one hold of the append lock, while the others wait for theirs. Each
     * request still returns only once its own entry is committed. One lock per entry made the requests queue on the
     * lock whenever the CPU was busy: its holder, preempted, kept everyone else waiting.
     */
    AuditEntry appendForRequest(AuditEntry draft, String requestId) {
        QueuedEntry mine = new QueuedEntry(draft, requestId);
        synchronized (queue) {
            queue.add(mine);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<QueuedEntry> batch;
                synchronized (queue) {
                    while (!mine.done() && writingBatch) {
                        try {
                            queue.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the entry is queued: it is written whatever happens to this thread
                        }
                    }
                    if (mine.done()) {
                        return mine.result();
                    }
                    writingBatch = true;
                    batch = new ArrayList<>(queue);
                    queue.clear();
                }
                try {
                    write(batch);
                } catch (Error e) {
                    // write() completes every entry unless the JVM itself fails: its requests must not wait forever
                    IllegalStateException failure = new IllegalStateException("the audit batch was not written", e);
                    batch.forEach(q -> q.fail(failure));
                    throw e;
                } finally {
                    synchronized (queue) {
                        writingBatch = false;
                        queue.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes a batch in one transaction. When an entry breaks a constraint, each is written on its own, so a bad entry
     * sinks only itself; any other failure (the database is away) is every entry's.
     */
    private void write(List<QueuedEntry> batch) {
        try {
            writeTogether(batch);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1 || !(batchFailed instanceof org.springframework.dao.DataIntegrityViolationException)) {
                // the database is away, or the one entry is bad: every entry shares the failure
                batch.forEach(q -> q.fail(batchFailed));
                return;
            }
            for (QueuedEntry q : batch) {
                try {
                    writeTogether(List.of(q));
                } catch (RuntimeException e) {
                    q.fail(e);
                }
            }
        }
    }

    /** The entries and their requests' {@code audit_pending} rows, in one transaction; each entry completed after it. */
    private void writeTogether(List<QueuedEntry> entries) {
        List<AuditEntry> written = tx.execute(s -> {
            List<AuditEntry> appended = appendAll(entries.stream().map(QueuedEntry::draft).toList());
            jdbc.sql("DELETE FROM audit_pending WHERE request_id IN (:r)")
                    .param("r", entries.stream().map(QueuedEntry::requestId).toList()).update();
            return appended;
        });
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).succeed(written.get(i));
        }
    }

    /** A request's entry waiting for its batch; completed once, by the thread that wrote the batch. */
    private record QueuedEntry(AuditEntry draft, String requestId, CompletableFuture<AuditEntry> written) {

        QueuedEntry(AuditEntry draft, String requestId) {
            this(draft, requestId, new CompletableFuture<>());
        }

        void succeed(AuditEntry entry) {
            written.complete(entry);
        }

        void fail(RuntimeException e) {
            written.completeExceptionally(e);
        }

        boolean done() {
            return written.isDone();
        }

        /** The written entry, or the failure that kept it from being written, as it was thrown. */
        AuditEntry result() {
            try {
                return written.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /**
     * Appends entries in their order, chained (seq, time, prevHash and hash are filled in here), under one hold of the
     * append lock and in one INSERT: the drains of entries derived afterwards append a whole batch at once, so they
     * hold the lock that requests' entries wait for during one statement, not one per entry.
     */
    List<AuditEntry> appendAll(List<AuditEntry> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        return tx.execute(s -> {
            lockAppends();
            Head head = jdbc.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                    .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                    .optional().orElse(new Head(0, AuditEntry.GENESIS));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<AuditEntry> entries = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            for (AuditEntry draft : drafts) {
                AuditEntry e = new AuditEntry(head.seq() + 1, now, draft.actorKind(), draft.actorId(), draft.actorName(),
                        draft.actorRole(), draft.enterpriseId(), draft.action(), draft.target(), draft.outcome(),
                        draft.httpStatus(), draft.problemCode(), draft.ledgerTxIds(), head.hash(), null).sealed();
                String suffix = "_" + entries.size();
                Map<String, Object> row = columns(e);
                rows.add(row.keySet().stream().map(c -> ":" + c + suffix).collect(Collectors.joining(", ", "(", ")")));
                row.forEach((column, value) -> params.put(column + suffix, value));
                entries.add(e);
                head = new Head(e.seq(), e.hash());
            }
            String sql = "INSERT INTO audit_log (" + String.join(", ", COLUMNS) + ") VALUES " + String.join(", ", rows);
            jdbc.sql(sql).params(params).update();
            return entries;
        });
    }

    /** The table's columns, in the order {@link #columns} gives them. */
    private static final List<String> COLUMNS = List.of("seq", "occurred_at", "actor_kind", "actor_id", "actor_name",
            "actor_role", "enterprise_id", "action", "target", "outcome", "http_status", "problem_code", "ledger_tx_ids",
            "prev_hash", "hash");

    /** An entry as the table's row: each column and its value. */
    private static Map<String, Object> columns(AuditEntry e) {
        List<Object> values = java.util.Arrays.asList(e.seq(), Timestamp.from(e.occurredAt()), e.actorKind(), e.actorId(),
                e.actorName(), e.actorRole(), e.enterpriseId(), e.action(), e.target(), e.outcome(), e.httpStatus(),
                e.problemCode(), e.ledgerTxIds(), e.prevHash(), e.hash());
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            row.put(COLUMNS.get(i), values.get(i));
        }
        return row;
    }

    /**
     * Which entries to list; every criterion is optional.
     *
     * @param beforeSeq    only entries with a smaller seq (the next page)
     * @param enterpriseId only entries of this enterprise
     * @param actor        only entries by this actor: its id or its name, exactly (case ignored)
     * @param action       only entries whose action (method and route) contains this text (case ignored)
     * @param from         only entries that occurred at or after this instant
     * @param to           only entries that occurred before this instant
     */
    record Query(Long beforeSeq, String enterpriseId, String actor, String action, Instant from, Instant to) {
    }

    /** Entries newest first, as the query narrows them. */
    List<AuditEntry> list(Query q, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_log
                WHERE (CAST(:before AS bigint) IS NULL OR seq < :before)
                  AND (CAST(:ent AS varchar) IS NULL OR enterprise_id = :ent)
                  AND (CAST(:actor AS varchar) IS NULL
                       OR lower(actor_id) = lower(:actor) OR lower(actor_name) = lower(:actor))
                  AND (CAST(:action AS varchar) IS NULL OR strpos(lower(action), lower(:action)) > 0)
                  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                ORDER BY seq DESC LIMIT :limit""")
                .param("before", q.beforeSeq()).param("ent", blankToNull(q.enterpriseId()))
                .param("actor", blankToNull(q.actor())).param("action", blankToNull(q.action()))
                .param("from", q.from() == null ? null : Timestamp.from(q.from()))
                .param("to", q.to() == null ? null : Timestamp.from(q.to()))
                .param("limit", limit)
                .query(AuditLog::map).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Walks the whole chain in order and names the first broken entry, if any. */
    ChainVerification verify() {
        AuditChain chain = new AuditChain();
        long batch = 1000;
        long after = 0;
        while (true) {
            List<AuditEntry> page = jdbc.sql("SELECT * FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :n")
                    .param("after", after).param("n", batch).query(AuditLog::map).list();
            boolean intact = true;
            for (AuditEntry e : page) {
                if (!chain.accept(e)) {
                    intact = false;
                    break;
                }
                after = e.seq();
            }
            if (!intact || page.size() < batch) {
                break;
            }
        }
        AuditChain.Break b = chain.firstBreak();
        long total = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
        return new ChainVerification(b == null ? Integrity.INTACT : Integrity.BROKEN, chain.checked(), total, chain.lastSeq(),
                b == null ? chain.headHash() : null, b, null);
    }

    java.util.Optional<Head> head() {
        return jdbc.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                .query((rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash"))).optional();
    }

    /** The first entry's hash: it names this log (a log rewritten from its start is another log). */
    java.util.Optional<String> genesisHash() {
        return jdbc.sql("SELECT hash FROM audit_log ORDER BY seq LIMIT 1").query(String.class).optional();
    }

    java.util.Optional<Long> seqOf(String hash) {
        return jdbc.sql("SELECT seq FROM audit_log WHERE hash = :h").param("h", hash).query(Long.class).optional();
    }

    static AuditEntry map(ResultSet rs, int i) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_kind"),
                rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
                rs.getString("enterprise_id"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                rs.getInt("http_status"), rs.getString("problem_code"), rs.getString("ledger_tx_ids"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
