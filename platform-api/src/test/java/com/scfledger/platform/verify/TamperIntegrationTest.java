package com.scfledger.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.scfledger.platform.OnboardingTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tampering with PostgreSQL directly, as a database administrator could: the ledger anchors expose changed KYC and
 * financing records (TAMPERED, with both hashes), and the audit chain names the first changed entry.
 */
class TamperIntegrationTest extends OnboardingTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void rowsChangedInPostgresAreTamperedAndTheAuditChainNamesTheBrokenEntry() {
        String maker = adminToken();
        String checker = secondAdminToken();
        Party core = admit(maker, checker, "CORE", "CORE");
        Party supplier = admit(maker, checker, "SUP", "SUPPLIER");
        Party bank = admit(maker, checker, "BANK", "BANK");
        String kycId = is(get("/api/v1/kyc/applications", supplier.user()), 200).json().get(0).path("id").asString();
        creditLimit(bank, core, 1_000_000);
        String finId = apply(supplier, bank, activeToken(core, supplier, 250_000, today().plusDays(30)), "INV-T1");
        is(post("/api/v1/financing/applications/" + finId + "/submit", "", supplier.user()), 200);
        String auditor = auditorToken();

        JsonNode kycBefore = is(get("/api/v1/verify/KYC/" + kycId, bearer(auditor)), 200).json();
        assertThat(kycBefore.path("status").asString()).isEqualTo("VERIFIED");
        JsonNode finBefore = is(get("/api/v1/verify/FINANCING_APPLICATION/" + finId, bearer(auditor)), 200).json();
        assertThat(finBefore.path("status").asString()).isEqualTo("VERIFIED");

        // 1. the settlement account of an admitted enterprise is redirected
        jdbc.sql("UPDATE kyc_applications SET settlement_account = replace(settlement_account, '6222020200112233', "
                + "'6222020299999999') WHERE id = :id").param("id", kycId).update();
        Response kyc = is(get("/api/v1/verify/KYC/" + kycId, bearer(auditor)), 200);
        System.out.println("TAMPER kyc: " + kyc.body());
        assertThat(kyc.json().path("status").asString()).isEqualTo("TAMPERED");
        assertThat(kyc.json().path("anchoredHash").asString()).isEqualTo(kycBefore.path("computedHash").asString());
        assertThat(kyc.json().path("computedHash").asString()).isNotEqualTo(kyc.json().path("anchoredHash").asString());

        // 2. the face amount of a financing application is inflated
        jdbc.sql("UPDATE financing_applications SET face_amount_minor = face_amount_minor * 10 WHERE id = :id")
                .param("id", finId).update();
        Response fin = is(get("/api/v1/verify/FINANCING_APPLICATION/" + finId, supplier.user()), 200);
        System.out.println("TAMPER financing: " + fin.body());
        assertThat(fin.json().path("status").asString()).isEqualTo("TAMPERED");
        jdbc.sql("UPDATE financing_applications SET face_amount_minor = face_amount_minor / 10 WHERE id = :id")
                .param("id", finId).update();
        assertThat(is(get("/api/v1/verify/FINANCING_APPLICATION/" + finId, supplier.user()), 200).json().path("status")
                .asString()).isEqualTo("VERIFIED");

        // 3. the invoice file is swapped for another one, its stored hash left as it was
        jdbc.sql("UPDATE documents SET content = :c WHERE owner_type = 'FINANCING' AND owner_id = :id AND kind = 'INVOICE'")
                .param("c", pdf()).param("id", finId).update();
        Response swapped = is(get("/api/v1/verify/FINANCING_APPLICATION/" + finId, supplier.user()), 200);
        System.out.println("TAMPER document: " + swapped.body());
        assertThat(swapped.json().path("status").asString()).isEqualTo("TAMPERED");

        // only those who may see a record verify it
        Party stranger = admit(maker, checker, "SUP", "SUPPLIER");
        assertThat(code(is(get("/api/v1/verify/FINANCING_APPLICATION/" + finId, stranger.user()), 404)))
                .isEqualTo("RECORD_NOT_FOUND");
        assertThat(code(is(get("/api/v1/verify/INVOICE/" + finId, bearer(auditor)), 404))).isEqualTo("RECORD_TYPE_UNKNOWN");

