package com.scfledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.verify.Canonical;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No committed ledger write lacks an audit entry: the crash this guards against is the API dying after the ledger
 * commit (the projector applied the transaction) and before the request's entry was appended. The crash is injected
 * by applying a transaction as the projector does, with no request around it.
 */
class AuditOutboxIntegrationTest extends IntegrationTestBase {

    @Autowired
    AuditOutbox outbox;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient db;

    private final long block = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    private final String crashed = "crashed" + Long.toHexString(block);
    private final String answered = "answered" + Long.toHexString(block);
    private final List<String> batch = List.of("batch0" + Long.toHexString(block), "batch1" + Long.toHexString(block),
            "batch2" + Long.toHexString(block));

    @AfterEach
    void removeTheAppliedEvents() {
        db.sql("DELETE FROM projected_events WHERE tx_id IN (:t)").param("t", everyTransaction()).update();
        db.sql("DELETE FROM audit_outbox WHERE tx_id IN (:t)").param("t", everyTransaction()).update();
    }

    @Test
    void aCommittedWriteWhoseRequestDiedBeforeItsEntryGetsAnEntryDerivedFromTheLedger() {
        applyAsTheProjector(crashed, 0, "CRASH-CORE");
        assertThat(outboxHolds(crashed)).as("enqueued with the read model's rows").isTrue();
        outbox.drain();
        assertThat(entriesNaming(crashed)).as("not before the grace period, in which the request's entry lands").isZero();

        pastTheGracePeriod();
        drainAll();

        assertThat(entriesNaming(crashed)).isEqualTo(1);
        Map<String, Object> entry = db.sql("""
                SELECT a.* FROM audit_log a JOIN audited_transactions t ON t.audit_seq = a.seq WHERE t.tx_id = :t""")
                .param("t", crashed).query().singleRow();
        assertThat(entry.get("actor_kind")).isEqualTo("LEDGER");
        assertThat(entry.get("actor_id")).isEqualTo("CRASH-CORE");
        assertThat(entry.get("action")).isEqualTo("LEDGER RegisterPayable");
        assertThat((String) entry.get("target")).contains("\"requestId\":\"req-" + crashed + "\"");
        assertThat(outboxHolds(crashed)).isFalse();
        assertThat(auditLog.verify().status()).isEqualTo(AuditLog.Integrity.INTACT);
    }

    @Test
    void aCommittedWriteItsRequestAuditedGetsNoSecondEntry() {
        auditLog.appendAll(List.of(new AuditEntry(0, null, "USER", "u-1", "someone", "CORE_ADMIN", "ANSWERED-CORE",
                "POST /api/v1/payables", Canonical.json(Map.of("path", "/api/v1/payables")), "SUCCESS", 201, null,
                Canonical.json(List.of(Map.of("transaction", "RegisterPayable", "transactionId", answered,
                        "committed", true))), null, null)));
        applyAsTheProjector(answered, 1, "ANSWERED-CORE");

        pastTheGracePeriod();
        drainAll();

        assertThat(entriesNaming(answered)).isEqualTo(1);
        assertThat(db.sql("SELECT actor_kind FROM audit_log a JOIN audited_transactions t ON t.audit_seq = a.seq "
                + "WHERE t.tx_id = :t").param("t", answered).query(String.class).single()).isEqualTo("USER");
        assertThat(outboxHolds(answered)).isFalse();
    }

    @Test
    void severalCrashedWritesGetTheirEntriesTogetherInLedgerOrderAndTheChainHolds() {
        for (int i = 0; i < batch.size(); i++) {
            applyAsTheProjector(batch.get(i), 10 + i, "BATCH-CORE");
        }

        pastTheGracePeriod();
        drainAll();

        List<Long> seqs = batch.stream().map(tx -> db.sql("SELECT audit_seq FROM audited_transactions WHERE tx_id = :t")
                .param("t", tx).query(Long.class).single()).toList();
        assertThat(seqs.get(1)).as("appended in the ledger's order, one after another").isEqualTo(seqs.get(0) + 1);
        assertThat(seqs.get(2)).isEqualTo(seqs.get(1) + 1);
        batch.forEach(tx -> assertThat(entriesNaming(tx)).as(tx).isEqualTo(1));
        assertThat(auditLog.verify().status()).isEqualTo(AuditLog.Integrity.INTACT);
    }

    private List<String> everyTransaction() {
        List<String> all = new java.util.ArrayList<>(List.of(crashed, answered));
        all.addAll(batch);
        return all;
    }

    private void applyAsTheProjector(String txId, int index, String actor) {
        db.sql("""
                INSERT INTO projected_events (tx_id, block_number, tx_index, event_name, transaction, request_id,
                                              actor_msp_id, actor_id, tx_timestamp)
                VALUES (:tx, :block, :idx, 'PayableRegistered', 'RegisterPayable', :req, 'CoreMSP', :actor, now())""")
                .param("tx", txId).param("block", block).param("idx", index).param("req", "req-" + txId)
                .param("actor", actor).update();
    }

    private void pastTheGracePeriod() {
        db.sql("UPDATE audit_outbox SET enqueued_at = enqueued_at - interval '1 hour' WHERE tx_id IN (:t)")
                .param("t", everyTransaction()).update();
    }

    private void drainAll() {
        while (outbox.drain() > 0) {
            // other tests' transactions may be due too
        }
    }

    private boolean outboxHolds(String txId) {
        return db.sql("SELECT count(*) FROM audit_outbox WHERE tx_id = :t").param("t", txId).query(Long.class).single() > 0;
    }

    /** Audit entries that name the transaction as committed, by their ledger transactions. */
    private long entriesNaming(String txId) {
        return db.sql("SELECT count(*) FROM audit_log WHERE ledger_tx_ids LIKE :p").param("p", "%\"" + txId + "\"%")
                .query(Long.class).single();
    }
}
