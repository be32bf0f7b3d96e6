package com.scfledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hyperledger.fabric.client.ChaincodeEvent;
import org.junit.jupiter.api.Test;

class EventBufferUnitTest {

    private static final Duration NO_WAIT = Duration.ofMillis(1);

    private static ChaincodeEvent event(String tx) {
        return new FakeLedgerEvents.Event(1, tx, "PayableRegistered", new byte[0]);
    }

    @Test
    void theApplierTakesEverythingQueuedAsOneBatchUpToTheLimit() throws Exception {
        EventBuffer buffer = new EventBuffer(10);
        for (String tx : List.of("a", "b", "c")) {
            assertThat(buffer.put(buffer.generation(), event(tx))).isTrue();
        }
        assertThat(buffer.takeBatch(2, NO_WAIT)).extracting(ChaincodeEvent::getTransactionId).containsExactly("a", "b");
        buffer.batchDone();
        assertThat(buffer.takeBatch(2, NO_WAIT)).extracting(ChaincodeEvent::getTransactionId).containsExactly("c");
        buffer.batchDone();
        assertThat(buffer.takeBatch(2, NO_WAIT)).isEmpty();
    }

    @Test
    void aFullBufferHoldsTheFollowerBackUntilTheApplierTakes() throws Exception {
        EventBuffer buffer = new EventBuffer(1);
        buffer.put(0, event("a"));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> put(buffer, 0, event("b")));
        Thread.sleep(100);
        assertThat(second).isNotDone();
        assertThat(buffer.takeBatch(10, NO_WAIT)).hasSize(1);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void eventsOfADiscardedStreamAreTurnedAway() throws Exception {
        EventBuffer buffer = new EventBuffer(10);
        long first = buffer.generation();
        buffer.put(first, event("a"));
        buffer.discard();
        assertThat(buffer.takeBatch(10, NO_WAIT)).as("queued before the discard").isEmpty();
        assertThat(buffer.put(first, event("b"))).as("read from the discarded stream").isFalse();
        assertThat(buffer.put(buffer.generation(), event("a"))).as("read again from the checkpoint").isTrue();
        assertThat(buffer.takeBatch(10, NO_WAIT)).extracting(ChaincodeEvent::getTransactionId).containsExactly("a");
    }

    @Test
    void itIsDrainedOnlyWhenNothingIsQueuedOrBeingApplied() throws Exception {
        EventBuffer buffer = new EventBuffer(10);
        buffer.put(0, event("a"));
        buffer.takeBatch(10, NO_WAIT);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> awaitDrained(buffer));
        Thread.sleep(100);
        assertThat(drained).as("a batch is in flight").isNotDone();
        buffer.batchDone();
        assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingWakesAndTurnsAwayEveryone() throws Exception {
        EventBuffer buffer = new EventBuffer(1);
        buffer.put(0, event("a"));
        buffer.takeBatch(10, NO_WAIT);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> awaitDrained(buffer));
        Thread.sleep(50);
        buffer.close();
        assertThat(drained.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(buffer.put(buffer.generation(), event("b"))).isFalse();
        assertThat(buffer.takeBatch(10, Duration.ofSeconds(5))).isEmpty();
        buffer.open();
        assertThat(buffer.put(buffer.generation(), event("b"))).as("open again after a restart").isTrue();
    }

    private static boolean put(EventBuffer buffer, long generation, ChaincodeEvent e) {
        try {
            return buffer.put(generation, e);
        } catch (InterruptedException ex) {
            throw new AssertionError(ex);
        }
    }

    private static boolean awaitDrained(EventBuffer buffer) {
        try {
            return buffer.awaitDrained();
        } catch (InterruptedException ex) {
            throw new AssertionError(ex);
        }
    }
}
