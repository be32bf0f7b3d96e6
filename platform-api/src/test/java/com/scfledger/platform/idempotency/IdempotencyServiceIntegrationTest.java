package com.scfledger.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.scfledger.platform.IntegrationTestBase;
import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The reusable component on its own, against the real table. */
class IdempotencyServiceIntegrationTest extends IntegrationTestBase {

    @Autowired
    IdempotencyService service;

    private final AtomicInteger runs = new AtomicInteger();

    private ResponseEntity<?> run(IdempotentRequest request) {
        return service.execute(request, () -> ResponseEntity.status(201).body(Map.of("run", runs.incrementAndGet())));
    }

    private void insertInFlight(IdempotentRequest r, Instant lockedUntil) {
        byte[] hash = new RequestFingerprint(json).of(r);
        jdbc.sql("""
                INSERT INTO idempotency_keys (scope, idempotency_key, operation, request_hash, status, lock_token,
                                              locked_until, created_at)
                VALUES (:s, :k, :o, :h, 'IN_FLIGHT', :lock, :until, now())""")
                .param("s", r.scope()).param("k", r.key()).param("o", r.operation()).param("h", hash)
                .param("lock", UUID.randomUUID()).param("until", Timestamp.from(lockedUntil)).update();
    }

    @Test
    void anAttemptThatDiedHoldingTheKeyIsTakenOverAfterItsLease() {
        var r = new IdempotentRequest("test:" + unique("s"), "k", "POST /x", Map.of("a", 1));
        insertInFlight(r, Instant.now().minusSeconds(1));
        ResponseEntity<?> response = run(r);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(runs.get()).isEqualTo(1);
        ResponseEntity<?> replay = run(r);
        assertThat(replay.getHeaders().getFirst(IdempotencyService.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.getBody()).isEqualTo("{\"run\":1}");
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aRunningAttemptRenewsItsShortLeaseAndACrashedOnesRunsOutInSeconds() throws Exception {
        var r = new IdempotentRequest("test:" + unique("s"), "k", "POST /x", Map.of("a", 1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> service.execute(r, () -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ResponseEntity.status(201).body(Map.of("run", runs.incrementAndGet()));
        }));
        holder.start();
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Instant first = lockedUntil(r);
            assertThat(first).isBefore(Instant.now().plusSeconds(16)); // seconds, not minutes
            Thread.sleep(50);
            service.renewLeases();
            assertThat(lockedUntil(r)).isAfter(first);
            assertThatThrownBy(() -> run(r)).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.code()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertThat(run(r).getHeaders().getFirst(IdempotencyService.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs.get()).isEqualTo(1);
    }

    private Instant lockedUntil(IdempotentRequest r) {
        return jdbc.sql("SELECT locked_until FROM idempotency_keys WHERE scope = :s AND idempotency_key = :k")
                .param("s", r.scope()).param("k", r.key()).query(Timestamp.class).single().toInstant();
    }

    @Test
    void anAttemptStillWithinItsLeaseBlocksOthers() {
        var r = new IdempotentRequest("test:" + unique("s"), "k", "POST /x", Map.of("a", 1));
        insertInFlight(r, Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> run(r)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
        });
        assertThat(runs.get()).isZero();
    }

    @Test
    void anUnexpectedExceptionReleasesTheKey() {
        var r = new IdempotentRequest("test:" + unique("s"), "k", "POST /x", Map.of("a", 1));
        assertThatThrownBy(() -> service.execute(r, () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(run(r).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anotherOperationUnderTheSameKeyIsAMismatch() {
        String scope = "test:" + unique("s");
        run(new IdempotentRequest(scope, "k", "POST /x", Map.of("a", 1)));
        assertThatThrownBy(() -> run(new IdempotentRequest(scope, "k", "POST /y", Map.of("a", 1))))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(422));
    }
}