        // the audit log: intact, append-only, and a changed entry is named
        JsonNode intact = is(get("/api/v1/audit/verification", bearer(auditor)), 200).json();
        System.out.println("AUDIT before: " + intact);
        assertThat(intact.path("status").asString()).isEqualTo("INTACT");
        assertThat(code(is(get("/api/v1/audit/verification", supplier.user()), 403))).isEqualTo("FORBIDDEN");
        JsonNode submitEntry = null;
        for (JsonNode e : is(get("/api/v1/audit/entries?enterpriseId=" + supplier.id() + "&limit=50", bearer(auditor)), 200)
                .json()) {
            if (e.path("action").asString().endsWith("/submit") && finId.equals(e.path("target").path("id").asString())) {
                submitEntry = e;
            }
        }
        assertThat(submitEntry).isNotNull();
        assertThat(submitEntry.path("ledgerTransactions").get(0).path("transaction").asString()).isEqualTo("RequestFinancing");
        long seq = submitEntry.path("seq").asLong();
        String originalActor = submitEntry.path("actorName").asString();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = :s").param("s", seq)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE seq = :s").param("s", seq).update())
                .hasMessageContaining("append-only");

        String storedHash = submitEntry.path("hash").asString();
        holdingTheAppendLock(() -> {
            rewriteAuditEntry(seq, "mallory");
            try {
                Response broken = is(get("/api/v1/audit/verification", bearer(auditor)), 200);
                System.out.println("AUDIT after tampering with entry " + seq + ": " + broken.body());
                assertThat(broken.json().path("status").asString()).isEqualTo("BROKEN");
                assertThat(broken.json().path("firstBroken").path("seq").asLong()).isEqualTo(seq);
                assertThat(broken.json().path("firstBroken").path("reason").asString()).isEqualTo("ENTRY_ALTERED");
                assertThat(broken.json().path("firstBroken").path("storedHash").asString()).isEqualTo(storedHash);
            } finally {
                rewriteAuditEntry(seq, originalActor);
            }
        });
        assertThat(is(get("/api/v1/audit/verification", bearer(auditor)), 200).json().path("status").asString())
                .isEqualTo("INTACT");
    }

    @Test
    void entriesRemovedFromTheEndOfTheLogAreNoticedAgainstTheLedgersCheckpoint() {
        String admin = adminToken();
        Response anchored = is(post("/api/v1/audit/checkpoints", "", bearer(admin)), 200);
        System.out.println("AUDIT checkpoint: " + anchored.body());
        long seq = anchored.json().path("seq").asLong();
        assertThat(anchored.json().path("recordId").asString()).startsWith("audit-");
        assertThat(code(is(post("/api/v1/audit/checkpoints", "", bearer(auditorToken())), 403))).isEqualTo("FORBIDDEN");
        JsonNode ok = is(get("/api/v1/audit/verification", bearer(admin)), 200).json();
        assertThat(ok.path("status").asString()).isEqualTo("INTACT");
        assertThat(ok.path("checkpoint").path("status").asString()).isEqualTo("FOUND");
        assertThat(ok.path("checkpoint").path("seq").asLong()).isEqualTo(seq);

        // cover one's tracks: remove the checkpointed entry and everything after it (the chain that is left holds)
        holdingTheAppendLock(() -> {
            List<Map<String, Object>> removed = jdbc.sql("SELECT * FROM audit_log WHERE seq >= :s ORDER BY seq")
                    .param("s", seq).query().listOfRows();
            withoutAppendOnlyTrigger(() -> jdbc.sql("DELETE FROM audit_log WHERE seq >= :s").param("s", seq).update());
            try {
                Response truncated = is(get("/api/v1/audit/verification", bearer(admin)), 200);
                System.out.println("AUDIT after removing entries from " + seq + " on: " + truncated.body());
                assertThat(truncated.json().path("status").asString()).isEqualTo("BROKEN");
                assertThat(truncated.json().path("firstBroken").path("reason").asString()).isEqualTo("CHECKPOINT_MISSING");
                assertThat(truncated.json().path("firstBroken").path("seq").asLong()).isEqualTo(seq);
                assertThat(truncated.json().path("checkpoint").path("status").asString()).isEqualTo("MISSING");
            } finally {
                withoutAppendOnlyTrigger(() -> removed.forEach(row -> {
                    var insert = jdbc.sql("INSERT INTO audit_log (" + String.join(", ", row.keySet()) + ") VALUES ("
                            + String.join(", ", row.keySet().stream().map(k -> ":" + k).toList()) + ")");
                    for (Map.Entry<String, Object> e : row.entrySet()) {
                        insert = insert.param(e.getKey(), e.getValue());
                    }
                    insert.update();
                }));
            }
        });
        assertThat(is(get("/api/v1/audit/verification", bearer(admin)), 200).json().path("status").asString())
                .isEqualTo("INTACT");
    }

    /**
     * Holds the audit log's append lock ({@code AuditLog.lockAppends}: every request entry and both drainers take it)
     * on a connection of its own while the log is rewritten, so nothing is appended to the altered tail meanwhile.
     */
    private void holdingTheAppendLock(Runnable rewrite) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext(current_schema() || '.audit_log'))");
            try {
                rewrite.run();
            } finally {
                s.execute("SELECT pg_advisory_unlock(hashtext(current_schema() || '.audit_log'))");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void withoutAppendOnlyTrigger(Runnable change) {
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").update();
        try {
            change.run();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").update();
        }
    }

    /** What only the table's owner can do: switch the append-only trigger off, rewrite, switch it on. */
    private void rewriteAuditEntry(long seq, String actorName) {
        jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update").update();
        try {
            jdbc.sql("UPDATE audit_log SET actor_name = :n WHERE seq = :s").param("n", actorName).param("s", seq).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update").update();
        }
    }

}
