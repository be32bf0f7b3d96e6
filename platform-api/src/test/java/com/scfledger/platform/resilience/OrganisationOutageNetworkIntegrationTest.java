package com.scfledger.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.scfledger.platform.NetworkIntegrationTestBase;
import org.junit.jupiter.api.Test;

/**
 * The endorsement policy needs two of the three organisations, so one organisation that cannot endorse must not stop
 * the platform. While writers keep registering payables, PlatformOrg's chaincode server is stopped (the organisation of
 * the API's own gateway peer, and one the Gateway picks as an endorser while every organisation is healthy), and later
 * started again. No write may fail: the answer is 201, or at worst a 503 with a Retry-After, after which the same
 * request under the same Idempotency-Key is answered 201, each within 30 s; reads are answered by another
 * organisation's peer meanwhile. One outage serves both concerns (it used to be two tests, each stopping an
 * organisation). Bounded to about 40 s.
 */
class OrganisationOutageNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final int WRITERS = 4;
    private static final long HEALTHY_MS = 6_000;
    private static final long OUTAGE_MS = 15_000;
    private static final long RECOVERED_MS = 8_000;
    private static final int MAX_TRIES = 5;

    /** One write's life: the statuses it was answered with, in order, and how long the whole took. */
    record Write(String phase, String payableId, List<Integer> statuses, long millis) {
    }

    @Test
    void writesAndReadsGoOnWhileOneOrganisationsChaincodeServerIsDown() throws Exception {
        Party core = onboard("FBCORE", "CORE");
        Party supplier = onboard("FBSUP", "SUPPLIER");
        NetworkProcesses network = NetworkProcesses.ofThisWorktree();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger counter = new AtomicInteger();
        Map<String, String> phase = new ConcurrentHashMap<>(Map.of("now", "healthy"));
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        List<String> missingRetryAfter = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                while (!stop.get()) {
                    String payableId = unique("FB" + counter.incrementAndGet());
                    String during = phase.get("now");
                    List<Integer> statuses = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
                        Response r = post("/api/v1/payables", payable(payableId, supplier.id(), 1_000_00L,
                                today().plusDays(60)), core.key()[0], core.key()[1], "Idempotency-Key", "fb-" + payableId);
                        statuses.add(r.status());
                        if (r.status() != 503) {
                            break;
                        }
                        String retryAfter = r.header("Retry-After");
                        if (retryAfter == null) {
                            missingRetryAfter.add(payableId + ": " + r.body());
                            break;
                        }
                        sleepSeconds(Math.min(5, Long.parseLong(retryAfter.strip())));
                    }
                    writes.add(new Write(during, payableId, statuses, (System.nanoTime() - start) / 1_000_000));
                }
                return null;
            }));
        }
        try {
            Thread.sleep(HEALTHY_MS);
            phase.put("now", "org-down");
            network.stop("chaincode.platform");
            System.out.println("chaincode.platform stopped");
            Thread.sleep(OUTAGE_MS);
            List<Write> createdMeanwhile = writes.stream().filter(w -> w.phase().equals("org-down") && last(w) == 201)
                    .toList();
            assertThat(createdMeanwhile).as("writes created while PlatformOrg was down").isNotEmpty();
            Response read = get("/api/v1/payables/" + createdMeanwhile.get(0).payableId(), core.key()[0], core.key()[1]);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            Response health = get("/actuator/health/ledger", bearer(adminToken()));
            System.out.println("ledger health with PlatformOrg's chaincode down: " + health.body());
            network.chaincode("start", "platform");
            phase.put("now", "recovered");
            System.out.println("chaincode.platform started again");
            Thread.sleep(RECOVERED_MS);
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            network.restartStopped();
        }
        for (Future<?> writer : writers) {
            writer.get();
        }

        List<Write> all = List.copyOf(writes);
        for (String p : List.of("healthy", "org-down", "recovered")) {
            List<Write> in = all.stream().filter(w -> w.phase().equals(p)).toList();
            long created = in.stream().filter(w -> last(w) == 201).count();
            long retried = in.stream().filter(w -> w.statuses().size() > 1).count();
            long slowest = in.stream().mapToLong(Write::millis).max().orElse(0);
            System.out.printf("%-10s writes %3d  created %3d  answered 503 then retried %2d  slowest %5d ms%n", p,
                    in.size(), created, retried, slowest);
        }
        List<Write> failed = all.stream().filter(w -> last(w) != 201).toList();
        System.out.println("writes that did not end in 201: " + failed);
        assertThat(all.stream().filter(w -> w.phase().equals("org-down"))).as("writes while PlatformOrg was down")
                .isNotEmpty();
        assertThat(all).as("writes answered within 30 s, retries included").allSatisfy(w ->
                assertThat(w.millis()).isLessThan(30_000));
        assertThat(missingRetryAfter).as("503 answers without a Retry-After").isEmpty();
        assertThat(failed).as("writes that failed beyond a Retry-After").isEmpty();
        assertThat(all).allSatisfy(w -> assertThat(w.statuses()).allMatch(s -> s == 201 || s == 503));
    }

    private static int last(Write w) {
        return w.statuses().get(w.statuses().size() - 1);
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(1, seconds)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
