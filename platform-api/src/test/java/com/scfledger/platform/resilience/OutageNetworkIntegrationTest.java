package com.scfledger.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Outages of the test's own network and database, reproduced by stopping or pausing their processes: each is
 * answered fast (within 30 s), as a 503 with Retry-After, and a write retried with the same Idempotency-Key once
 * the part is back is answered with the one transaction that did it.
 */
class OutageNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private final NetworkProcesses network = NetworkProcesses.ofThisWorktree();

    private Response registerTimed(Party core, Party supplier, String payableId, String key, String what) {
        long start = System.nanoTime();
        Response r = post("/api/v1/payables", payable(payableId, supplier.id(), 5_000_00L, today().plusDays(60)),
                core.key()[0], core.key()[1], "Idempotency-Key", key);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d %s in %d ms (Retry-After %s)%n", what, r.status(),
                r.status() >= 400 ? r.json().path("code").asString() : r.json().path("transactionId").asString(), millis,
                r.header("Retry-After"));
        assertThat(millis).as(what + " answered within 30 s").isLessThan(30_000);
        return r;
    }

    @Test
    void withTheOrdererPausedAWriteIsA503WithinThirtySecondsAndItsRetryIsAnsweredWithTheOneCommit() throws Exception {
        Party core = onboard("CORE", "CORE");
        Party supplier = onboard("SUP", "SUPPLIER");
        String payableId = unique("PO");
        String key = "paused-orderer-" + payableId;
        Response during;
        network.signal("orderer1", "STOP");
        try {
            during = registerTimed(core, supplier, payableId, key, "write with the orderer paused");
        } finally {
            network.signal("orderer1", "CONT");
        }
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.header("Retry-After")).isNotNull();
        assertThat(during.json().path("code").asString()).isIn("ORDERER_UNAVAILABLE", "COMMIT_STATUS_UNKNOWN");
        assertThat(during.json().path("detail").asString()).doesNotContain("not submitted");
        Response after = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            after = registerTimed(core, supplier, payableId, key, "retry " + attempt + " after the orderer resumed");
            if (after.status() == 201) {
                break;
            }
            Thread.sleep(1000L * Integer.parseInt(after.header("Retry-After") == null ? "1" : after.header("Retry-After")));
        }
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(after.json().path("payableId").asString()).isEqualTo(payableId);
        Response again = registerTimed(core, supplier, payableId, key, "replay");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("transactionId").asString()).isEqualTo(after.json().path("transactionId").asString());
    }

    @Test
    void withTheGatewayPeerPausedTheLedgerHealthIsDown() throws Exception {
        String admin = adminToken();
        JsonNode before = get("/actuator/health/ledger", bearer(admin)).json();
        assertThat(before.path("status").asString()).isEqualTo("UP");
        network.signal("peer0.platform", "STOP");
        JsonNode during;
        long start = System.nanoTime();
        try {
            during = get("/actuator/health/ledger", bearer(admin)).json();
        } finally {
            network.signal("peer0.platform", "CONT");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("ledger health with the gateway peer paused (" + millis + " ms): " + during);
        assertThat(during.path("status").asString()).isEqualTo("DOWN");
        assertThat(during.path("details").path("gatewayPeer").path("status").asString()).isNotEqualTo("ANSWERS");
        assertThat(millis).isLessThan(5_000);
        JsonNode after = null;
        for (int i = 0; i < 20; i++) {
            after = get("/actuator/health/ledger", bearer(admin)).json();
            if ("UP".equals(after.path("status").asString())) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(after.path("status").asString()).isEqualTo("UP");
    }

    @Test
    void withPostgresStoppedReadsAndWritesAre503WithRetryAfterFast() throws Exception {
        Party core = onboard("CORE", "CORE");
        Party supplier = onboard("SUP", "SUPPLIER");
        String payableId = unique("PO");
        network.postgres("stop");
        Response write;
        Response read;
        try {
            write = registerTimed(core, supplier, payableId, "db-down-" + payableId, "write with PostgreSQL stopped");
            long start = System.nanoTime();
            read = get("/api/v1/payables?size=1", core.key()[0], core.key()[1]);
            System.out.printf("read with PostgreSQL stopped: %d %s in %d ms%n", read.status(),
                    read.json().path("code").asString(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            network.postgres("start");
        }
        for (Response r : List.of(write, read)) {
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.json().path("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(r.header("Retry-After")).isEqualTo("5");
        }
        Response retry = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            retry = registerTimed(core, supplier, payableId, "db-down-" + payableId, "retry after PostgreSQL is back");
            if (retry.status() == 201) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(Map.of("payableId", retry.json().path("payableId").asString())).containsEntry("payableId", payableId);
    }
}
