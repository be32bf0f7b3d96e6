package com.scfledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.security.Role;
import com.scfledger.platform.security.ScfPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Writes that exist only in PostgreSQL are audited durably (V9): every business table is watched by the
 * {@code audit_pending} trigger, a request's own entry stays the one audit of what it wrote, and a write whose request
 * died before its entry gets exactly one entry derived from the trigger's rows.
 */
class AuditPendingWritesIntegrationTest extends IntegrationTestBase {

    private static final String READ_MODEL = "read model projected from the ledger, whose writes are audited "
            + "through audit_outbox (V6)";
    private static final String AUDIT = "the audit itself";

    /**
     * The tables no trigger watches, each with the reason. A new table is either given the trigger in its migration
     * or added here; the guard below fails until one of the two is done.
     */
    static final Map<String, String> NOT_AUDITED = Map.ofEntries(
            Map.entry("flyway_schema_history", "Flyway's record of the migrations applied"),
            Map.entry("access_tokens", "sessions issued at log-in (not a business write) and revoked with their user, "
                    + "whose change is audited"),
            Map.entry("idempotency_keys", "stored answers for retries; the request itself is audited"),
            Map.entry("ledger_enterprises", READ_MODEL),
            Map.entry("payables", READ_MODEL),
            Map.entry("tokens", READ_MODEL),
            Map.entry("token_counts", READ_MODEL),
            Map.entry("financings", READ_MODEL),
            Map.entry("anchors", READ_MODEL),
            Map.entry("ledger_settings", READ_MODEL),
            Map.entry("projected_events", READ_MODEL),
            Map.entry("projector_checkpoint", READ_MODEL),
            Map.entry("import_jobs", "progress of a CSV import: its upload is audited by its request, each row's "
                    + "ledger write through audit_outbox"),
            Map.entry("import_rows", "progress of a CSV import: its upload is audited by its request, each row's "
                    + "ledger write through audit_outbox"),
            Map.entry("signing_sessions", "the state of one offline-signed write: its requests are audited, its ledger "
                    + "transaction through audit_outbox"),
            Map.entry("notification_reads", "a reader's marks on derived notifications: display state, no business fact"),
            Map.entry("audit_log", AUDIT),
            Map.entry("audited_transactions", AUDIT),
            Map.entry("audit_outbox", AUDIT),
            Map.entry("audit_pending", AUDIT));

    @Autowired
    PendingWrites pendingWrites;

    @Autowired
    AuditLog auditLog;

