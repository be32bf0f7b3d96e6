package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.junit.jupiter.api.Test;

class BatchApplierUnitTest {

    private final FakeProjectionStore store = new FakeProjectionStore();
    private final EventBuffer buffer = new EventBuffer(100);
    private final RecentlyApplied recent = new RecentlyApplied();
    private final ProjectionLag lag = new ProjectionLag(recent, System::nanoTime);
    private final FakeLeadership leadership = new FakeLeadership();
    private final AppliedWaiters waiters = new AppliedWaiters(recent, store, leadership);
    private final ProjectorFailures failures = new ProjectorFailures("test");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BatchApplier applier = new BatchApplier(store, buffer, recent, lag, waiters,
            new RetryPause(Duration.ofMillis(10), Duration.ofMillis(10)), failures, meters);

    BatchApplierUnitTest() {
        leadership.tryLead();
    }

    private static ChaincodeEvent event(long block, String tx) {
        return new FakeLedgerEvents.Event(block, tx, "PayableRegistered", new byte[0]);
    }

    @Test
    void aBatchIsAppliedInOneGoAndEveryEventIsAnnounced() throws Exception {
        lag.startAt(0);
        lag.seen(1, "a");
        lag.seen(1, "b");
        CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(() -> waiters.await("b", Duration.ofSeconds(30)));
        Eventually.soon("the write waits", () -> waiters.waiting() == 1);

        applier.apply(List.of(event(1, "a"), event(1, "b")));

        assertThat(store.batchSizes).containsExactly(2);
        assertThat(write.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(lag.snapshot().events()).isZero();
        assertThat(recent.contains("a")).isTrue();
        assertThat(applier.lastEventAt()).isNotNull();
        assertThat(meters.get("scf.projector.events").tag("outcome", "applied").counter().count()).isEqualTo(2);
        assertThat(meters.get("scf.projector.apply").timer().count()).isEqualTo(1);
    }

    @Test
    void aBatchHoldingAnUnreadableOrRepeatedEventIsAppliedOneByOne() {
        store.unreadable("unreadable");
        store.appliedElsewhere("repeated");

        applier.apply(List.of(event(1, "good"), event(1, "unreadable"), event(2, "repeated")));

        assertThat(store.batchSizes).isEmpty();
        assertThat(store.applied()).containsEntry("good", ProjectionStore.Outcome.APPLIED)
                .containsEntry("unreadable", ProjectionStore.Outcome.REJECTED);
        assertThat(applier.duplicates()).isEqualTo(1);
        assertThat(applier.rejected()).isEqualTo(1);
        assertThat(meters.get("scf.projector.events").tag("outcome", "duplicate").counter().count()).isEqualTo(1);
        assertThat(meters.get("scf.projector.events").tag("outcome", "rejected").counter().count()).isEqualTo(1);
        assertThat(recent.contains("repeated")).as("a write waiting for it is answered").isTrue();
        applier.reset();
        assertThat(applier.duplicates()).isZero();
        assertThat(applier.rejected()).isZero();
    }

    @Test
    void aFailedBatchDropsWhatIsQueuedAndHasTheStreamReopenedAtTheCheckpoint() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reopened = new AtomicInteger();
        CompletableFuture<Void> loop = CompletableFuture.runAsync(() -> applier.applyWhile(running::get,
                reopened::incrementAndGet));
        try {
            store.failNextWrite(new IllegalStateException("database gone"));
            long generation = buffer.generation();
            buffer.put(generation, event(1, "a"));
            Eventually.soon("the stream is reopened", () -> reopened.get() == 1);
            assertThat(failures.last().message()).isEqualTo("IllegalStateException: database gone");
            assertThat(buffer.put(generation, event(1, "b"))).as("the rest of that stream is turned away").isFalse();
            assertThat(buffer.awaitDrained()).isTrue();
            assertThat(store.applied()).isEmpty();

            buffer.put(buffer.generation(), event(1, "a"));
            Eventually.soon("read again, applied and announced", () -> recent.contains("a"));
            assertThat(failures.last().message()).as("the failure is over").isNull();
        } finally {
            running.set(false);
            buffer.close();
            loop.get(5, TimeUnit.SECONDS);
        }
    }
}
