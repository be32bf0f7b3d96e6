package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fifty split requests on one token through the API at once: the ledger lets exactly one commit;
 * every other request gets a 409 (MVCC_READ_CONFLICT when it was endorsed against the same state,
 * TOKEN_NOT_ACTIVE when it came after the winner's commit), never a 5xx; and the ledger and the read
 * model agree afterwards.
 */
class SplitRaceNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final int REQUESTS = 50;
    private static final long AMOUNT = 5_000_000;

    @Test
    void fiftyConcurrentSplitsOfOneTokenCommitExactlyOnce() throws Exception {
        Party core = onboard("RCC", "CORE");
        Party holder = onboard("RCH", "SUPPLIER");
        Party left = onboard("RCL", "SUPPLIER");
        Party right = onboard("RCR", "SUPPLIER");
        String payableId = unique("PO");
        String tokenId = registerPayable(core, payableId, holder, AMOUNT, today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", holder.key()), 200, "accept");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Party recipient = i % 2 == 0 ? left : right;
                String[] auth = i % 3 == 0 ? holder.user() : holder.key();
                String key = unique("race-" + i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/tokens/" + tokenId + "/split", Map.of("outputs", List.of(
                                    Map.of("recipient", recipient.id(), "amountMinor", 1_000_000),
                                    Map.of("recipient", holder.id(), "amountMinor", AMOUNT - 1_000_000))),
                            auth[0], auth[1], "Idempotency-Key", key);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }

            Map<String, Integer> outcomes = new TreeMap<>();
            List<Response> winners = new ArrayList<>();
            for (Response r : responses) {
                String code = r.status() == 201 ? "created" : r.json().path("code").asString();
                outcomes.merge(r.status() + " " + code, 1, Integer::sum);
                if (r.status() == 201) {
                    winners.add(r);
                }
            }
            System.out.println("split race outcomes (" + REQUESTS + " requests): " + outcomes);
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isLessThan(500));
            assertThat(winners).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(REQUESTS - 1).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.json().path("code").asString()).isIn("MVCC_READ_CONFLICT", "TOKEN_NOT_ACTIVE");
            });
            assertThat(responses).filteredOn(r -> "MVCC_READ_CONFLICT".equals(r.json() == null ? null
                    : r.json().path("code").asString())).allSatisfy(r -> assertThat(r.header("Retry-After")).isEqualTo("1"));

            String winnerTx = winners.get(0).json().path("transactionId").asString();
            // the ledger: the token spent by the winner only, and exactly its two children
            JsonNode tree = json.readTree(ledgerClient.evaluate(core.id(), "GetPayableTree", core.id(), payableId));
            List<String> ledgerTokens = new ArrayList<>();
            long live = 0;
            for (JsonNode t : tree.path("tokens")) {
                ledgerTokens.add(t.path("id").asString() + " " + t.path("status").asString() + " " + t.path("amount").asLong());
                if (!List.of("SPENT", "REJECTED").contains(t.path("status").asString())) {
                    live += t.path("amount").asLong();
                }
                if (tokenId.equals(t.path("parentId").asString())) {
                    assertThat(t.path("createdByTx").asString()).isEqualTo(winnerTx);
                }
            }
            assertThat(ledgerTokens).hasSize(3);
            assertThat(live).isEqualTo(AMOUNT);
            // the read model: the same three tokens, the same states
            List<String> modelTokens = new ArrayList<>();
            get("/api/v1/payables/" + payableId, core.key()).json().path("tokens").forEach(t -> modelTokens.add(
                    t.path("tokenId").asString() + " " + t.path("status").asString() + " " + t.path("amountMinor").asLong()));
            assertThat(modelTokens).containsExactlyInAnyOrderElementsOf(ledgerTokens);
            JsonNode check = get("/api/v1/admin/read-model/consistency?enterpriseId=" + holder.id(), bearer(adminToken())).json();
            assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
