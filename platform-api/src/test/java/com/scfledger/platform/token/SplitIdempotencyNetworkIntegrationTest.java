package com.scfledger.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.scfledger.platform.NetworkIntegrationTestBase;
import com.scfledger.platform.PlatformApiApplication;
import com.scfledger.platform.ledger.LedgerResult;
import com.scfledger.platform.ledger.RequestId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency-Key on split-and-transfer against the live network: a replay answers the stored
 * response without acting; replays sent in parallel act once; a replay to another API instance
 * (a restart) gets the same answer from PostgreSQL; a retry after an answer that was lost cannot
 * act twice because the ledger refuses the derived request id.
 */
class SplitIdempotencyNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private Party core;
    private Party holder;
    private Party other;

    @BeforeEach
    void parties() {
        if (core == null) {
            core = onboard("IDC", "CORE");
            holder = onboard("IDH", "SUPPLIER");
            other = onboard("IDO", "SUPPLIER");
        }
    }

    private String activeToken(String payableId, long amount) {
        String token = registerPayable(core, payableId, holder, amount, today().plusDays(30)).json()
                .path("ledger").path("tokens").get(0).path("id").asString();
        expect(post("/api/v1/payables/" + payableId + "/accept?obligorId=" + core.id(), "", holder.key()), 200, "accept");
        return token;
    }

    private Map<String, Object> split(long toOther, long kept) {
        return Map.of("outputs", List.of(Map.of("recipient", other.id(), "amountMinor", toOther),
                Map.of("recipient", holder.id(), "amountMinor", kept)));
    }

    private int splitsOf(String payableId) {
        JsonNode tree = json.readTree(ledgerClient.evaluate(core.id(), "GetPayableTree", core.id(), payableId));
        return tree.path("tokens").size();
    }

    @Test
    void aReplayAnswersTheStoredResponseAndAnotherBodyUnderTheKeyIsRefused() throws Exception {
        String payableId = unique("PO");
        String token = activeToken(payableId, 100_000);
        String key = unique("k");
        Response first = post("/api/v1/tokens/" + token + "/split", split(40_000, 60_000), holder.key()[0],
                holder.key()[1], "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        Response replay = post("/api/v1/tokens/" + token + "/split", split(40_000, 60_000), holder.key()[0],
                holder.key()[1], "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());
        Response otherBody = post("/api/v1/tokens/" + token + "/split", split(30_000, 70_000), holder.key()[0],
                holder.key()[1], "Idempotency-Key", key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // the same key is the holder's enterprise's: a user of the same enterprise replays it too
        Response byUser = post("/api/v1/tokens/" + token + "/split", split(40_000, 60_000), holder.user()[0],
                holder.user()[1], "Idempotency-Key", key);
        assertThat(byUser.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(splitsOf(payableId)).isEqualTo(3);

        // another API instance on the same database (a restart) answers the replay from PostgreSQL
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PlatformApiApplication.class)
                .profiles("itest", "network").properties("server.port=0", "scf.projector.enabled=false").run()) {
            int port2 = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            int saved = port;
            port = port2;
            try {
                Response afterRestart = post("/api/v1/tokens/" + token + "/split", split(40_000, 60_000), holder.key()[0],
                        holder.key()[1], "Idempotency-Key", key);
                assertThat(afterRestart.status()).isEqualTo(201);
                assertThat(afterRestart.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(afterRestart.json()).isEqualTo(first.json());
            } finally {
                port = saved;
            }
        }
        assertThat(splitsOf(payableId)).isEqualTo(3);
    }

    @Test
    void theSameRequestSentTenTimesInParallelActsOnce() throws Exception {
        String payableId = unique("PO");
        String token = activeToken(payableId, 100_000);
        String key = unique("par");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return post("/api/v1/tokens/" + token + "/split", split(10_000, 90_000), holder.key()[0],
                            holder.key()[1], "Idempotency-Key", key);
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            List<Response> executed = responses.stream()
                    .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).toList();
            assertThat(executed).hasSize(1);
            assertThat(responses).allSatisfy(r -> {
                if (r.status() == 201) {
                    assertThat(r.json()).isEqualTo(executed.get(0).json());
                } else {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                }
            });
            Response later = post("/api/v1/tokens/" + token + "/split", split(10_000, 90_000), holder.key()[0],
                    holder.key()[1], "Idempotency-Key", key);
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(splitsOf(payableId)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterALostAnswerIsAnsweredWithTheOriginalResultFromTheLedger() {
        String payableId = unique("PO");
        String token = activeToken(payableId, 100_000);
        String key = unique("lost");
        // the first attempt reached the ledger, but its answer never came back (say the API crashed): nothing stored
        String outputs = "[{\"amount\":25000,\"recipient\":\"" + other.id() + "\"},{\"amount\":75000,\"recipient\":\""
                + holder.id() + "\"}]";
        LedgerResult first = ledgerClient.submit(holder.id(), "SplitTransfer", token, outputs,
                RequestId.forIdempotencyKey("enterprise:" + holder.id(), key).value());
        Response retry = post("/api/v1/tokens/" + token + "/split", split(25_000, 75_000), holder.key()[0],
                holder.key()[1], "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("transactionId").asString()).isEqualTo(first.transactionId());
        assertThat(retry.json().path("blockNumber").asLong()).isEqualTo(first.blockNumber());
        assertThat(retry.json().path("created")).hasSize(2);
        assertThat(retry.json().path("spent").path("tokenId").asString()).isEqualTo(token);
        assertThat(splitsOf(payableId)).isEqualTo(3);
        Response replay = post("/api/v1/tokens/" + token + "/split", split(25_000, 75_000), holder.key()[0],
                holder.key()[1], "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(retry.json());
    }
}
