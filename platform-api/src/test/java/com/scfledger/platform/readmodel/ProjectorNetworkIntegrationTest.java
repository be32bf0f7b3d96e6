package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.scfledger.contract.token.ListTokensByHolder;
import com.scfledger.contract.token.TokenPage;
import com.scfledger.platform.NetworkIntegrationTestBase;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.ledger.ScfLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The projector against the live network: events become rows with the checkpoint, each exactly
 * once, across a restart in the middle of a stream of transactions; a rebuild from block 0 yields
 * the same rows; the consistency check finds what was changed behind the projector's back.
 */
class ProjectorNetworkIntegrationTest extends NetworkIntegrationTestBase {

    @Autowired
    Projector projector;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ScfLedger ledger;

    @Test
    void aRegisteredPayableAndItsRootTokenAreInTheReadModelWhenTheApiAnswers() {
        Party core = onboard("PJC", "CORE");
        Party supplier = onboard("PJS", "SUPPLIER");
        String payableId = unique("PO");
        Response r = registerPayable(core, payableId, supplier, 777_000L, today().plusDays(40));
        String txId = r.json().path("transactionId").asString();
        // the API answered after the projector applied the transaction: no waiting here
        assertThat(projector.isApplied(txId)).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT * FROM payables WHERE obligor_id = :o AND payable_id = :p")
                .param("o", core.id()).param("p", payableId).query().singleRow();
        assertThat(row.get("beneficiary_id")).isEqualTo(supplier.id());
        assertThat(row.get("amount_minor")).isEqualTo(777_000L);
        assertThat(row.get("status")).isEqualTo("PENDING_ACCEPTANCE");
        assertThat(row.get("registered_tx")).isEqualTo(txId);
        JsonNode rootToken = r.json().path("ledger").path("tokens").get(0);
        Map<String, Object> token = jdbc.sql("SELECT * FROM tokens WHERE token_id = :t")
                .param("t", rootToken.path("id").asString()).query().singleRow();
        assertThat(token.get("holder_id")).isEqualTo(supplier.id());
        assertThat(token.get("tier")).isEqualTo(0);
        assertThat(token.get("block_number")).isEqualTo(r.json().path("blockNumber").asLong());
        assertThat(jdbc.sql("SELECT event_name FROM projected_events WHERE tx_id = :t").param("t", txId)
                .query(String.class).single()).isEqualTo("PayableRegistered");
        assertThat(jdbc.sql("SELECT msp_id FROM ledger_enterprises WHERE enterprise_id = :e").param("e", core.id())
                .query(String.class).single()).isEqualTo("CoreMSP");

        Projector.Status s = projector.status();
        assertThat(s.running()).isTrue();
        assertThat(s.leader()).isTrue();
        assertThat(s.checkpointBlock()).isGreaterThanOrEqualTo(r.json().path("blockNumber").asLong());
        assertThat(s.duplicates()).isZero();
        JsonNode health = get("/actuator/health", bearer(adminToken())).json().path("components").path("projector");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("details").has("lagEvents")).isTrue();
    }

    @Test
    void aProjectorStoppedInTheMiddleOfAStreamAppliesEveryEventExactlyOnceAfterItsRestart() throws Exception {
        Party core = onboard("PRC", "CORE");
        Party supplier = onboard("PRS", "SUPPLIER");
        int n = 10;
        List<String> txIds = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    String id = unique("PR");
                    LedgerResult r = ledgerClient.submit(core.id(), "RegisterPayable", id, supplier.id(), "10000", "CNY",
                            today().toString(), today().plusDays(30).toString(),
                            "[\"" + sha256("inv" + id) + "\"]", sha256("doc" + id), "rq-" + id);
                    txIds.add(r.transactionId());
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        long duplicatesBefore = projector.status().duplicates();
        producer.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (applied(txIds) < 3) {
            assertThat(System.currentTimeMillis()).as("3 events applied within a minute").isLessThan(deadline);
            Thread.sleep(20);
        }
        projector.stop();
        int appliedAtStop = applied(txIds);
        producer.join(120_000);
        assertThat(failures).isEmpty();
        assertThat(txIds).hasSize(n);
        Thread.sleep(500);
        assertThat(applied(txIds)).as("nothing is applied while the projector is stopped").isEqualTo(appliedAtStop);
        assertThat(appliedAtStop).as("stopped in the middle of the stream").isLessThan(n);

        projector.start();
        for (String tx : List.copyOf(txIds)) {
            assertThat(projector.awaitApplied(tx, Duration.ofSeconds(30))).as("applied after the restart: " + tx).isTrue();
        }
        List<String> rows = jdbc.sql("SELECT tx_id FROM projected_events WHERE tx_id IN (:t)").param("t", List.copyOf(txIds))
                .query(String.class).list();
        assertThat(rows).hasSize(n).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM payables WHERE obligor_id = :o").param("o", core.id())
                .query(Long.class).single()).isEqualTo(n);
        assertThat(projector.status().duplicates()).isEqualTo(duplicatesBefore);
        // one checkpoint step per applied event, in the same transactions as the rows
        assertThat(jdbc.sql("SELECT events_applied FROM projector_checkpoint WHERE projector = 'main'").query(Long.class)
                .single()).isEqualTo(jdbc.sql("SELECT count(*) FROM projected_events").query(Long.class).single());
    }

    private int applied(List<String> txIds) {
        List<String> ids = List.copyOf(txIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM projected_events WHERE tx_id IN (:t)").param("t", ids)
                .query(Long.class).single().intValue();
    }

    // ---- rebuild from block 0 ----------------------------------------------------------------------------

    private record Snapshot(long block, int txIndex, Map<String, Map<String, Map<String, Object>>> tables) {
        boolean atOrBefore(Map<String, Object> row) {
            long b = ((Number) row.get("block_number")).longValue();
            int i = ((Number) row.get("tx_index")).intValue();
            return b < block || (b == block && i <= txIndex);
        }
    }

    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("ledger_enterprises", List.of("enterprise_id"));
        KEYS.put("payables", List.of("obligor_id", "payable_id"));
        KEYS.put("tokens", List.of("token_id"));
        KEYS.put("financings", List.of("financing_id"));
        KEYS.put("anchors", List.of("record_type", "record_id"));
        KEYS.put("ledger_settings", List.of("id"));
        KEYS.put("projected_events", List.of("tx_id"));
    }

    private Snapshot snapshot() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.setReadOnly(true);
        return tx.execute(s -> {
            Map<String, Object> at = jdbc.sql("SELECT block_number, tx_index FROM projector_checkpoint WHERE projector = 'main'")
                    .query().singleRow();
            Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();
            KEYS.forEach((table, key) -> {
                Map<String, Map<String, Object>> rows = new TreeMap<>();
                for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                    Map<String, Object> r = new TreeMap<>(row);
                    r.remove("applied_at");
                    r.replaceAll((k, v) -> v instanceof java.sql.Array a ? arrayText(a) : v);
                    List<String> parts = new ArrayList<>();
                    key.forEach(k -> parts.add(String.valueOf(r.get(k))));
                    rows.put(String.join("/", parts), r);
                }
                tables.put(table, rows);
            });
            return new Snapshot(((Number) at.get("block_number")).longValue(), ((Number) at.get("tx_index")).intValue(), tables);
        });
    }

    private static String arrayText(java.sql.Array a) {
        try {
            return java.util.Arrays.toString((Object[]) a.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows before and after a rebuild are compared as of the checkpoint taken before it: rows the
     * rebuilt model last wrote at or before that position must equal the old ones exactly (their
     * positions included); rows written later (other activity on the shared network) are left out.
     */
    @Test
    void aRebuildFromBlockZeroYieldsTheSameRows() {
        Party core = onboard("RBC", "CORE");
        Party supplier = onboard("RBS", "SUPPLIER");
        String payableId = unique("PO");
        String root = registerPayable(core, payableId, supplier, 500_000L, today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", supplier.key()), 200, "accept");
        expect(post("/api/v1/tokens/" + root + "/split", Map.of("outputs", List.of(
                Map.of("recipient", supplier.id(), "amountMinor", 200_000), Map.of("recipient", supplier.id(), "amountMinor",
                        300_000))),
                supplier.key()), 201, "split");
        awaitReadModelCaughtUp(Duration.ofMinutes(1));
        Snapshot before = snapshot();
        long eventsBefore = before.tables().get("projected_events").size();

        Response started = post("/api/v1/admin/read-model/rebuild", "", bearer(adminToken()));
        assertThat(started.status()).isEqualTo(202);
        awaitReadModelCaughtUp(Duration.ofMinutes(10));
        Snapshot after = snapshot();

        int compared = 0;
        Set<String> problems = new HashSet<>();
        for (String table : KEYS.keySet()) {
            Map<String, Map<String, Object>> old = before.tables().get(table);
            Map<String, Map<String, Object>> rebuilt = after.tables().get(table);
            for (var e : old.entrySet()) {
                Map<String, Object> now = rebuilt.get(e.getKey());
                if (now == null) {
                    problems.add(table + " " + e.getKey() + " is gone after the rebuild");
                } else if (before.atOrBefore(now)) {
                    compared++;
                    if (!now.equals(e.getValue())) {
                        problems.add(table + " " + e.getKey() + ": " + e.getValue() + " became " + now);
                    }
                }
            }
            for (var e : rebuilt.entrySet()) {
                if (before.atOrBefore(e.getValue()) && !old.containsKey(e.getKey())) {
                    problems.add(table + " " + e.getKey() + " appeared in the rebuild only");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(compared).isGreaterThan((int) eventsBefore); // every event, plus the records they wrote
        assertThat(after.tables().get("tokens")).containsKey(root);
        assertThat(projector.status().duplicates()).isZero();
    }

    // ---- consistency check ------------------------------------------------------------------------------

    @Test
    void aHoldersTokensAreListedPageByPageWithTheBookmarkTheLedgerReturns() {
        Party core = onboard("PGC", "CORE");
        Party supplier = onboard("PGS", "SUPPLIER");
        String payableId = unique("PO");
        String root = registerPayable(core, payableId, supplier, 900_000L, today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", supplier.key()), 200, "accept");
        expect(post("/api/v1/tokens/" + root + "/split", Map.of("outputs", List.of(
                Map.of("recipient", supplier.id(), "amountMinor", 400_000), Map.of("recipient", supplier.id(), "amountMinor",
                        500_000))), supplier.key()), 201, "split");

        // a second page used to fail: Fabric's bookmark is a composite key full of NULs, which the API refuses to read
        TokenPage first = ledger.listTokensByHolder(supplier.id(), new ListTokensByHolder(supplier.id(), 1, null));
        assertThat(first.tokens()).hasSize(1);
        assertThat(first.bookmark()).isNotEmpty();
        TokenPage second = ledger.listTokensByHolder(supplier.id(),
                new ListTokensByHolder(supplier.id(), 1, first.bookmark()));
        assertThat(second.tokens()).hasSize(1);
        assertThat(second.tokens().get(0).id()).isGreaterThan(first.tokens().get(0).id());
        assertThat(second.bookmark()).as("the last page").isEmpty();
        assertThat(get("/api/v1/admin/read-model/consistency?enterpriseId=" + supplier.id(), bearer(adminToken())).json()
                .path("consistent").asBoolean()).isTrue();
    }

    @Test
    void theConsistencyCheckReportsEveryDifferenceMadeBehindTheProjectorsBack() {
        Party core = onboard("CCC", "CORE");
        Party supplier = onboard("CCS", "SUPPLIER");
        String payableId = unique("PO");
        String root = registerPayable(core, payableId, supplier, 900_000L, today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", supplier.key()), 200, "accept");
        JsonNode created = expect(post("/api/v1/tokens/" + root + "/split", Map.of("outputs", List.of(
                Map.of("recipient", supplier.id(), "amountMinor", 400_000), Map.of("recipient", supplier.id(), "amountMinor",
                        500_000))),
                supplier.key()), 201, "split").json().path("created");
        String child1 = created.get(0).path("tokenId").asString();
        String child2 = created.get(1).path("tokenId").asString();

        String admin = adminToken();
        JsonNode clean = get("/api/v1/admin/read-model/consistency?enterpriseId=" + core.id(), bearer(admin)).json();
        assertThat(clean.path("consistent").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("compared").path("PAYABLE").asInt()).isEqualTo(1);
        assertThat(clean.path("compared").path("TOKEN").asInt()).isEqualTo(3);

        Map<String, Object> deleted = jdbc.sql("SELECT * FROM tokens WHERE token_id = :t").param("t", child2).query().singleRow();
        jdbc.sql("UPDATE tokens SET amount_minor = amount_minor + 1 WHERE token_id = :t").param("t", child1).update();
        jdbc.sql("UPDATE payables SET status = 'SETTLED' WHERE obligor_id = :o AND payable_id = :p")
                .param("o", core.id()).param("p", payableId).update();
        jdbc.sql("DELETE FROM tokens WHERE token_id = :t").param("t", child2).update();
        String phantom = child2.substring(0, child2.length() - 1) + "7";
        Map<String, Object> fake = new LinkedHashMap<>(deleted);
        fake.put("token_id", phantom);
        insertToken(fake);
        try {
            JsonNode report = get("/api/v1/admin/read-model/consistency?enterpriseId=" + core.id(), bearer(admin)).json();
            assertThat(report.path("consistent").asBoolean()).isFalse();
            Set<String> found = new HashSet<>();
            report.path("differences").forEach(d -> found.add(d.path("problem").asString() + " " + d.path("kind").asString()
                    + " " + d.path("id").asString() + (d.path("field").isMissingNode() || d.path("field").isNull() ? ""
                    : " " + d.path("field").asString())));
            assertThat(found).containsExactlyInAnyOrder(
                    "FIELD_MISMATCH TOKEN " + child1 + " amount",
                    "FIELD_MISMATCH PAYABLE " + core.id() + "/" + payableId + " status",
                    "MISSING_IN_READ_MODEL TOKEN " + child2,
                    "MISSING_ON_LEDGER TOKEN " + phantom);
            JsonNode amount = report.path("differences").findParents("field").stream()
                    .filter(d -> d.path("field").asString().equals("amount")).findFirst().orElseThrow();
            assertThat(amount.path("readModel").asString()).isEqualTo("400001");
            assertThat(amount.path("ledger").asString()).isEqualTo("400000");
        } finally {
            jdbc.sql("UPDATE tokens SET amount_minor = amount_minor - 1 WHERE token_id = :t").param("t", child1).update();
            jdbc.sql("UPDATE payables SET status = 'ACCEPTED' WHERE obligor_id = :o AND payable_id = :p")
                    .param("o", core.id()).param("p", payableId).update();
            jdbc.sql("DELETE FROM tokens WHERE token_id = :t").param("t", phantom).update();
            insertToken(deleted);
        }
        assertThat(get("/api/v1/admin/read-model/consistency?enterpriseId=" + core.id(), bearer(admin)).json()
                .path("consistent").asBoolean()).isTrue();
    }

    private void insertToken(Map<String, Object> row) {
        List<String> cols = new ArrayList<>(row.keySet());
        JdbcClientHelper.insert(jdbc, "tokens", cols, row);
    }

    private static final class JdbcClientHelper {
        static void insert(org.springframework.jdbc.core.simple.JdbcClient jdbc, String table, List<String> cols,
                           Map<String, Object> row) {
            var spec = jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                    + String.join(", ", cols.stream().map(c -> ":" + c).toList()) + ")");
            for (String c : cols) {
                spec = spec.param(c, row.get(c));
            }
            spec.update();
        }
    }
}
