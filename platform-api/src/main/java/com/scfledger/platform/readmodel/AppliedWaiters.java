package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes waiting until their transaction is in the read model. Each wait is a future the applier
 * completes when it applies the transaction; a wait ends at its deadline at the latest and always
 * leaves the map as it found it.
 *
 * <p>On a standby instance another instance applies, so nothing here completes the future: the
 * wait watches {@code projected_events} instead (every {@value #STANDBY_POLL_MILLIS} ms).
 */
final class AppliedWaiters {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    static final long STANDBY_POLL_MILLIS = 50;

    private final RecentlyApplied recent;
    private final ProjectionStore store;
    private final ProjectorLeadership leadership;
    private final Map<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    AppliedWaiters(RecentlyApplied recent, ProjectionStore store, ProjectorLeadership leadership) {
        this.recent = recent;
        this.store = store;
        this.leadership = leadership;
    }

    /** The applier applied the transaction (after adding it to the recently applied): wakes its waits. */
    void applied(String transactionId) {
        List<CompletableFuture<Void>> futures = waiting.remove(transactionId);
        if (futures != null) {
            futures.forEach(f -> f.complete(null));
        }
    }

    /** @return whether the transaction is in the read model within {@code timeout} */
    boolean await(String transactionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Void> applied = register(transactionId);
        try {
            // registered before looking: an application from now on completes the future
            if (recent.contains(transactionId) || store.isApplied(transactionId)) {
                return true;
            }
            while (!leadership.leads()) {
                if (waitUntil(applied, Math.min(deadline, System.nanoTime() + STANDBY_POLL_MILLIS * 1_000_000))) {
                    return true;
                }
                if (store.isApplied(transactionId)) {
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
            }
            return waitUntil(applied, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            unregister(transactionId, applied);
        }
    }

    /** How many writes wait now (for tests: every wait cleans up after itself). */
    int waiting() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }

    private CompletableFuture<Void> register(String transactionId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiting.compute(transactionId, (tx, futures) -> {
            List<CompletableFuture<Void>> all = futures == null ? new ArrayList<>(1) : futures;
            all.add(future);
            return all;
        });
        return future;
    }

    private void unregister(String transactionId, CompletableFuture<Void> future) {
        waiting.computeIfPresent(transactionId, (tx, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    private static boolean waitUntil(CompletableFuture<Void> applied, long deadline) throws InterruptedException {
        try {
            applied.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            log.debug("a wait for the read model failed: {}", e.getMessage());
            return false;
        }
    }
}