    @Test
    void everyTableIsAuditedByTheTriggerOrNamedWithAReason() {
        Set<String> tables = new TreeSet<>(jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""").query(String.class).list());
        Set<String> audited = new TreeSet<>(jdbc.sql("""
                SELECT DISTINCT c.relname FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE c.relnamespace = current_schema()::regnamespace AND p.proname = 'audit_pending_enqueue'
                  AND NOT t.tgisinternal""").query(String.class).list());

        Set<String> forgotten = new TreeSet<>(tables);
        forgotten.removeAll(audited);
        forgotten.removeAll(NOT_AUDITED.keySet());
        assertThat(forgotten).as("tables neither audited by the audit_pending trigger nor in NOT_AUDITED").isEmpty();
        Set<String> both = new HashSet<>(audited);
        both.retainAll(NOT_AUDITED.keySet());
        assertThat(both).as("audited, yet listed as not audited").isEmpty();
        assertThat(tables).as("NOT_AUDITED names only tables that exist").containsAll(NOT_AUDITED.keySet());
        assertThat(audited).contains("users", "api_keys", "enterprises", "kyc_applications", "documents");
    }

    @Test
    void aRequestsOwnEntryIsTheOneAuditOfItsDatabaseWrites() {
        String admin = adminToken();
        long before = entriesCreatingEnterprises();
        String enterprise = createEnterprise(admin, "PEND", "SUPPLIER");
        createUser(admin, enterprise, "SUPPLIER");

        assertThat(entriesCreatingEnterprises()).as("the request's entry").isEqualTo(before + 1);
        assertThat(pendingNaming(enterprise)).as("removed with the request's entry").isZero();
        drainEverythingDue();
        assertThat(derivedEntriesNaming(enterprise)).isZero();
    }

    @Test
    void aWriteWhoseProcessDiedBeforeItsEntryGetsExactlyOneAfterTheRestart() {
        String enterprise = unique("CRASH");
        WriteRequest.Current request = WriteRequest.open(new ScfPrincipal(ScfPrincipal.Kind.USER, "u-crash",
                "crash admin", null, Role.PLATFORM_ADMIN, Set.of()));
        try {
            // the business write commits; the process is then killed, before the filter appends the request's entry
            jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:id, 'Crash Ltd', 'CORE', 'CORE')")
                    .param("id", enterprise).update();
        } finally {
            WriteRequest.close();
        }
        assertThat(jdbc.sql("SELECT request_id FROM audit_pending WHERE row_key = :k").param("k", key(enterprise))
                .query(String.class).single()).as("named after the request, in the write's transaction")
                .isEqualTo(request.id());
        pendingWrites.drain();
        assertThat(derivedEntriesNaming(enterprise)).as("not within the grace period, in which the request's own "
                + "entry lands").isZero();

        // after the restart, the drainer (stateless: all it knows is in audit_pending) runs past the grace period
        pastTheGracePeriod(enterprise);
        drainEverythingDue();
        drainEverythingDue();

        assertThat(derivedEntriesNaming(enterprise)).isEqualTo(1);
        Map<String, Object> entry = jdbc.sql("SELECT * FROM audit_log WHERE target LIKE :p")
                .param("p", "%\"" + enterprise + "\"%").query().singleRow();
        assertThat(entry.get("actor_kind")).isEqualTo("USER");
        assertThat(entry.get("actor_id")).isEqualTo("u-crash");
        assertThat(entry.get("actor_role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(entry.get("action")).isEqualTo("DATABASE INSERT enterprises");
        assertThat((String) entry.get("target")).contains("\"requestId\":\"" + request.id() + "\"")
                .contains("\"source\":\"database\"");
        assertThat(pendingNaming(enterprise)).isZero();
        assertThat(auditLog.verify().status()).isEqualTo(AuditLog.Integrity.INTACT);
    }

    @Test
    void aWriteOutsideAnyRequestIsAuditedAsTheDatabases() {
        String enterprise = unique("DBA");
        jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:id, 'Console Ltd', 'BANK', 'BANK')")
                .param("id", enterprise).update();
        jdbc.sql("UPDATE enterprises SET name = 'Console Bank' WHERE id = :id").param("id", enterprise).update();
        pastTheGracePeriod(enterprise);
        drainEverythingDue();

        List<Map<String, Object>> entries = jdbc.sql("SELECT * FROM audit_log WHERE target LIKE :p")
                .param("p", "%\"" + enterprise + "\"%").query().listOfRows();
        assertThat(entries).as("one entry per database transaction").hasSize(2);
        assertThat(entries).allSatisfy(e -> assertThat(e.get("actor_kind")).isEqualTo("DATABASE"));
        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("DATABASE INSERT enterprises", "DATABASE UPDATE enterprises");
    }

    @Test
    void aConnectionKeepsNoRequestsNameBeyondIt() {
        String first = unique("NAMED");
        String second = unique("UNNAMED");
        String third = unique("RENAMED");
        WriteRequest.Current one = WriteRequest.open(new ScfPrincipal(ScfPrincipal.Kind.USER, "u-one", "one", null,
                Role.PLATFORM_ADMIN, Set.of()));
        try {
            jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:id, 'One Ltd', 'CORE', 'CORE')")
                    .param("id", first).update();
        } finally {
            WriteRequest.close();
        }
        // the pool gives this thread the connection it used last: the one named for the request above
        assertThat(jdbc.sql("SELECT coalesce(current_setting('scf.request', true), '')").query(String.class).single())
                .as("a connection taken outside any request").isEmpty();
        jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:id, 'Two Ltd', 'CORE', 'CORE')")
                .param("id", second).update();
        WriteRequest.Current three = WriteRequest.open(new ScfPrincipal(ScfPrincipal.Kind.USER, "u-three", "three",
                null, Role.PLATFORM_ADMIN, Set.of()));
        try {
            jdbc.sql("INSERT INTO enterprises (id, name, role, org) VALUES (:id, 'Three Ltd', 'CORE', 'CORE')")
                    .param("id", third).update();
        } finally {
            WriteRequest.close();
        }
        assertThat(requestOf(first)).isEqualTo(one.id());
        assertThat(requestOf(second)).as("a write outside any request").isNull();
        assertThat(requestOf(third)).isEqualTo(three.id());
    }

    private String requestOf(String enterprise) {
        List<String> requests = jdbc.sql(
                        "SELECT request_id FROM audit_pending WHERE table_name = 'enterprises' AND row_key = :k")
                .param("k", key(enterprise)).query((rs, i) -> rs.getString(1)).list();
        assertThat(requests).as("pending entries of %s", enterprise).hasSize(1);
        return requests.get(0);
    }

    @Test
    void requestsFinishingTogetherShareATransactionAndTheChainStaysWhole() throws Exception {
        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_log").query(Long.class).single();
        int threads = 24;
        int each = 15;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<Long>>> results = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<Long> seqs = new java.util.ArrayList<>();
                for (int i = 0; i < each; i++) {
                    AuditEntry draft = new AuditEntry(0, null, "USER", "u-group-" + thread, "group", "PLATFORM_ADMIN",
                            null, "POST /group-commit", "{\"i\":" + i + "}", "SUCCESS", 200, null, "[]", null, null);
                    seqs.add(auditLog.appendForRequest(draft, java.util.UUID.randomUUID().toString()).seq());
                }
                return seqs;
            }));
        }
        start.countDown();
        java.util.Set<Long> seqs = new java.util.TreeSet<>();
        for (java.util.concurrent.Future<List<Long>> r : results) {
            seqs.addAll(r.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(seqs).as("one distinct seq per entry").hasSize(threads * each);
        long transactions = jdbc.sql("SELECT count(DISTINCT xmin::text) FROM audit_log WHERE action = 'POST /group-commit' "
                + "AND seq > :s").param("s", before).query(Long.class).single();
        System.out.printf("group commit: %d entries from %d threads in %d transactions%n", seqs.size(), threads,
                transactions);
        assertThat(transactions).as("transactions that wrote them").isLessThan((long) threads * each);
        assertThat(auditLog.verify().status()).isEqualTo(AuditLog.Integrity.INTACT);
    }

    @Test
    void usingAnApiKeyIsNotAChangeOfTheKey() {
        String admin = adminToken();
        String enterprise = createEnterprise(admin, "KEYUSE", "CORE");
        String key = createApiKey(admin, enterprise, "payables:read");
        assertThat(get("/api/v1/payables", apiKey(key)).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_pending WHERE table_name = 'api_keys' AND request_id IS NULL")
                .query(Long.class).single()).as("its last use is recorded, not audited").isZero();
    }

    private long entriesCreatingEnterprises() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'POST /api/v1/admin/enterprises'")
                .query(Long.class).single();
    }

    private void drainEverythingDue() {
        while (pendingWrites.drain() > 0) {
            // other tests' writes may be due too
        }
    }

    private void pastTheGracePeriod(String enterprise) {
        jdbc.sql("UPDATE audit_pending SET enqueued_at = enqueued_at - interval '1 hour' WHERE row_key = :k")
                .param("k", key(enterprise)).update();
    }

    private long pendingNaming(String enterprise) {
        return jdbc.sql("SELECT count(*) FROM audit_pending WHERE row_key LIKE :p").param("p", "%\"" + enterprise + "\"%")
                .query(Long.class).single();
    }

    private long derivedEntriesNaming(String enterprise) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'DATABASE %' AND target LIKE :p")
                .param("p", "%\"" + enterprise + "\"%").query(Long.class).single();
    }

    private static String key(String enterprise) {
        return "{\"id\": \"" + enterprise + "\"}";
    }
}
