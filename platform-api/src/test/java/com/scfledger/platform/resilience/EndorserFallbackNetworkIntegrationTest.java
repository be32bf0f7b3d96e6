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
 * Endorsement by any healthy majority, under a stream of writes: while writers keep registering payables, one
 * organisation's chaincode server (BankOrg's, which endorses two proposals in three while every organisation is
 * healthy) is stopped, and later started again. No write may fail: the answer is 201, or at worst a 503 with a
 * Retry-After, after which the same request under the same Idempotency-Key is answered 201. Bounded to about 40 s.
 */
class EndorserFallbackNetworkIntegrationTest extends NetworkIntegrationTestBase {

    private static final int WRITERS = 4;
    private static final long HEALTHY_MS = 6_000;
    private static final long OUTAGE_MS = 15_000;
    private static final long RECOVERED_MS = 8_000;
    private static final int MAX_TRIES = 5;

    /** One write's life: the statuses it was answered with, in order, and how long the whole took. */
    record Write(String phase, List<Integer> statuses, long millis) {
    }

    @Test
    void aStreamOfWritesGoesOnWhileOneOrganisationsChaincodeServerIsDown() throws Exception {
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
                    writes.add(new Write(during, statuses, (System.nanoTime() - start) / 1_000_000));
                }
                return null;
            }));
        }
        try {
            Thread.sleep(HEALTHY_MS);
            phase.put("now", "bank-down");
            network.stop("chaincode.bank");
            System.out.println("chaincode.bank stopped");
            Thread.sleep(OUTAGE_MS);
            Response health = get("/actuator/health/ledger", bearer(adminToken()));
            System.out.println("ledger health with BankOrg's chaincode down: " + health.body());
            network.chaincode("start", "bank");
            phase.put("now", "recovered");
            System.out.println("chaincode.bank started again");
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
        for (String p : List.of("healthy", "bank-down", "recovered")) {
            List<Write> in = all.stream().filter(w -> w.phase().equals(p)).toList();
            long created = in.stream().filter(w -> last(w) == 201).count();
            long retried = in.stream().filter(w -> w.statuses().size() > 1).count();
            long slowest = in.stream().mapToLong(Write::millis).max().orElse(0);
            System.out.printf("%-10s writes %3d  created %3d  answered 503 then retried %2d  slowest %5d ms%n", p,
                    in.size(), created, retried, slowest);
        }
        List<Write> failed = all.stream().filter(w -> last(w) != 201).toList();
        System.out.println("writes that did not end in 201: " + failed);
        assertThat(all.stream().filter(w -> w.phase().equals("bank-down"))).as("writes while BankOrg was down")
                .isNotEmpty();
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
