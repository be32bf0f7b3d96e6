package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies what the follower read: everything queued in the {@link EventBuffer} as one batch, in one
 * database transaction with the checkpoint (one commit per batch rather than per event keeps up with
 * full blocks). A batch holding an event that cannot be read, or one applied before, is applied
 * event by event instead. When a batch fails, nothing of it is applied: the queued events are
 * discarded and the stream reopened at the checkpoint.
 *
 * <p>Every event applied is announced to the lag and to the writes waiting for it.
 */
final class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    static final int MAX_BATCH = 500;
    private static final Duration POLL = Duration.ofMillis(200);

    private final ProjectionStore store;
    private final EventBuffer buffer;
    private final RecentlyApplied recent;
    private final ProjectionLag lag;
    private final AppliedWaiters waiters;
    private final RetryPause pause;
    private final ProjectorFailures failures;
    private final MeterRegistry meters;
    private final Timer applyTimer;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Instant lastEventAt;

    BatchApplier(ProjectionStore store, EventBuffer buffer, RecentlyApplied recent, ProjectionLag lag,
                 AppliedWaiters waiters, RetryPause pause, ProjectorFailures failures, MeterRegistry meters) {
        this.store = store;
        this.buffer = buffer;
        this.recent = recent;
        this.lag = lag;
        this.waiters = waiters;
        this.pause = pause;
        this.failures = failures;
        this.meters = meters;
        this.applyTimer = Timer.builder("scf.projector.apply")
                .description("Applying a batch of chaincode events in one transaction")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * Applies batches until {@code running} turns false.
     *
     * @param reopenStream called when a batch failed, to make the follower read again from the checkpoint
     */
    void applyWhile(BooleanSupplier running, Runnable reopenStream) {
        try {
            while (running.getAsBoolean()) {
                List<ChaincodeEvent> batch = buffer.takeBatch(MAX_BATCH, POLL);
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    apply(batch);
                } catch (RuntimeException e) {
                    buffer.discard();
                    reopenStream.run();
                    failures.failed("applying events", e, pause.first());
                    pause.pause(pause.first()); // the follower reopens once this batch is done
                } finally {
                    buffer.batchDone();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Applies one batch, in order. */
    void apply(List<ChaincodeEvent> batch) {
        long start = System.nanoTime();
        try {
            if (store.applyAll(batch)) {
                batch.forEach(e -> announce(e, ProjectionStore.Outcome.APPLIED));
            } else {
                for (ChaincodeEvent e : batch) {
                    announce(e, store.apply(e));
                }
            }
        } finally {
            applyTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void announce(ChaincodeEvent event, ProjectionStore.Outcome outcome) {
        failures.recovered(); // before any write learns of it: the status it reads then shows the projector working
        String txId = event.getTransactionId();
        if (outcome == ProjectionStore.Outcome.DUPLICATE) {
            duplicates.incrementAndGet();
            MDC.put("txId", txId);
            log.warn("event {} of transaction {} in block {} was applied before; skipped", event.getEventName(), txId,
                    event.getBlockNumber());
            MDC.remove("txId");
        } else if (outcome == ProjectionStore.Outcome.REJECTED) {
            rejected.incrementAndGet(); // the store said why, loudly
        }
        lastEventAt = Instant.now();
        recent.add(txId);
        lag.applied(event.getBlockNumber(), txId);
        waiters.applied(txId);
        Counter.builder("scf.projector.events").description("Chaincode events by name and outcome")
                .tag("event", event.getEventName()).tag("outcome", outcome.tag()).register(meters).increment();
    }

    /** The read model was emptied: the counts start again. */
    void reset() {
        duplicates.set(0);
        rejected.set(0);
    }

    long duplicates() {
        return duplicates.get();
    }

    long rejected() {
        return rejected.get();
    }

    Instant lastEventAt() {
        return lastEventAt;
    }
}
